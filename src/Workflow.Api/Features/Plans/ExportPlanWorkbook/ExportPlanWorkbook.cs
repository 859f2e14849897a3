using MediatR;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Catalogues;

namespace Workflow.Api.Features.Plans.ExportPlanWorkbook;

/// <summary>
/// The plan as it stands, as an Excel workbook in the layout the workbook import reads: what an official files,
/// or edits and uploads back as a revision. Amounts in whole đồng (<c>dong</c>, the default) or triệu đồng (<c>trieu</c>).
/// </summary>
public sealed record ExportPlanWorkbookQuery(Guid Id, string? Amounts) : IRequest<PlanWorkbookFile>;

public sealed record PlanWorkbookFile(byte[] Content, string FileName);

public sealed class ExportPlanWorkbookHandler(PlanAccess access, ProgrammeCatalogues catalogues) : IRequestHandler<ExportPlanWorkbookQuery, PlanWorkbookFile>
{
    public async Task<PlanWorkbookFile> Handle(ExportPlanWorkbookQuery request, CancellationToken cancellationToken)
    {
        var inMillions = request.Amounts?.Trim().ToLowerInvariant() switch
        {
            null or "" or "dong" => false,
            "trieu" => true,
            _ => throw new ValidationFailedException("amounts", $"Đơn vị tính '{request.Amounts}' không hợp lệ; dùng dong (đồng) hoặc trieu (triệu đồng)."),
        };
        var plan = await access.FindAsync(request.Id, cancellationToken);
        var content = await access.ContentOfAsync(plan, cancellationToken);
        return new PlanWorkbookFile(PlanWorkbook.Write(content, inMillions, catalogues.For(plan.FiscalYear)), $"ke-hoach-von-{plan.UnitCode}-{plan.FiscalYear}-v{plan.Version}.xlsx");
    }
}
