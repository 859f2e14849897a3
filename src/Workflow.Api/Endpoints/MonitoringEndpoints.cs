using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Monitoring;
using Workflow.Api.Features.Monitoring.Dashboard;
using Workflow.Api.Features.Monitoring.DeclareFunds;
using Workflow.Api.Features.Monitoring.DeclareSubUnits;
using Workflow.Api.Features.Monitoring.Indicators;
using Workflow.Api.Features.Monitoring.RecordEscapedAfterSupport;
using Workflow.Api.Features.Monitoring.ImportMonitoringFile;
using Workflow.Api.Features.Monitoring.ReadPosition;
using Workflow.Api.Features.Monitoring.RecordBaseline;
using Workflow.Api.Features.Monitoring.SetTarget;
using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Indicators;

namespace Workflow.Api.Endpoints;

/// <summary>Monitoring and evaluation: poverty baselines, targets and their consistency checks (docs/monitoring.md).</summary>
public static class MonitoringEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring").WithTags("Giám sát, đánh giá")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/standards", (PovertyStandards standards) => TypedResults.Ok(standards.All))
            .WithName("listPovertyStandards")
            .WithSummary("Chuẩn nghèo đa chiều theo thời kỳ: ngưỡng thu nhập nông thôn/thành thị (đồng/người/tháng), các chỉ số thiếu hụt theo chiều, số chỉ số thiếu hụt để là hộ nghèo.");

        group.MapGet("/baselines", async (string? unit, string? year, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReadPositionQuery(unit, RequestInput.Int(year, "year")), ct)))
            .WithName("listBaselines")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Kết quả rà soát hộ nghèo, hộ cận nghèo (mặc định: đơn vị của người gọi; year là năm rà soát), tỷ lệ tính từ số hộ, chỉ tiêu và các cảnh báo không nhất quán.");
        group.MapPost("/baselines", async (RecordBaselineCommand body, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(body, ct);
                return TypedResults.Created($"/api/monitoring/baselines?unit={Uri.EscapeDataString(result.Census.Unit)}&year={result.Census.Year}", result);
            })
            .WithName("recordBaseline")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cán bộ giám sát, đánh giá nhập kết quả rà soát cuối năm của đơn vị mình (hoặc của một thôn/tổ): { \"year\": 2025, \"totalHouseholds\": 3120, \"poor\": { \"households\": 41 }, \"nearPoor\": { \"households\": 57 } }. Trả về cảnh báo không nhất quán (không từ chối). 409 baseline.exists khi năm đó đã có: sửa bằng PUT.");
        group.MapPut("/baselines/{id:guid}", async (Guid id, RecordBaselineCommand body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(body with { CorrectionOf = id }, ct)))
            .WithName("correctBaseline")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Sửa kết quả rà soát: toàn bộ số liệu mới và revision đã đọc; 409 baseline.stale khi người khác vừa sửa. Ghi nhật ký số liệu trước và sau.");

        group.MapGet("/targets", async (string? unit, string? year, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReadPositionQuery(unit, RequestInput.Int(year, "year")), ct)))
            .WithName("listTargets")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Chỉ tiêu của đơn vị (year là năm của chỉ tiêu), cùng kết quả rà soát và cảnh báo.");
        group.MapPost("/targets", async (SetTargetCommand body, IMediator m, CancellationToken ct) =>
            {
                var result = await m.Send(body, ct);
                return TypedResults.Created($"/api/monitoring/targets?unit={Uri.EscapeDataString(result.Target.Unit)}&year={result.Target.Year}", result);
            })
            .WithName("setTarget")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Đặt chỉ tiêu: kind ReduceCount (giảm N hộ), EndCount, EndRate (tỷ lệ cuối năm, %), ReducePoints (giảm x điểm %), Coverage (%), Absolute; subject poorHouseholds, nearPoorHouseholds, poorRate, nearPoorRate hoặc chỉ tiêu khác; group ethnicMinority, kinh, khmer khi cho một nhóm; basis là văn bản giao. Chỉ tiêu mâu thuẫn nhau là cảnh báo.");
        group.MapDelete("/targets/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RemoveTargetCommand(id), ct)))
            .WithName("removeTarget")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Xóa chỉ tiêu nhập nhầm; nhật ký giữ chỉ tiêu đã xóa.");

        group.MapGet("/checks", async (string? unit, IMediator m, CancellationToken ct) =>
                TypedResults.Ok((await m.Send(new ReadPositionQuery(unit, null), ct)).Warnings))
            .WithName("listMonitoringChecks")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Các cảnh báo không nhất quán của đơn vị: tên kiểm tra (FlowsBalance, SubUnitsAddUp, StatedRatesMatchCounts, TargetGroupsAddUp, TargetsAgree), vị trí và các con số.");

        group.MapGet("/sub-units", async (string? unit, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListSubUnitsQuery(unit), ct)))
            .WithName("listSubUnits")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Thôn, ấp, tổ dân phố của đơn vị dùng trong số liệu giám sát.");
        group.MapPut("/sub-units", async (DeclareSubUnitsCommand body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
            .WithName("declareSubUnits")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Khai báo thôn/tổ của đơn vị: [{ \"code\": \"T1\", \"name\": \"Thôn 1\", \"kind\": \"Thon\" }].");

        group.MapPost("/import", async (MonitoringFile body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ImportMonitoringFileCommand(body), ct)))
            .WithName("importMonitoringFile")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Quản trị nạp tệp số liệu giám sát của một đơn vị (catalogues/monitoring/README.md): thay kết quả rà soát và chỉ tiêu của các năm trong tệp, khai báo thôn/tổ; nạp lại cùng tệp không đổi gì.");

        group.MapGet("/indicators", (string? period, string? year, IndicatorCatalogues catalogues) =>
                TypedResults.Ok(IndicatorCatalogueView.Find(catalogues, string.IsNullOrWhiteSpace(period) ? null : period, RequestInput.Int(year, "year"))))
            .WithName("listIndicators")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Danh mục chỉ số giám sát của một giai đoạn (period=2021-2025) hoặc của giai đoạn chứa năm (year=2024): mã, tên, đơn vị tính, cấp (impact/outcome/output), dự án thành phần, cách tổng hợp (sum; ratio tính lại từ tổng tử số và tổng mẫu số), nguồn; proposed là chỉ số đề xuất chưa đối chiếu văn bản.");
        group.MapGet("/output-totals", async (string? unit, string? year, bool? children, MonitoringAccess access, OutputTotals totals, ICurrentUser user, CancellationToken ct) =>
            {
                var code = string.IsNullOrWhiteSpace(unit) ? user.UnitCode : unit.Trim();
                var fiscalYear = RequestInput.Int(year, "year") ?? throw new Domain.Common.ValidationFailedException("year", "Chọn năm kế hoạch (year).");
                await access.EnsureVisibleAsync(code, ct);
                return TypedResults.Ok(await totals.OfAsync(code, fiscalYear, children ?? false, ct));
            })
            .WithName("outputTotals")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tổng đầu ra theo chỉ số của các đề xuất đã phê duyệt trong năm: kế hoạch (đề xuất) và thực hiện (nghiệm thu), người tham gia dự kiến và đạt được, hộ thoát nghèo sau hỗ trợ; children=true cộng cả các đơn vị cấp dưới.");
        group.MapGet("/dashboard", async (string? unit, string? year, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ProvinceDashboardQuery(unit, RequestInput.Int(year, "year")), ct)))
            .WithName("provinceDashboard")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tổng quan của tỉnh cho cán bộ theo dõi, giám sát (Monitor) và quản trị: tỷ lệ giải ngân theo đơn vị, cơ quan chủ trì và dự án thành phần (đồng; tỷ lệ là phần nghìn tính từ số tiền), việc quá hạn, vốn đã phê duyệt chưa giải ngân có nguy cơ hủy khi khóa sổ năm, hộ thoát nghèo so với chỉ tiêu giảm hộ nghèo; unit mặc định là đơn vị của người gọi, year mặc định là năm nay.");
        group.MapPut("/escaped-after-support/{proposalId:guid}", async (Guid proposalId, EscapedAfterSupportBody body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RecordEscapedAfterSupportCommand(proposalId, body.ReviewYear, body.Households, body.Of), ct)))
            .WithName("recordEscapedAfterSupport")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cán bộ giám sát, đánh giá ghi số hộ thoát nghèo sau hỗ trợ của một đề xuất đã phê duyệt, theo kết quả rà soát năm reviewYear (từ năm kế hoạch của đề xuất): { \"reviewYear\": 2025, \"households\": 15, \"of\": 28 }. Ghi lại cùng năm là sửa; ghi nhật ký.");
        group.MapGet("/declared-funds", async (string? unit, string? year, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListDeclaredFundsQuery(unit, RequestInput.Int(year, "year")), ct)))
            .WithName("listDeclaredFunds")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Vốn không giải ngân qua hệ thống đã kê khai của đơn vị (mặc định: đơn vị của người gọi): lồng ghép, tín dụng chính sách, huy động đóng góp, theo năm và dự án thành phần (đồng).");
        group.MapPut("/declared-funds", async (DeclareFundsCommand body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
            .WithName("declareFunds")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Kê khai vốn không giải ngân qua hệ thống cho một năm và dự án thành phần: { \"unit\": \"DN.TK\", \"year\": 2026, \"component\": \"DA2\", \"integrated\": 50000000, \"credit\": 200000000, \"contribution\": 15000000 } (đồng, từ 0). Kê khai lại là thay; ghi nhật ký.");
        return app;
    }
}

/// <summary>The body of <c>PUT /api/monitoring/escaped-after-support/{proposalId}</c>.</summary>
public sealed record EscapedAfterSupportBody(int? ReviewYear, int? Households, int? Of);
