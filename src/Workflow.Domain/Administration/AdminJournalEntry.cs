namespace Workflow.Domain.Administration;

/// <summary>
/// One change an administrator made to units, agencies, assignments or users: who, when, on what, and the object
/// before and after (JSON text; null before a creation). Append-only: entries are added in the same transaction as
/// the change and never updated or deleted.
/// </summary>
public sealed class AdminJournalEntry
{
    private AdminJournalEntry() { ActorName = UnitCode = ObjectType = ObjectId = Action = ""; }

    public AdminJournalEntry(Guid id, DateTimeOffset at, Guid actorId, string actorName, string unitCode, string objectType, string objectId,
        string action, string? before, string? after)
    {
        if (string.IsNullOrWhiteSpace(unitCode)) throw new ArgumentException("The unit the change concerns is required.", nameof(unitCode));
        if (string.IsNullOrWhiteSpace(objectType)) throw new ArgumentException("The object type is required.", nameof(objectType));
        if (string.IsNullOrWhiteSpace(objectId)) throw new ArgumentException("The object id is required.", nameof(objectId));
        if (string.IsNullOrWhiteSpace(action)) throw new ArgumentException("The action is required.", nameof(action));
        Id = id;
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        UnitCode = unitCode;
        ObjectType = objectType;
        ObjectId = objectId;
        Action = action;
        Before = before;
        After = after;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; }
    /// <summary>The unit the change concerns: whoever manages it (or a unit above) may read the entry.</summary>
    public string UnitCode { get; private set; }
    /// <summary><see cref="AdminObjectTypes"/>.</summary>
    public string ObjectType { get; private set; }
    public string ObjectId { get; private set; }
    /// <summary>create, rename, close, update, change-kind, assign, … (lower-case, dash-separated).</summary>
    public string Action { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
}

/// <summary>What an <see cref="AdminJournalEntry"/> may concern.</summary>
public static class AdminObjectTypes
{
    public const string Unit = nameof(Unit);
    public const string Agency = nameof(Agency);
    public const string Assignment = nameof(Assignment);
    public const string User = nameof(User);
    public const string TwoFactorRoles = nameof(TwoFactorRoles);
    /// <summary>A programme period's catalogue loaded by an administrator; the id is <c>period vN</c>.</summary>
    public const string Catalogue = nameof(Catalogue);

    /// <summary>A unit's poverty census for a review year (monitoring baseline); the id is the census id.</summary>
    public const string PovertyCensus = nameof(PovertyCensus);

    /// <summary>A monitoring target of a unit; the id is the target id.</summary>
    public const string MonitoringTarget = nameof(MonitoringTarget);

    /// <summary>A unit's monitoring figures loaded from a file; the id is the unit code.</summary>
    public const string MonitoringFile = nameof(MonitoringFile);

    /// <summary>A version of a province's policy; its id is <c>province/fiscalYear/version</c>.</summary>
    public const string Policy = nameof(Policy);

    /// <summary>A unit's medium-term ceilings for a period, replaced whole; the id is <c>unit/from-to</c>.</summary>
    public const string Ceiling = nameof(Ceiling);

    /// <summary>An officer claimed, took over or released an open task; the id is the task's.</summary>
    public const string TaskClaim = nameof(TaskClaim);

    /// <summary>A user handed their tasks of a role to a substitute for a range of days, or revoked it; the id is the delegation's.</summary>
    public const string Delegation = nameof(Delegation);

    /// <summary>A personal-data file's content removed when its retention ran out; the id is its SHA-256 (docs/personal-data.md).</summary>
    public const string PersonalDataFile = nameof(PersonalDataFile);

    /// <summary>Households a proposal's beneficiaries escaped poverty by, at a later review; the id is <c>proposalId/reviewYear</c>.</summary>
    public const string EscapedAfterSupport = nameof(EscapedAfterSupport);

    /// <summary>Funds outside the system declared for a plan; the id is <c>unit/year/component</c>.</summary>
    public const string DeclaredFunds = nameof(DeclaredFunds);

    /// <summary>A unit's monitoring report: created, recompiled, submitted, corrected; the id is the report's.</summary>
    public const string MonitoringReport = nameof(MonitoringReport);

    public static readonly IReadOnlyList<string> All = [Unit, Agency, Assignment, User, TwoFactorRoles, Catalogue, Policy, Ceiling, TaskClaim, Delegation, PersonalDataFile, PovertyCensus, MonitoringTarget, MonitoringFile, EscapedAfterSupport, DeclaredFunds, MonitoringReport];
}
