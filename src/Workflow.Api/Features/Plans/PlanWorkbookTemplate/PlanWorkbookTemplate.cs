using MediatR;
using Workflow.Api.Features.Plans.ExportPlanWorkbook;
using Workflow.Infrastructure.Catalogues;

namespace Workflow.Api.Features.Plans.PlanWorkbookTemplate;

/// <summary>The empty plan workbook (amounts in triệu đồng), for a unit that drafts its plan in Excel.</summary>
public sealed record PlanWorkbookTemplateQuery : IRequest<PlanWorkbookFile>;

/// <remarks>The «Mã dự án» choices are the in-scope codes of every loaded programme period.</remarks>
public sealed class PlanWorkbookTemplateHandler(ProgrammeCatalogues catalogues) : IRequestHandler<PlanWorkbookTemplateQuery, PlanWorkbookFile>
{
    public Task<PlanWorkbookFile> Handle(PlanWorkbookTemplateQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new PlanWorkbookFile(PlanWorkbook.Template(catalogues.InScopeAcrossPeriods()), "mau-ke-hoach-von.xlsx"));
}
