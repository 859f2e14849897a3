using Workflow.Domain.Catalog;

namespace Workflow.Domain.Disbursements;

public enum DisbursementKind
{
    /// <summary>Tạm ứng: money before the work is accepted.</summary>
    Advance,
    /// <summary>Thanh toán: the value of accepted work; it clears outstanding advances first.</summary>
    Payment,
}

/// <summary>
/// A request to pay out part of an approved proposal. It counts as disbursed only when the treasury confirms
/// it (RULES.md 16); the cash it adds is recorded per source at that moment.
/// </summary>
public sealed class Disbursement
{
    private Disbursement() { }

    public static Disbursement Request(Guid id, string code, Guid proposalId, DisbursementKind kind, IReadOnlyDictionary<FundingSource, long> split,
        long? contractValue, string? note, string actor, DateTimeOffset now) => new()
    {
        Id = id, Code = code, ProposalId = proposalId, Kind = kind,
        Central = split.GetValueOrDefault(FundingSource.Central), Provincial = split.GetValueOrDefault(FundingSource.Provincial),
        District = split.GetValueOrDefault(FundingSource.District), Commune = split.GetValueOrDefault(FundingSource.Commune),
        ContractValue = contractValue, Note = note, CreatedBy = actor, CreatedAt = now, UpdatedAt = now,
    };

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public Guid ProposalId { get; private set; }
    public Guid InstanceId { get; private set; }
    public DisbursementKind Kind { get; private set; }
    public long Central { get; private set; }
    public long Provincial { get; private set; }
    public long District { get; private set; }
    public long Commune { get; private set; }
    public long? ContractValue { get; private set; }
    public string? Note { get; private set; }
    public string? TreasuryReference { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public long CashCentral { get; private set; }
    public long CashProvincial { get; private set; }
    public long CashDistrict { get; private set; }
    public long CashCommune { get; private set; }
    public bool IsPaid { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public long Total => checked(Central + Provincial + District + Commune);

    public long Amount(FundingSource source) => source switch
    {
        FundingSource.Central => Central,
        FundingSource.Provincial => Provincial,
        FundingSource.District => District,
        FundingSource.Commune => Commune,
        _ => 0,
    };

    public long Cash(FundingSource source) => source switch
    {
        FundingSource.Central => CashCentral,
        FundingSource.Provincial => CashProvincial,
        FundingSource.District => CashDistrict,
        FundingSource.Commune => CashCommune,
        _ => 0,
    };

    public IReadOnlyDictionary<FundingSource, long> Split => FundingSources.Budget.ToDictionary(s => s, Amount);

    public void AttachTo(Guid instanceId) => InstanceId = instanceId;

    /// <summary>The treasury's confirmation: reference, date and the new cash per source this payment released.</summary>
    public void ConfirmPaid(string treasuryReference, DateOnly paidOn, IReadOnlyDictionary<FundingSource, long> cash, DateTimeOffset now)
    {
        TreasuryReference = treasuryReference;
        PaidOn = paidOn;
        CashCentral = cash.GetValueOrDefault(FundingSource.Central);
        CashProvincial = cash.GetValueOrDefault(FundingSource.Provincial);
        CashDistrict = cash.GetValueOrDefault(FundingSource.District);
        CashCommune = cash.GetValueOrDefault(FundingSource.Commune);
        IsPaid = true;
        UpdatedAt = now;
    }
}

/// <summary>
/// A proposal's money in one source, from its disbursements. Payments clear advances first (RULES.md 15), so the
/// cash paid out is max(advances, payments) and the advance still outstanding is max(0, advances − payments).
/// </summary>
public readonly record struct DisbursementPosition(long Advances, long Payments)
{
    public long Cash => Math.Max(Advances, Payments);

    public long AdvanceOutstanding => Math.Max(0, Advances - Payments);

    public DisbursementPosition With(DisbursementKind kind, long amount) => kind == DisbursementKind.Advance
        ? this with { Advances = checked(Advances + amount) }
        : this with { Payments = checked(Payments + amount) };

    public static DisbursementPosition Of(IEnumerable<Disbursement> disbursements, FundingSource source) =>
        disbursements.Aggregate(new DisbursementPosition(0, 0), (p, d) => p.With(d.Kind, d.Amount(source)));
}
