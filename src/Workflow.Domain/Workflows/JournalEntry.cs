using System.Globalization;
using Workflow.Domain.Common;

namespace Workflow.Domain.Workflows;

/// <summary>
/// One transition, as it happened. Append-only; each entry carries the hash of the one before it, so an edited,
/// removed or reordered entry breaks the chain and <see cref="ComputeHash"/> no longer matches.
/// </summary>
public sealed class JournalEntry
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private JournalEntry() { ActorName = Role = AgencyCode = Action = ToState = DataHash = PreviousHash = Hash = SubjectType = ""; }

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
        FromState = fromState;
        Action = action;
        ToState = toState;
        Comment = comment;
        Data = data;
        DataHash = CanonicalJson.Sha256(data);
        PreviousHash = previousHash;
        Hash = ComputeHash();
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

    public string ComputeHash() => CanonicalJson.Sha256(string.Join('\n',
        InstanceId.ToString("D"), Sequence.ToString(CultureInfo.InvariantCulture), At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        ActorId.ToString("D"), ActorName, Role, AgencyCode, FromState ?? "", Action, ToState, Comment ?? "", DataHash, PreviousHash));
}
