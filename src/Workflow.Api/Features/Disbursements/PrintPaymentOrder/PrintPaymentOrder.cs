using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Disbursements.GetDisbursement;
using Workflow.Domain.Catalog;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Documents;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;

namespace Workflow.Api.Features.Disbursements.PrintPaymentOrder;

/// <summary>The two papers the unit sends the treasury from 2026 (NĐ 347/2025/NĐ-CP Điều 6 k3).</summary>
public enum PaymentOrderForm
{
    /// <summary>Giấy rút dự toán ngân sách nhà nước (C2-02a/NS): the advance, or the new cash of a payment.</summary>
    Withdrawal,
    /// <summary>Giấy đề nghị thanh toán tạm ứng (C2-03/NS): a payment's part that clears earlier advances.</summary>
    AdvanceClearance,
}

public sealed record GetPaymentOrderQuery(Guid DisbursementId, PaymentOrderForm Form) : IRequest<PaymentOrderDocument>;

/// <summary>One line of the order: what is paid, its budget classification and its amount.</summary>
/// <param name="SourceCode">Mã nguồn NSNN: not known for this programme, so always null (the page says so).</param>
public sealed record PaymentOrderLine(string Content, string? EconomicContentCode, string? Chapter, string? SectorCode, FundingSource Source,
    string SourceName, string? SourceCode, long Amount);

/// <param name="PayerName">Đơn vị rút dự toán: the proposal's lead agency.</param>
/// <param name="CeilingReference">The contract or support decision declared by the unit; when none, the approval decision of the dossier.</param>
/// <param name="CeilingDeclared">Whether <paramref name="CeilingReference"/> was declared on the request (else it is the approval decision).</param>
/// <param name="UnknownNotes">Fields whose official definition is not known, said on the page.</param>
public sealed record PaymentOrderDocument(
    DisbursementDetail Disbursement, PaymentOrderForm Form, string FormCode, string FormTitle, bool IsAdvance,
    string PayerName, AgencyBudgetIdentity Payer, int BudgetYear, string? ProgrammeCode, string ProposalCode, string ProposalTitle,
    string? CeilingReference, bool CeilingDeclared, IReadOnlyList<PaymentOrderLine> Lines, long Total, string TotalInWords,
    long ClearanceAvailable, IReadOnlyList<string> UnknownNotes);

/// <summary>
/// Fills the payment order from the dossier: the payer's codes from its agency (kept by an administrator), the sector
/// and economic-content codes from the programme catalogue (a payment may name its own NDKT), the programme code from
/// the catalogue's period, one line per budget source. A payment clears outstanding advances first (RULES.md 15): the
/// cleared part goes on the Giấy đề nghị thanh toán tạm ứng, only the rest on a Giấy rút dự toán.
/// </summary>
public sealed class GetPaymentOrderHandler(WorkflowDbContext db, IMediator mediator, ProgrammeCatalogues catalogues)
    : IRequestHandler<GetPaymentOrderQuery, PaymentOrderDocument>
{
    public async Task<PaymentOrderDocument> Handle(GetPaymentOrderQuery request, CancellationToken cancellationToken)
    {
        // the disbursement as its page reads it: the same visibility (404 for a dossier the caller may not see)
        var d = await mediator.Send(new GetDisbursementQuery(request.DisbursementId), cancellationToken);
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == d.ProposalId)
            .Select(p => new { p.Id, p.Code, p.Title, p.AgencyCode, p.Component, p.FiscalYear, p.DecisionNumber, p.DecisionDate }).SingleAsync(cancellationToken);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == proposal.AgencyCode, cancellationToken);

        var amounts = SourceAmounts.Of(s => d.Split.GetValueOrDefault(s));
        SourceAmounts cash;
        if (d.TreasuryReference is not null) cash = SourceAmounts.Of(s => d.Cash.GetValueOrDefault(s));
        else
        {
            var paidBefore = await db.PositionAsync(proposal.Id, DisbursementProcess.Confirmed, d.Id, cancellationToken);
            cash = TreasuryConfirmation.CashReleased(paidBefore, d.Kind, amounts);
        }
        var isAdvance = d.Kind == DisbursementKind.Advance;
        var cleared = isAdvance ? SourceAmounts.Zero : (amounts - cash).AtLeastZero();
        var onOrder = request.Form == PaymentOrderForm.AdvanceClearance ? cleared : isAdvance ? amounts : cash;

        var period = catalogues.For(proposal.FiscalYear).Period;
        var (sector, componentContent) = period.BudgetCodesOf(proposal.Component);
        var content = d.Payment.EconomicContentCode ?? componentContent;
        var what = request.Form == PaymentOrderForm.AdvanceClearance ? "Thanh toán tạm ứng" : isAdvance ? "Tạm ứng" : "Thanh toán";
        var lines = FundingSources.Budget.Where(s => onOrder[s] > 0)
            .Select(s => new PaymentOrderLine($"{what} {d.Code}: {proposal.Title}", content, agency.BudgetChapter, sector, s,
                FundingSources.ShortNameOf(s), null, onOrder[s])).ToList();
        var total = onOrder.Total;

        var decision = proposal.DecisionNumber is null ? null
            : $"Quyết định phê duyệt {AdministrativeDocument.NumberAndSymbol(proposal.DecisionNumber)[4..]}" + (proposal.DecisionDate is { } date ? $" ngày {date:dd/MM/yyyy}" : "");
        var (formCode, title) = request.Form == PaymentOrderForm.AdvanceClearance
            ? ("C2-03/NS", "GIẤY ĐỀ NGHỊ THANH TOÁN TẠM ỨNG")
            : ("C2-02a/NS", "GIẤY RÚT DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC");

        var notes = new List<string>
        {
            "Ký hiệu mẫu (C2-02a/NS, C2-03/NS) và danh sách trường lấy theo danh mục chứng từ điện tử của Kho bạc Nhà nước; số mẫu và bố cục chính thức trong Phụ lục NĐ 347/2025/NĐ-CP chưa được đối chiếu.",
            "Mã nguồn NSNN của từng dòng chưa xác định được cho Chương trình: dòng ghi tên nguồn (NSTW, NS tỉnh, NS xã); đơn vị ghi mã nguồn theo hướng dẫn của kho bạc.",
        };
        if (period.ProgrammeCode is null) notes.Add("Mã chương trình mục tiêu (mã CTMT, DA) của Chương trình chưa có trong danh mục: để trống.");
        if (sector is null || content is null) notes.Add("Mã ngành kinh tế và mã nội dung kinh tế (NDKT) chưa có trong danh mục của dự án: để trống những mã còn thiếu.");
        if (agency.BudgetRelationshipCode is null || agency.TreasuryAccount is null || agency.BudgetChapter is null)
            notes.Add($"Mã ĐVQHNS, tài khoản hoặc mã chương của {agency.Name} chưa được quản trị viên ghi: để trống.");

        return new PaymentOrderDocument(d, request.Form, formCode, title, isAdvance, agency.Name, agency.BudgetIdentity, proposal.FiscalYear,
            period.ProgrammeCode, proposal.Code, proposal.Title, d.Payment.CeilingReference ?? decision, d.Payment.CeilingReference is not null,
            lines, total, VndInWords.Of(total), cleared.Total, notes);
    }
}
