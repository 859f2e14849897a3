using Workflow.Domain.Money;

namespace Workflow.Domain.Ledger;

/// <summary>
/// Chuyển nguồn (RULES.md 19): the finance office carries a closed year's line into the next year's plan. The
/// uncommitted allocation moves to the next year's line (CarryOut / CarryIn in the ledger); the commitments of
/// approved proposals stay on their line, which keeps taking their disbursements.
/// </summary>
public sealed class Carryover
{
    private Carryover() { }

    public Carryover(Guid id, Guid fromPlanLineId, Guid toPlanLineId, string decisionReference, SourceAmounts moved,
        SourceAmounts commitmentsKept, string actor, DateTimeOffset at)
    {
        Id = id;
        FromPlanLineId = fromPlanLineId;
        ToPlanLineId = toPlanLineId;
        DecisionReference = decisionReference;
        Moved = moved;
        KeptCommitments = commitmentsKept.Total;
        Actor = actor;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid FromPlanLineId { get; private set; }
    public Guid ToPlanLineId { get; private set; }
    public string DecisionReference { get; private set; } = "";
    /// <summary>The uncommitted allocation that left the line, per source.</summary>
    public SourceAmounts Moved { get; private set; } = SourceAmounts.Zero;
    public long KeptCommitments { get; private set; }
    public string Actor { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
