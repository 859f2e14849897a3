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
        long? contractValue, string? note, string actor, DateTimeOffset now, PaymentDetails? payment = null)
    {
        var details = (payment ?? PaymentDetails.None).Cleaned();
        var problems = PaymentDetails.Check(details);
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        return new()
        {
            Id = id, Code = code, ProposalId = proposalId, UnitCode = unitCode, Kind = kind, Amounts = amounts,
            ContractValue = contractValue, Note = note, CreatedBy = actor, CreatedAt = now, UpdatedAt = now,
            PayeeName = details.PayeeName, PayeeAccount = details.PayeeAccount, PayeeBank = details.PayeeBank,
            CeilingReference = details.CeilingReference, EconomicContentCode = details.EconomicContentCode,
        };
    }

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
    public string? PayeeName { get; private set; }
    public string? PayeeAccount { get; private set; }
    public string? PayeeBank { get; private set; }

    /// <summary>The contract or support decision declared on the payment order, whose ceiling the treasury checks.</summary>
    public string? CeilingReference { get; private set; }

    /// <summary>Mã NDKT chosen for this payment; null → the component's code from the catalogue.</summary>
    public string? EconomicContentCode { get; private set; }

    public PaymentDetails Payment => new(PayeeName, PayeeAccount, PayeeBank, CeilingReference, EconomicContentCode);

    public string? TreasuryReference { get; private set; }

    /// <summary>The payee account the treasury confirmed against the order; null when it confirmed none.</summary>
    public string? CheckedPayeeAccount { get; private set; }

    /// <summary>The amount the treasury confirmed against the order.</summary>
    public long? CheckedAmount { get; private set; }

    /// <summary>The contract or decision reference the treasury checked the ceiling against.</summary>
    public string? CheckedCeilingReference { get; private set; }

    public TreasuryCheck? TreasuryCheck => IsPaid ? new(CheckedPayeeAccount, CheckedAmount, CheckedCeilingReference) : null;
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
    public void ConfirmPaid(string treasuryReference, DateOnly paidOn, SourceAmounts cash, DateTimeOffset now, TreasuryCheck? check = null)
    {
        if (IsPaid) throw new ConflictException($"Đề nghị giải ngân {Code} đã được kho bạc xác nhận thanh toán.", "disbursement.alreadyPaid");
        TreasuryReference = treasuryReference;
        PaidOn = paidOn;
        Cash = cash;
        CheckedPayeeAccount = check?.PayeeAccount;
        CheckedAmount = check?.Amount;
        CheckedCeilingReference = check?.CeilingReference;
        IsPaid = true;
        UpdatedAt = now;
    }
}
