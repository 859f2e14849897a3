using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Attachments.PurgePersonalData;
using Workflow.Api.Features.Audit.PersonalDataAccessLog;
using Workflow.Infrastructure.Files;

namespace Workflow.Api.Endpoints;

/// <summary>Personal data in files (docs/personal-data.md): the log of every opening, and the purge of contents past retention.</summary>
public static class PersonalDataEndpoints
{
    public static IEndpointRouteBuilder MapPersonalDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/personal-data-access", async (string? from, string? to, string? user, string? page, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ReadPersonalDataAccessQuery(AdminEndpoints.Moment(from, "from", endOfDay: false), AdminEndpoints.Moment(to, "to", endOfDay: true),
                    user, RequestInput.Int(page, "page") ?? 1), ct)))
            .WithTags("Kiểm tra")
            .RequireAuthorization(Policies.ReadAdminJournal)
            .WithName("readPersonalDataAccess")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Nhật ký truy cập dữ liệu cá nhân: mỗi lượt mở tệp có dữ liệu cá nhân (ai, lúc nào, tệp nào của hồ sơ nào, qua đường nào; được phục vụ, bị từ chối hay đã xóa), " +
                         "của các hồ sơ thuộc đơn vị mình, mới nhất trước, 50 mục mỗi trang. Quản trị viên và cán bộ giám sát. from/to: ngày (giờ Việt Nam) hoặc thời điểm ISO 8601; user: tên đăng nhập.");

        app.MapPost("/api/admin/personal-data/purge", async (bool? dryRun, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new PurgeExpiredPersonalDataCommand(dryRun ?? false), ct)))
            .WithTags("Quản trị")
            .RequireAuthorization(Policies.Administer)
            .WithName("purgePersonalData")
            .Produces<PurgeReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Xóa nội dung các tệp có dữ liệu cá nhân đã hết thời hạn lưu trữ theo chính sách của tỉnh (số năm sau khi hồ sơ kết thúc); giữ lại tên, dung lượng, mã SHA-256, " +
                         "thời điểm, người xóa và lý do. dryRun=true: chỉ liệt kê. Quản trị viên; ghi nhật ký quản trị.");
        return app;
    }
}
