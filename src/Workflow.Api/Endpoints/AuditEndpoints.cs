using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Audit.ReadDossierJournal;
using Workflow.Api.Features.Audit.VerificationJobs;
using Workflow.Api.Features.Audit.VerifyAgainstCheckpoint;
using Workflow.Api.Features.Audit.VerifyJournal;
using Workflow.Domain.Audit;

namespace Workflow.Api.Endpoints;

/// <summary>Verification of the journal and the ledger: at once (incremental or full, against a checkpoint) or as a background run.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Kiểm tra")
            .RequireAuthorization(Policies.Audit)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        audit.MapGet("/verify", async (string? full, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VerifyJournalQuery(RequestInput.Bool(full, "full") ?? false), ct)))
            .WithName("verifyJournal")
            .ProducesValidationProblem()
            .WithSummary("Kiểm tra nhật ký và sổ cái bằng khóa nhật ký: mặc định chỉ phần ghi thêm từ lần kiểm tra nguyên vẹn gần nhất; " +
                         "?full=true kiểm tra lại mọi chuỗi từ đầu. Báo từng chỗ bị sửa, xóa, đảo thứ tự hoặc niêm phong lại, kèm mã lỗi và mã hồ sơ, bút toán.");

        audit.MapPost("/verify", async (JournalCheckpoint? checkpoint, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new VerifyAgainstCheckpointCommand(checkpoint), ct)))
            .WithName("verifyJournalAgainstCheckpoint")
            .ProducesValidationProblem()
            .WithSummary("Kiểm tra toàn bộ và đối chiếu với một mốc kiểm tra đã ký (JSON do lệnh «journal checkpoint» in ra): " +
                         "mọi đầu chuỗi ghi trong mốc phải còn trên chuỗi với cùng mã băm. 400 nếu mốc thiếu trường, sai chữ ký hoặc ký bằng khóa lạ.");

        audit.MapPost("/verify/jobs", async ([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] JournalCheckpoint? checkpoint,
                IMediator m, CancellationToken ct) =>
            {
                var job = await m.Send(new StartVerificationJobCommand(checkpoint), ct);
                return TypedResults.Accepted($"/api/audit/verify/jobs/{job.Id}", job);
            })
            .WithName("startJournalVerification")
            .ProducesValidationProblem()
            .WithSummary("Xếp một lần kiểm tra toàn bộ để chạy nền (kèm mốc kiểm tra nếu gửi): 202 với địa chỉ theo dõi tiến độ ở Location.");

        audit.MapGet("/verify/jobs/{id:long}", async (long id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new GetVerificationJobQuery(id), ct)))
            .WithName("getJournalVerification")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tiến độ một lần kiểm tra: trạng thái, số bản ghi đã kiểm tra trên tổng số, và kết quả khi xong.");

        audit.MapGet("/journal", async (string? unit, string? person, string? dossier, string? from, string? to, string? page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReadDossierJournalQuery(unit, person, dossier,
                    AdminEndpoints.Moment(from, "from", endOfDay: false), AdminEndpoints.Moment(to, "to", endOfDay: true), RequestInput.Int(page, "page") ?? 1), ct)))
            .RequireAuthorization(Policies.ReadAdminJournal)
            .WithName("readDossierJournal")
            .ProducesValidationProblem()
            .WithSummary("Nhật ký hồ sơ (đề xuất, giải ngân, quyết toán) của các đơn vị thuộc đơn vị mình — quản trị viên và cơ quan theo dõi; mới nhất trước, 50 mục mỗi trang. " +
                         "Lọc theo đơn vị (và cấp dưới), người (tên đăng nhập hoặc một phần họ tên), mã hồ sơ (mã đề xuất kèm các đợt giải ngân, quyết toán của nó), " +
                         "from/to (ngày yyyy-MM-dd giờ Việt Nam hoặc thời điểm ISO 8601); kèm kết quả lần kiểm tra tính toàn vẹn gần nhất.");
        return app;
    }
}
