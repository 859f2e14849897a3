using MediatR;
using Workflow.Api.Features.Reports.ExportPlanReport;
using Workflow.Api.Features.Reports.PlanReport;

namespace Workflow.Api.Endpoints;

/// <summary>Reports on how a plan is carried out (docs/reports.md). Anyone who may see the plan may read its report.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Báo cáo")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/plans/{planId:guid}", async (Guid planId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetPlanReportQuery(planId), ct)))
            .WithName("getPlanReport")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tình hình thực hiện kế hoạch vốn: theo dòng và nguồn (giao, cam kết, giải ngân, tạm ứng chưa thu hồi, quyết toán, còn lại, tỷ lệ giải ngân), " +
                         "theo cơ quan chủ trì, số đề xuất theo trạng thái, đối tượng kế hoạch và đạt được, chuyển nguồn, đối chiếu sổ.");

        group.MapGet("/plans/{planId:guid}/export", async (Guid planId, string? format, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportPlanReportQuery(planId, format), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("exportPlanReport")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Xuất báo cáo: format=csv (đồng, UTF-8 có BOM) hoặc format=xlsx (triệu đồng, kèm trang chi tiết theo đồng).");
        return app;
    }
}
