using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements.Rules;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Settlements;

/// <summary>Where a proposal's settlement stands, as the report counts it.</summary>
public enum SettlementStatus { NotStarted, InProgress, Submitted, Approved, Closed }

/// <param name="Outputs">The acceptance's own words: the record of outputs before indicators, now a remark beside <paramref name="ActualOutputs"/>.</param>
/// <param name="ActualOutputs">The outputs accepted, per indicator of the proposal's programme period.</param>
public sealed record SettlementContent(string Outputs, DateOnly? AcceptedOn, Beneficiaries Reached, SourceAmounts ActualCost,
    IReadOnlyList<Monitoring.Indicators.OutputQuantity>? ActualOutputs = null);

/// <summary>
/// Acceptance (nghiệm thu) and settlement (quyết toán) of one proposal: outputs and beneficiaries reached, actual
/// cost per source. On approval the unused commitment returns to the plan line; money paid beyond the actual cost
/// is a refund due, released when it is received.
/// </summary>
public sealed class Settlement
{
    private Settlement() { }

    /// <param name="code">Its number in its unit (<see cref="DossierCode"/>, <c>QT-2026-0001</c>).</param>
    /// <param name="unitCode">The unit of its proposal, which numbers it.</param>
    public static Settlement Open(Guid id, string code, Guid proposalId, string unitCode, SettlementContent content, string actor, DateTimeOffset now)
    {
        var settlement = new Settlement { Id = id, Code = code, ProposalId = proposalId, UnitCode = unitCode, CreatedBy = actor, CreatedAt = now };
        settlement.Set(content, now);
        return settlement;
    }

    public Guid Id { get; private set; }

    /// <summary>The number on its papers, sequential in its unit and fiscal year (<c>QT-2026-0001</c>).</summary>
    public string Code { get; private set; } = "";
    public Guid ProposalId { get; private set; }

    /// <summary>The unit of its proposal: its code is unique within it.</summary>
    public string UnitCode { get; private set; } = "";
    public Guid InstanceId { get; private set; }
    public string Outputs { get; private set; } = "";

    /// <summary>The outputs accepted, per indicator: what the reports add up (the text above is a remark).</summary>
    public IReadOnlyList<Monitoring.Indicators.OutputQuantity> ActualOutputs { get; private set; } = [];
    public DateOnly? AcceptedOn { get; private set; }
    public int ReachedPoor { get; private set; }
    public int ReachedNearPoor { get; private set; }
    public int ReachedNewlyEscaped { get; private set; }
    public int ReachedEthnicMinority { get; private set; }
    public int ReachedDisabled { get; private set; }
    public int ReachedTotal { get; private set; }

    /// <summary>The actual cost accepted, per source (RULES.md 17).</summary>
    public SourceAmounts ActualCost { get; private set; } = SourceAmounts.Zero;

    /// <summary>Cash paid beyond the actual cost, to come back to the budget.</summary>
    public SourceAmounts RefundDue { get; private set; } = SourceAmounts.Zero;
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Beneficiaries Reached => new(ReachedPoor, ReachedNearPoor, ReachedNewlyEscaped, ReachedEthnicMinority, ReachedDisabled, ReachedTotal);

    public long ActualTotal => ActualCost.Total;

    public void AttachTo(Guid instanceId) => InstanceId = instanceId;

    /// <summary>The agency corrects its settlement; only a draft changes (RULES.md 18 checks the content).</summary>
    public void Edit(SettlementContent content, string currentState, DateTimeOffset now)
    {
        if (currentState != SettlementProcess.Draft)
            throw new ConflictException($"Chỉ sửa được hồ sơ quyết toán ở trạng thái Dự thảo (hiện tại: {currentState}).", "settlement.notDraft");
        Set(content, now);
    }

    private void Set(SettlementContent c, DateTimeOffset now)
    {
        var violations = AcceptanceRecord.Check(c).ToList();
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        Outputs = c.Outputs.Trim();
        ActualOutputs = c.ActualOutputs?.ToList() ?? [];
        AcceptedOn = c.AcceptedOn;
        ReachedPoor = c.Reached.Poor;
        ReachedNearPoor = c.Reached.NearPoor;
        ReachedNewlyEscaped = c.Reached.NewlyEscaped;
        ReachedEthnicMinority = c.Reached.EthnicMinority;
        ReachedDisabled = c.Reached.Disabled;
        ReachedTotal = c.Reached.TotalParticipants;
        ActualCost = c.ActualCost;
        UpdatedAt = now;
    }

    public void RecordRefundDue(SourceAmounts due, DateTimeOffset now)
    {
        RefundDue = due;
        UpdatedAt = now;
    }

    public static SettlementStatus StatusOf(string? settlementState) => settlementState switch
    {
        null => SettlementStatus.NotStarted,
        SettlementProcess.Draft => SettlementStatus.InProgress,
        SettlementProcess.Submitted or SettlementProcess.Verified => SettlementStatus.Submitted,
        SettlementProcess.Approved => SettlementStatus.Approved,
        SettlementProcess.Closed => SettlementStatus.Closed,
        _ => SettlementStatus.InProgress,
    };
}
