using MediatR;
using Workflow.Api.Features.Monitoring.Reports;
using Workflow.Api.Features.Reports.ExportPlanReport;

namespace Workflow.Api.Endpoints;

/// <summary>The periodic monitoring reports (docs/monitoring.md, "Reports"): templates, drafts, submission, corrections, exports.</summary>
public static class MonitoringReportEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring").WithTags("Giám sát, đánh giá")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/report-templates", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListReportTemplatesQuery(), ct)))
            .WithName("listReportTemplates")
            .WithSummary("Các mẫu báo cáo đã nạp (catalogues/monitoring/report-templates): mã, phiên bản, tên biểu mẫu theo TT 10/2022, kỳ áp dụng (HalfYear, Year), nguồn và mức chắc chắn (Proposed: đề xuất, chưa đối chiếu phụ lục; Confirmed), các mục và bảng với cột (A, B, 1, 2…).");

        group.MapGet("/reports", async (string? unit, string? period, string? template, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListReportsQuery(unit, period, template), ct)))
            .WithName("listMonitoringReports")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Báo cáo giám sát của một đơn vị (mặc định: đơn vị của người gọi), lọc theo kỳ (2026-H1, 2026) và mẫu: mọi phiên bản, trạng thái, hạn gửi, quá hạn, gửi muộn.");
        group.MapGet("/reports/due", async (string? unit, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListDueReportsQuery(unit), ct)))
            .WithName("listDueMonitoringReports")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Báo cáo giám sát đơn vị phải gửi và chưa gửi (kỳ đã bắt đầu của năm nay và năm trước): hạn gửi (15 ngày làm việc sau kỳ; tỉnh gửi trung ương trước 01/6 và 01/12), số ngày làm việc còn lại, quá hạn.");
        group.MapPost("/reports", async (CreateReportCommand body, IMediator m, CancellationToken ct) =>
            {
                var view = await m.Send(body, ct);
                return TypedResults.Created($"/api/monitoring/reports/{view.Report.Id}", view);
            })
            .WithName("createMonitoringReport")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cán bộ giám sát, đánh giá lập bản nháp báo cáo của đơn vị mình: { \"template\": \"mau-01\", \"period\": \"2026-H1\" }; số liệu tổng hợp ngay (vốn theo dự án và nguồn, triệu đồng; đầu ra; chỉ tiêu; cảnh báo; báo cáo đã gửi của đơn vị cấp dưới và đơn vị còn thiếu). 409 report.exists khi kỳ đó đã có báo cáo: làm mới bản nháp hoặc lập bản điều chỉnh.");
        group.MapGet("/reports/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetReportQuery(id), ct)))
            .WithName("getMonitoringReport")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Một báo cáo với số liệu đã tổng hợp và danh sách các phiên bản của cùng đơn vị, mẫu, kỳ.");
        group.MapPost("/reports/{id:guid}/refresh", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RefreshReportCommand(id), ct)))
            .WithName("refreshMonitoringReport")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tổng hợp lại số liệu của bản nháp; 409 report.submitted khi báo cáo đã gửi (nội dung đã chốt). Ghi nhật ký.");
        group.MapPost("/reports/{id:guid}/submit", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new SubmitReportCommand(id), ct)))
            .WithName("submitMonitoringReport")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cán bộ giám sát, đánh giá của đơn vị gửi báo cáo: nội dung được chốt, cấp trên tổng hợp từ bản này. 409 report.submitted khi đã gửi. Ghi nhật ký.");
        group.MapPost("/reports/{id:guid}/corrections", async (Guid id, CorrectionBody body, IMediator m, CancellationToken ct) =>
            {
                var view = await m.Send(new CorrectReportCommand(id, body.Reason), ct);
                return TypedResults.Created($"/api/monitoring/reports/{view.Report.Id}", view);
            })
            .WithName("correctMonitoringReport")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Điều chỉnh báo cáo đã gửi: { \"reason\": \"…\" } (bắt buộc); tạo phiên bản mới (bản nháp) ghi phiên bản được điều chỉnh, số liệu tổng hợp lại. 409 report.notSubmitted với bản nháp, report.superseded khi đã có phiên bản sau.");
        group.MapGet("/reports/{id:guid}/export", async (Guid id, string? format, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportReportQuery(id, format), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("exportMonitoringReport")
            .Produces<Stream>(StatusCodes.Status200OK, ExportPlanReportHandler.XlsxContentType, "application/json", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Xuất báo cáo: format=xlsx (bố cục biểu mẫu, triệu đồng), json (workflow.monitoring-report/1, để nạp vào cơ sở dữ liệu quốc gia; đồng) hoặc csv (mỗi dòng một số liệu, đồng). Các trường mô tả trong docs/monitoring.md.");
        return app;
    }
}
