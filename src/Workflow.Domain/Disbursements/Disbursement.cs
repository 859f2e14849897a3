using Workflow.Domain.Common;
using Workflow.Domain.Money;

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

    /// <param name="unitCode">The proposal's unit, whose sequence numbers the disbursement (<see cref="DossierCode"/>).</param>
    public static Disbursement Request(Guid id, string code, Guid proposalId, string unitCode, DisbursementKind kind, SourceAmounts amounts,
        long? contractValue, string? note, string actor, DateTimeOffset now) => new()
    {
        Id = id, Code = code, ProposalId = proposalId, UnitCode = unitCode, Kind = kind, Amounts = amounts,
        ContractValue = contractValue, Note = note, CreatedBy = actor, CreatedAt = now, UpdatedAt = now,
    };

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public Guid ProposalId { get; private set; }

    /// <summary>The proposal's unit: its code is unique within it.</summary>
    public string UnitCode { get; private set; } = "";
    public Guid InstanceId { get; private set; }
    public DisbursementKind Kind { get; private set; }

    /// <summary>The <see cref="Policies.ProvincePolicy"/> version this disbursement was checked against (set at each request); null when its province had none.</summary>
    public int? PolicyVersionId { get; private set; }

    public void RecordPolicyVersion(int? policyVersionId) => PolicyVersionId = policyVersionId;

    /// <summary>What is asked for, per source.</summary>
    public SourceAmounts Amounts { get; private set; } = SourceAmounts.Zero;
    public long? ContractValue { get; private set; }
    public string? Note { get; private set; }
    public string? TreasuryReference { get; private set; }
    public DateOnly? PaidOn { get; private set; }

    /// <summary>The new cash the treasury's confirmation released, per source (a payment clearing advances releases less than its amount).</summary>
    public SourceAmounts Cash { get; private set; } = SourceAmounts.Zero;
    public bool IsPaid { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public long Total => Amounts.Total;

    public void AttachTo(Guid instanceId) => InstanceId = instanceId;

    /// <summary>The treasury's confirmation: reference, date and the new cash per source this payment released.</summary>
    public void ConfirmPaid(string treasuryReference, DateOnly paidOn, SourceAmounts cash, DateTimeOffset now)
    {
        if (IsPaid) throw new ConflictException($"Đề nghị giải ngân {Code} đã được kho bạc xác nhận thanh toán.", "disbursement.alreadyPaid");
        TreasuryReference = treasuryReference;
        PaidOn = paidOn;
        Cash = cash;
        IsPaid = true;
        UpdatedAt = now;
    }
}
