using Workflow.Domain.Money;

namespace Workflow.Domain.Ledger;

/// <summary>
/// Hủy dự toán (RULES.md 25): after the close, the finance office lets a line's unspent allocation lapse instead of
/// carrying it over — an explicit action with its decision reference, written to the ledger (<see cref="LedgerEntryKind.Lapse"/>)
/// and shown in the report. A line lapses once, and a lapsed line is not carried over (nor a carried one lapsed).
/// </summary>
public sealed class Lapse
{
    private Lapse() { }

    public Lapse(Guid id, Guid planLineId, string decisionReference, SourceAmounts amounts, string actor, DateTimeOffset at)
    {
        Id = id;
        PlanLineId = planLineId;
        DecisionReference = decisionReference;
        Amounts = amounts;
        Actor = actor;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid PlanLineId { get; private set; }
    public string DecisionReference { get; private set; } = "";

    /// <summary>The uncommitted allocation that lapsed, per source.</summary>
    public SourceAmounts Amounts { get; private set; } = SourceAmounts.Zero;
    public string Actor { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
