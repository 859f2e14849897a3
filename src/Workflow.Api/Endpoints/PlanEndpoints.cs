using System.Text;
using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Plans.ExportPlan;
using Workflow.Api.Features.Plans.GetPlan;
using Workflow.Api.Features.Plans.ExportPlanWorkbook;
using Workflow.Api.Features.Plans.ImportOpeningPosition;
using Workflow.Api.Features.Plans.ImportPlan;
using Workflow.Api.Features.Plans.ImportPlanWorkbook;
using Workflow.Api.Features.Plans.OpeningPositionTemplate;
using Workflow.Api.Features.Plans.PlanWorkbookTemplate;
using Workflow.Api.Features.Plans.ListPlans;
using Workflow.Api.Features.Plans.PlanHistory;
using Workflow.Api.Features.Plans.RevisePlan;
using Workflow.Api.Features.Plans.RevisePlanWorkbook;

namespace Workflow.Api.Endpoints;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Kế hoạch vốn")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("", async (string? year, string? unit, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListPlansQuery(RequestInput.Int(year, "year"), unit), ct)))
            .WithName("listPlans")
            .ProducesValidationProblem()
            .WithSummary("Danh sách kế hoạch vốn mà người dùng được xem, lọc theo năm và đơn vị.");

        group.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetPlanQuery(id), ct)))
            .WithName("getPlan")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Một kế hoạch: các dòng, tổng theo nguồn, chính sách đối ứng, phiên bản.");

        // both read the raw body: PlanFile reports every structural problem by JSON path, which binding cannot;
        // the documentation-only PlanFileSchema shows clients the file in the OpenAPI document
        group.MapPost("/import", async (HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var upload = await RequestInput.ReadPlanAsync(request, allowReason: false, ct);
                var created = upload.Workbook is { } workbook
                    ? await m.Send(new ImportPlanWorkbookCommand(workbook), ct)
                    : await m.Send(new ImportPlanCommand(upload.Json!.Value), ct);
                return TypedResults.Created($"/api/plans/{created.Id}", created);
            })
            .Accepts<PlanFileSchema>("application/json", PlanWorkbook.ContentType, "multipart/form-data")
            .WithMetadata(new PlanUploadAlternatives())
            .RequireAuthorization(Policies.ManagePlans)
            .WithName("importPlan")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Nhập tệp kế hoạch (docs/plan-file.md): JSON, hoặc sổ tính Excel theo mẫu (nội dung kiểu xlsx, hoặc biểu mẫu multipart có trường 'file'). " +
                         "Kiểm tra quy tắc 1–5; báo mọi lỗi cùng lúc theo đường dẫn JSON, hoặc theo ô (ví dụ G25) với sổ tính.");

        group.MapPost("/{id:guid}/revisions", async (Guid id, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var upload = await RequestInput.ReadPlanAsync(request, allowReason: true, ct);
                var revised = upload.Workbook is { } workbook
                    ? await m.Send(new RevisePlanWorkbookCommand(id, workbook, upload.Reason ?? request.Query["reason"].FirstOrDefault()), ct)
                    : await m.Send(new RevisePlanCommand(id, upload.Json!.Value), ct);
                return TypedResults.Created($"/api/plans/{id}/revisions/{revised.Version}", revised);
            })
            .Accepts<PlanRevisionSchema>("application/json", PlanWorkbook.ContentType, "multipart/form-data")
            .WithMetadata(new PlanUploadAlternatives())
            .RequireAuthorization(Policies.ManagePlans)
            .WithName("revisePlan")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Điều chỉnh kế hoạch: toàn bộ nội dung mới (cùng năm, cùng đơn vị) dạng JSON (thêm trường 'reason' nếu muốn) hoặc sổ tính Excel theo mẫu " +
                         "(lý do ở dòng 'Lý do điều chỉnh', tham số reason, hoặc trường 'reason' của biểu mẫu multipart). Không dòng nào được thấp hơn số đã cam kết.");

        group.MapGet("/{id:guid}/revisions", async (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListPlanRevisionsQuery(id), ct)))
            .WithName("listPlanRevisions")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Lịch sử phiên bản của kế hoạch.");

        group.MapGet("/{id:guid}/revisions/{version:int}", async (Guid id, int version, IMediator m, CancellationToken ct) =>
                TypedResults.Text(await m.Send(new GetPlanRevisionQuery(id, version), ct), "application/json", Encoding.UTF8))
            .WithName("getPlanRevision")
            .Produces<PlanFileSchema>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tệp kế hoạch của một phiên bản, đúng như đã nhập.");

        group.MapGet("/{id:guid}/export", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var export = await m.Send(new ExportPlanQuery(id), ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
            })
            .WithName("exportPlan")
            .Produces<PlanFileSchema>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Xuất kế hoạch theo đúng định dạng tệp nhập.");

        // going live mid-year (docs/lifecycle.md): the template to fill, then the filled file, once per plan
        group.MapGet("/{id:guid}/opening-position/template", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                var template = await m.Send(new GetOpeningPositionTemplateQuery(id), ct);
                return TypedResults.File(template.Content, OpeningPositionWorkbook.ContentType, template.FileName);
            })
            .RequireAuthorization(Policies.ManagePlans)
            .WithName("getOpeningPositionTemplate")
            .Produces(StatusCodes.Status200OK, contentType: OpeningPositionWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Mẫu Excel số dư đầu kỳ của kế hoạch (trang Đề xuất, Giải ngân, Quyết toán), các dòng kế hoạch điền sẵn làm danh sách chọn.");

        group.MapPost("/{id:guid}/opening-position", async (Guid id, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var imported = await m.Send(new ImportOpeningPositionCommand(id, await OpeningPositionUpload.ReadAsync(request, ct)), ct);
                return TypedResults.Created($"/api/reports/plans/{id}", imported);
            })
            .Accepts<IFormFile>("multipart/form-data", OpeningPositionWorkbook.ContentType)
            .DisableAntiforgery()
            .RequireAuthorization(Policies.ManagePlans)
            .WithName("importOpeningPosition")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Nhập số dư đầu kỳ từ mẫu Excel đã điền: thân yêu cầu là tệp .xlsx, hoặc multipart/form-data với trường 'file'. Kiểm tra quy tắc 9, 12, 15, 17 và cộng nguồn; có lỗi thì không nhập gì, báo mọi lỗi theo trang, dòng, cột. Mỗi kế hoạch một lần.");

        group.MapGet("/{id:guid}/export.xlsx", async (Guid id, string? amounts, IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportPlanWorkbookQuery(id, amounts), ct);
                return TypedResults.File(file.Content, PlanWorkbook.ContentType, file.FileName);
            })
            .WithName("exportPlanWorkbook")
            .Produces<Stream>(StatusCodes.Status200OK, PlanWorkbook.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Xuất kế hoạch thành sổ tính Excel theo mẫu nhập (amounts=dong, mặc định, hoặc amounts=trieu): sửa rồi gửi lại làm bản điều chỉnh.");

        group.MapGet("/template.xlsx", async (IMediator m, CancellationToken ct) =>
            {
                var file = await m.Send(new PlanWorkbookTemplateQuery(), ct);
                return TypedResults.File(file.Content, PlanWorkbook.ContentType, file.FileName);
            })
            .WithName("getPlanWorkbookTemplate")
            .Produces<Stream>(StatusCodes.Status200OK, PlanWorkbook.ContentType)
            .WithSummary("Mẫu sổ tính Excel kế hoạch vốn để trống (đơn vị tính triệu đồng).");
        return app;
    }
}

/// <summary>The opening-position file as sent: the raw body (.xlsx) or the <c>file</c> field of a multipart form.</summary>
public static class OpeningPositionUpload
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > OpeningPositionWorkbook.MaxBytes + 64 * 1024) throw TooLarge();
        Stream source;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file")
                ?? throw new Workflow.Domain.Common.ValidationFailedException("file", "Gửi tệp số dư đầu kỳ (.xlsx) trong trường 'file' của biểu mẫu.");
            if (file.Length > OpeningPositionWorkbook.MaxBytes) throw TooLarge();
            source = file.OpenReadStream();
        }
        else source = request.Body;
        await using (source == request.Body ? Stream.Null : source)
        {
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > OpeningPositionWorkbook.MaxBytes) throw TooLarge();
            }
            return memory.ToArray();
        }
    }

    private static BadHttpRequestException TooLarge() =>
        new($"Tệp quá lớn (tối đa {OpeningPositionWorkbook.MaxBytes / 1024 / 1024} MiB).", StatusCodes.Status413PayloadTooLarge);
}
