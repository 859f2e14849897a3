using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Money;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.OpeningPositionTemplate;

/// <summary>The empty opening-position workbook for one plan, its lines pre-filled as the choices of the «Mã dự án» column.</summary>
public sealed record GetOpeningPositionTemplateQuery(Guid PlanId) : IRequest<OpeningTemplateFile>;

public sealed record OpeningTemplateFile(byte[] Content, string FileName);

public sealed class GetOpeningPositionTemplateHandler(WorkflowDbContext db, OpeningPositionAccess access, ProgrammeCatalogues catalogues)
    : IRequestHandler<GetOpeningPositionTemplateQuery, OpeningTemplateFile>
{
    public async Task<OpeningTemplateFile> Handle(GetOpeningPositionTemplateQuery request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.PlanId, cancellationToken);
        var codes = plan.Lines.Select(l => l.LeadAgencyCode).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var balances = await db.Balances.AsNoTracking().Where(b => b.PlanId == plan.Id).ToListAsync(cancellationToken);
        var unit = await db.AdminUnits.AsNoTracking().Where(u => u.Code == plan.UnitCode).Select(u => u.Name).SingleAsync(cancellationToken);
        var catalogue = catalogues.For(plan.FiscalYear).Period;
        var lines = plan.Lines.OrderBy(l => l.Position).Select(l =>
        {
            var own = balances.Where(b => b.PlanLineId == l.Id).ToList();
            return new OpeningPositionWorkbook.TemplateLine(l.ComponentCode, catalogue.NameOf(l.ComponentCode),
                l.LeadAgencyCode, agencies.GetValueOrDefault(l.LeadAgencyCode, l.LeadAgencyCode),
                SourceAmounts.Of(s => own.FirstOrDefault(b => b.Source == s)?.Allocated ?? 0),
                SourceAmounts.Of(s => own.FirstOrDefault(b => b.Source == s)?.Uncommitted ?? 0));
        }).ToList();
        var title = $"SỐ DƯ ĐẦU KỲ – KẾ HOẠCH VỐN NĂM {plan.FiscalYear} – {unit.ToUpperInvariant()} (mã kế hoạch {plan.Id})";
        return new OpeningTemplateFile(OpeningPositionWorkbook.WriteTemplate(title, lines), $"so-du-dau-ky-{plan.UnitCode}-{plan.FiscalYear}.xlsx");
    }
}
