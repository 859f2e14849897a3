using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Disbursements;

/// <summary>
/// RULES.md 15: payments clear outstanding advances first. A proposal's money per source, from its disbursements:
/// the cash paid out is max(advances, payments) and the advance still outstanding is max(0, advances − payments);
/// a proposal is not settled while an advance is outstanding.
/// </summary>
public sealed record DisbursementPosition(SourceAmounts Advances, SourceAmounts Payments)
{
    public const int Number = 15;

    public static readonly DisbursementPosition None = new(SourceAmounts.Zero, SourceAmounts.Zero);

    public SourceAmounts Cash => SourceAmounts.Max(Advances, Payments);

    public SourceAmounts AdvanceOutstanding => (Advances - Payments).AtLeastZero();

    public SourceAmounts OfKind(DisbursementKind kind) => kind == DisbursementKind.Advance ? Advances : Payments;

    public DisbursementPosition With(DisbursementKind kind, SourceAmounts amounts) => kind == DisbursementKind.Advance
        ? this with { Advances = Advances + amounts }
        : this with { Payments = Payments + amounts };

    public static DisbursementPosition Of(IEnumerable<(DisbursementKind Kind, SourceAmounts Amounts)> disbursements) =>
        disbursements.Aggregate(None, (p, d) => p.With(d.Kind, d.Amounts));

    public static DisbursementPosition Of(IEnumerable<Disbursement> disbursements) => Of(disbursements.Select(d => (d.Kind, d.Amounts)));

    public IEnumerable<Violation> CheckNoAdvanceOutstanding()
    {
        var outstanding = AdvanceOutstanding.Total;
        if (outstanding > 0)
            yield return new("advances", $"{RuleText.Prefix(Number)} còn {Vnd.Format(outstanding)} tạm ứng chưa thanh toán (hoàn ứng); cần đề nghị thanh toán để thu hồi tạm ứng trước khi quyết toán.");
    }
}
