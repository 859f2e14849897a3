using MediatR;
using Workflow.Api.Features.Plans.ExportPlanWorkbook;

namespace Workflow.Api.Features.Plans.PlanWorkbookTemplate;

/// <summary>The empty plan workbook (amounts in triệu đồng), for a unit that drafts its plan in Excel.</summary>
public sealed record PlanWorkbookTemplateQuery : IRequest<PlanWorkbookFile>;

public sealed class PlanWorkbookTemplateHandler : IRequestHandler<PlanWorkbookTemplateQuery, PlanWorkbookFile>
{
    public Task<PlanWorkbookFile> Handle(PlanWorkbookTemplateQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new PlanWorkbookFile(PlanWorkbook.Template(), "mau-ke-hoach-von.xlsx"));
}
