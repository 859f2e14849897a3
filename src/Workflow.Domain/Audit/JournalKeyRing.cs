namespace Workflow.Domain.Audit;

/// <summary>
/// The key new entries are sealed with, and the keys retired by rotations: entries sealed with a retired key still
/// verify as long as it is kept here. An entry that names a key found in neither was sealed again by someone else.
/// </summary>
public sealed class JournalKeyRing
{
    private readonly Dictionary<string, JournalKey> _byId;

    public JournalKeyRing(JournalKey current, IEnumerable<JournalKey>? previous = null)
    {
        Current = current;
        _byId = new Dictionary<string, JournalKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in previous ?? []) _byId.TryAdd(key.Id, key);
    }

    public JournalKey Current { get; }

    public IReadOnlyCollection<string> KeyIds => _byId.Keys;

    public JournalKey? Find(string? keyId) => keyId is not null && _byId.TryGetValue(keyId, out var key) ? key : null;
}
