using Workflow.Domain.Catalog;
using Workflow.Domain.Proposals;

namespace Workflow.Domain.Settlements;

/// <summary>Where a proposal's settlement stands, as the report counts it.</summary>
public enum SettlementStatus { NotStarted, InProgress, Submitted, Approved, Closed }

public sealed record SettlementContent(string Outputs, DateOnly? AcceptedOn, Beneficiaries Reached, IReadOnlyDictionary<FundingSource, long> ActualCost);

/// <summary>
/// Acceptance (nghiệm thu) and settlement (quyết toán) of one proposal: outputs and beneficiaries reached, actual
/// cost per source. On approval the unused commitment returns to the plan line; money paid beyond the actual cost
/// is a refund due, released when it is received.
/// </summary>
public sealed class Settlement
{
    private Settlement() { }

    public static Settlement Open(Guid id, Guid proposalId, SettlementContent content, string actor, DateTimeOffset now)
    {
        var settlement = new Settlement { Id = id, ProposalId = proposalId, CreatedBy = actor, CreatedAt = now };
        settlement.Edit(content, now);
        return settlement;
    }

    public Guid Id { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid InstanceId { get; private set; }
    public string Outputs { get; private set; } = "";
    public DateOnly? AcceptedOn { get; private set; }
    public int ReachedPoor { get; private set; }
    public int ReachedNearPoor { get; private set; }
    public int ReachedNewlyEscaped { get; private set; }
    public int ReachedEthnicMinority { get; private set; }
    public int ReachedDisabled { get; private set; }
    public int ReachedTotal { get; private set; }
    public long ActualCentral { get; private set; }
    public long ActualProvincial { get; private set; }
    public long ActualDistrict { get; private set; }
    public long ActualCommune { get; private set; }
    public long RefundDueCentral { get; private set; }
    public long RefundDueProvincial { get; private set; }
    public long RefundDueDistrict { get; private set; }
    public long RefundDueCommune { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public Beneficiaries Reached => new(ReachedPoor, ReachedNearPoor, ReachedNewlyEscaped, ReachedEthnicMinority, ReachedDisabled, ReachedTotal);

    public long Actual(FundingSource source) => source switch
    {
        FundingSource.Central => ActualCentral,
        FundingSource.Provincial => ActualProvincial,
        FundingSource.District => ActualDistrict,
        FundingSource.Commune => ActualCommune,
        _ => 0,
    };

    public long RefundDue(FundingSource source) => source switch
    {
        FundingSource.Central => RefundDueCentral,
        FundingSource.Provincial => RefundDueProvincial,
        FundingSource.District => RefundDueDistrict,
        FundingSource.Commune => RefundDueCommune,
        _ => 0,
    };

    public long ActualTotal => FundingSources.Budget.Sum(Actual);

    public void AttachTo(Guid instanceId) => InstanceId = instanceId;

    public void Edit(SettlementContent c, DateTimeOffset now)
    {
        Outputs = c.Outputs;
        AcceptedOn = c.AcceptedOn;
        ReachedPoor = c.Reached.Poor;
        ReachedNearPoor = c.Reached.NearPoor;
        ReachedNewlyEscaped = c.Reached.NewlyEscaped;
        ReachedEthnicMinority = c.Reached.EthnicMinority;
        ReachedDisabled = c.Reached.Disabled;
        ReachedTotal = c.Reached.TotalParticipants;
        ActualCentral = c.ActualCost.GetValueOrDefault(FundingSource.Central);
        ActualProvincial = c.ActualCost.GetValueOrDefault(FundingSource.Provincial);
        ActualDistrict = c.ActualCost.GetValueOrDefault(FundingSource.District);
        ActualCommune = c.ActualCost.GetValueOrDefault(FundingSource.Commune);
        UpdatedAt = now;
    }

    public void RecordRefundDue(IReadOnlyDictionary<FundingSource, long> due, DateTimeOffset now)
    {
        RefundDueCentral = due.GetValueOrDefault(FundingSource.Central);
        RefundDueProvincial = due.GetValueOrDefault(FundingSource.Provincial);
        RefundDueDistrict = due.GetValueOrDefault(FundingSource.District);
        RefundDueCommune = due.GetValueOrDefault(FundingSource.Commune);
        UpdatedAt = now;
    }

    public static SettlementStatus StatusOf(string? settlementState) => settlementState switch
    {
        null => SettlementStatus.NotStarted,
        "Draft" => SettlementStatus.InProgress,
        "Submitted" or "Verified" => SettlementStatus.Submitted,
        "Approved" => SettlementStatus.Approved,
        "Closed" => SettlementStatus.Closed,
        _ => SettlementStatus.InProgress,
    };
}
