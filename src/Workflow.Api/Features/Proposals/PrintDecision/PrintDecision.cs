using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Documents;
using Workflow.Domain.Identity;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Proposals.PrintDecision;

/// <summary>The approval decision of a proposal, as the print page lays it out (NĐ 30/2020/NĐ-CP Phụ lục I).</summary>
public sealed record GetDecisionDocumentQuery(Guid ProposalId) : IRequest<DecisionDocument>;

/// <param name="ParentBody">"ỦY BAN NHÂN DÂN".</param>
/// <param name="IssuingUnit">"XÃ TÂN KHAI".</param>
/// <param name="Authority">"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN KHAI": who decides.</param>
/// <param name="LegalBases">The "Căn cứ …;" lines: configured general laws, the programme's decision, the year's plan.</param>
/// <param name="Consideration">"Xét đề nghị của … và kết quả thẩm định của …".</param>
/// <param name="Recipients">Nơi nhận, each line without its dash.</param>
/// <param name="UnknownNotes">What this page fills in that no verified text fixes, said on the page.</param>
public sealed record DecisionDocument(
    ProposalDetail Proposal, string ParentBody, string IssuingUnit, string NumberAndSymbol, string PlaceAndDate, string Summary,
    string Authority, IReadOnlyList<string> LegalBases, string Consideration, string LeadAgencyName, string? AppraiserName,
    IReadOnlyList<DecisionSourceLine> Sources, long StateSupport, string StateSupportInWords, long TotalCost, string TotalCostInWords,
    SignatureBlock Signature, IReadOnlyList<string> Recipients, string ProgrammeName, IReadOnlyList<string> UnknownNotes, IReadOnlyList<string> Places);

public sealed record DecisionSourceLine(FundingSource Source, string Name, long Amount);

