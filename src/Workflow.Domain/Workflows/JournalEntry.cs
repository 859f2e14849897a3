using System.Globalization;
using Workflow.Domain.Audit;
using Workflow.Domain.Common;

namespace Workflow.Domain.Workflows;

/// <summary>
/// One transition, as it happened. Append-only; each entry carries the hash of the one before it, so an edited,
/// removed or reordered entry breaks the chain. Since the journal key exists, the hash is the key's seal
/// (<see cref="HashScheme.HmacSha256"/>) over the entry, the subject's fields as the transition left them
/// (<see cref="SubjectDigest"/>) and the ledger movements it caused (<see cref="LedgerMovements"/>): whoever can only
/// write the database cannot make a changed entry, subject or movement verify again. Entries written before the key
/// keep their plain SHA-256 (<see cref="HashScheme.Sha256"/>) and verify as they were written.
/// </summary>
public sealed class JournalEntry
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private JournalEntry() { ActorName = Role = AgencyCode = Action = ToState = DataHash = PreviousHash = Hash = SubjectType = ""; }

    /// <summary>An entry to be sealed when it is saved (<see cref="Seal"/>), after the transition's effects have run.</summary>
    public JournalEntry(WorkflowInstance instance, int sequence, DateTimeOffset at, Actor actor, string role,
        string? fromState, string action, string toState, string? comment, string data, string previousHash)
    {
        InstanceId = instance.Id;
        SubjectType = instance.SubjectType;
        SubjectId = instance.SubjectId;
        Sequence = sequence;
        At = at;
        ActorId = actor.Id;
        ActorName = actor.UserName;
        Role = role;
        AgencyCode = actor.AgencyCode;
        OnBehalfOfId = actor.OnBehalfOf?.PrincipalId;
        OnBehalfOfName = actor.OnBehalfOf?.PrincipalUserName;
        FromState = fromState;
        Action = action;
        ToState = toState;
        Comment = comment;
        Data = data;
        DataHash = CanonicalJson.Sha256(data);
        PreviousHash = previousHash;
        Hash = "";
        Scheme = HashScheme.HmacSha256;
    }

    public long Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public string SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string Role { get; private set; }
    public string AgencyCode { get; private set; }

    /// <summary>The principal a substitute acted for ("B thay mặt A": A's id), under a delegation; null when the actor acted in their own name.</summary>
    public Guid? OnBehalfOfId { get; private set; }

    /// <summary>The principal's login name, beside <see cref="OnBehalfOfId"/>.</summary>
    public string? OnBehalfOfName { get; private set; }

    public string? FromState { get; private set; }
    public string Action { get; private set; }
    public string ToState { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>The action's data (decision number, treasury reference…) in canonical JSON.</summary>
    public string Data { get; private set; } = "{}";

    /// <summary>SHA-256 of <see cref="Data"/>.</summary>
    public string DataHash { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    public HashScheme Scheme { get; private set; }

    /// <summary>The id of the journal key that sealed the entry; null for entries from before the key.</summary>
    public string? KeyId { get; private set; }

    /// <summary>The key's seal of the subject's fields as this transition left them (<see cref="SubjectDigest"/>).</summary>
    public string? SubjectDigest { get; private set; }

    /// <summary>The key's seal of the ledger movements this transition caused (<see cref="LedgerMovements"/>), none included.</summary>
    public string? MovementsDigest { get; private set; }

    public bool IsSealed => Hash.Length > 0;

    /// <summary>
    /// Seals the entry with <paramref name="key"/>, after the entry it follows (<paramref name="previousHash"/>),
    /// attesting the subject's text and the movements' text as the transaction leaves them.
    /// </summary>
    public void Seal(JournalKey key, string previousHash, string subjectText, string movementsText)
    {
        if (IsSealed) throw new InvalidOperationException($"Journal entry {InstanceId}/{Sequence} is already sealed.");
        Scheme = HashScheme.HmacSha256;
        KeyId = key.Id;
        PreviousHash = previousHash;
        SubjectDigest = key.Sign(subjectText);
        MovementsDigest = key.Sign(movementsText);
        Hash = key.Sign(SealedText());
    }

    /// <summary>What the seal covers: every field of the entry, its digests, the key that sealed it and the link.</summary>
    /// <remarks>
    /// The principal of a substitute's action is sealed only where there is one, so entries written before delegation
    /// existed keep the text they were sealed over.
    /// </remarks>
    public string SealedText()
    {
        var fields = new CanonicalFields()
            .Add("scheme", (long)Scheme).Add("key", KeyId)
            .Add("instance", InstanceId).Add("subjectType", SubjectType).Add("subject", SubjectId)
            .Add("sequence", Sequence).Add("at", At)
            .Add("actorId", ActorId).Add("actor", ActorName).Add("role", Role).Add("agency", AgencyCode);
        if (OnBehalfOfId is not null) fields.Add("onBehalfOfId", OnBehalfOfId).Add("onBehalfOf", OnBehalfOfName);
        return fields
            .Add("from", FromState).Add("action", Action).Add("to", ToState).Add("comment", Comment)
            .Add("dataHash", DataHash).Add("subjectDigest", SubjectDigest).Add("movementsDigest", MovementsDigest)
            .Add("previous", PreviousHash)
            .ToString();
    }

    /// <summary>The plain SHA-256 that entries from before the key (<see cref="HashScheme.Sha256"/>) were written with.</summary>
    public string LegacyHash() => CanonicalJson.Sha256(string.Join('\n',
        InstanceId.ToString("D"), Sequence.ToString(CultureInfo.InvariantCulture), At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ActorId.ToString("D"), ActorName, Role, AgencyCode, FromState ?? "", Action, ToState, Comment ?? "", DataHash, PreviousHash));
}