public sealed class GetDecisionDocumentHandler(WorkflowDbContext db, IMediator mediator, ProgrammeCatalogues catalogues, IConfiguration configuration)
    : IRequestHandler<GetDecisionDocumentQuery, DecisionDocument>
{
    /// <summary>The laws every approval cites before the programme's own texts; replaced by <c>Print:DecisionBases</c> in configuration.</summary>
    public static readonly IReadOnlyList<string> DefaultBases =
    [
        "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
        "Luật Ngân sách nhà nước số 89/2025/QH15",
    ];

    public async Task<DecisionDocument> Handle(GetDecisionDocumentQuery request, CancellationToken cancellationToken)
    {
        // the proposal as its page reads it: the same visibility (404 for a dossier the caller may not see)
        var p = await mediator.Send(new GetProposalQuery(request.ProposalId), cancellationToken);
        if (p.DecisionNumber is null)
            throw new ConflictException($"Đề xuất {p.Code} chưa được phê duyệt: chưa có quyết định để in.", "proposal.noDecision");

        var unit = await db.AdminUnits.AsNoTracking().SingleAsync(u => u.Code == p.UnitCode, cancellationToken);
        var plan = await db.Plans.AsNoTracking().Where(x => x.Id == p.PlanId)
            .Select(x => new { x.DecisionNumber, x.DecisionDate, x.DecisionIssuer, x.DecisionTitle, x.DecisionBasis }).SingleAsync(cancellationToken);
        var approval = await db.Journal.AsNoTracking()
            .Where(e => e.InstanceId == p.InstanceId && e.Action == ProposalDecision.ApproveAction)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.ActorName }).FirstOrDefaultAsync(cancellationToken);
        var approver = approval is null ? null : await db.Users.AsNoTracking().Where(u => u.UserName == approval.ActorName)
            .Select(u => new { u.DisplayName, u.Position }).SingleOrDefaultAsync(cancellationToken);
        var appraiserAgency = await db.Journal.AsNoTracking()
            .Where(e => e.InstanceId == p.InstanceId && e.Role == Roles.FinanceOffice)
            .OrderByDescending(e => e.Sequence).Select(e => e.AgencyCode).FirstOrDefaultAsync(cancellationToken);
        var appraiserName = appraiserAgency is null ? null
            : await db.Agencies.AsNoTracking().Where(a => a.Code == appraiserAgency).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        var treasury = await TreasuryOfAsync(p.UnitCode, cancellationToken);
        var communes = p.Communes.ToList();
        var names = await db.AdminUnits.AsNoTracking().Where(u => communes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var places = communes.Select(c => names.GetValueOrDefault(c, c)).ToList();

        var unitLine = AdministrativeDocument.IssuingUnitLine(unit.Name, unit.Level, unit.Kind);
        var place = AdministrativeDocument.PlaceName(unit.Name);
        var choice = catalogues.For(p.FiscalYear);
        var kindText = KindText(p.Kind);
        var summary = $"Về việc phê duyệt {kindText} “{p.Title}” thuộc {p.ComponentName}, năm {p.FiscalYear}";

        var bases = configuration.GetSection("Print:DecisionBases").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultBases;
        var legalBases = bases.Select(b => $"Căn cứ {b};").ToList();
        legalBases.Add($"Căn cứ {choice.Period.LegalBasis};");
        legalBases.Add($"Căn cứ {PlanBasis(plan.DecisionTitle, plan.DecisionNumber, plan.DecisionDate, plan.DecisionIssuer, p.FiscalYear)};");
        var consideration = appraiserName is null
            ? $"Xét đề nghị của {p.AgencyName}."
            : $"Xét đề nghị của {p.AgencyName} và kết quả thẩm định của {appraiserName}.";

        var sources = FundingSources.Budget.Where(s => p.Split.GetValueOrDefault(s) > 0)
            .Select(s => new DecisionSourceLine(s, FundingSources.NameOf(s), p.Split[s])).ToList();
        var recipients = new List<string> { "Như Điều 3" };
        if (treasury is not null) recipients.Add(treasury);
        recipients.Add("Lưu: VT");

        var notes = new List<string>
        {
            "Mẫu trình bày theo NĐ 30/2020/NĐ-CP Phụ lục I; lời văn các điều là mẫu của hệ thống, chưa đối chiếu với mẫu quyết định do NĐ 358/2025/NĐ-CP hoặc tỉnh quy định (nếu có).",
        };
        if (choice.Provisional) notes.Add(choice.Notice!);

        return new DecisionDocument(p, "ỦY BAN NHÂN DÂN", unitLine, AdministrativeDocument.NumberAndSymbol(p.DecisionNumber),
            AdministrativeDocument.PlaceAndDate(place, p.DecisionDate), summary, $"CHỦ TỊCH ỦY BAN NHÂN DÂN {unitLine}", legalBases, consideration,
            p.AgencyName, appraiserName, sources, p.StateSupport, VndInWords.Of(p.StateSupport), p.TotalCost, VndInWords.Of(p.TotalCost),
            AdministrativeDocument.Signature(approver?.Position, approver?.DisplayName, approver?.DisplayName), recipients, choice.Period.Name, notes, places);
    }

    /// <summary>The treasury office assigned to pay for the unit, latest assignment first.</summary>
    private async Task<string?> TreasuryOfAsync(string unitCode, CancellationToken ct)
    {
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var units = new List<string>();
        for (var code = unitCode; code is not null && !units.Contains(code); code = snapshot.Units.GetValueOrDefault(code)?.ParentCode)
            units.Add(code);
        var assignments = await db.UnitAssignments.AsNoTracking().Where(a => units.Contains(a.UnitCode) && a.Part == UnitPart.Treasury)
            .Select(a => new { a.UnitCode, a.AgencyCode, a.ValidFrom }).ToListAsync(ct);
        var chosen = assignments.OrderBy(a => units.IndexOf(a.UnitCode)).ThenByDescending(a => a.ValidFrom).FirstOrDefault();
        return chosen is null ? null : await db.Agencies.AsNoTracking().Where(a => a.Code == chosen.AgencyCode).Select(a => a.Name).SingleOrDefaultAsync(ct);
    }

    private static string PlanBasis(string? title, string? number, DateOnly? date, string? issuer, int year)
    {
        var what = string.IsNullOrWhiteSpace(title) ? $"kế hoạch vốn năm {year}" : LowerFirst(title.Trim());
        var parts = new List<string> { what };
        if (!string.IsNullOrWhiteSpace(number)) parts.Add($"số {number.Trim()}");
        if (date is { } d) parts.Add($"ngày {d:dd/MM/yyyy}");
        if (!string.IsNullOrWhiteSpace(issuer)) parts.Add($"của {issuer.Trim()}");
        return string.Join(' ', parts);
    }

    private static string LowerFirst(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static string KindText(ProposalKind kind) => kind switch
    {
        ProposalKind.ValueChain => "dự án liên kết theo chuỗi giá trị",
        ProposalKind.Community => "dự án hỗ trợ phát triển sản xuất cộng đồng",
        ProposalKind.PovertyReductionModel => "mô hình giảm nghèo",
        _ => "kế hoạch hoạt động",
    };
}
