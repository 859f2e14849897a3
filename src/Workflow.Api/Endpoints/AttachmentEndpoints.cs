using MediatR;
using Microsoft.AspNetCore.Http.Metadata;
using Workflow.Api.Common;
using Workflow.Api.Features.Attachments;
using Workflow.Api.Features.Attachments.AttachFile;
using Workflow.Api.Features.Attachments.DownloadAttachment;
using Workflow.Api.Features.Attachments.ListAttachments;
using Workflow.Api.Features.Audit.VerifyAttachments;
using Workflow.Domain.Common;
using Workflow.Domain.Files;
using Workflow.Infrastructure.Files;

namespace Workflow.Api.Endpoints;

/// <summary>Files attached to proposals, disbursements and settlements: upload, list, download, and their integrity check.</summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<AttachmentOptions>();

        app.MapPost("/api/{subject}/{id:guid}/attachments", async (string subject, Guid id, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var subjectType = AttachmentAccess.SubjectTypeOf(subject);
                var (file, personalData) = await ReadFileAsync(request, options, ct);
                var attached = await m.Send(new AttachFileCommand(subjectType, id, file, personalData), ct);
                return attached.Created
                    ? Results.Created(attached.File.DownloadUrl, attached.File)
                    : Results.Ok(attached.File);
            })
            .WithTags("Tệp đính kèm")
            .Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new UploadSizeLimit(options.MaxRequestBytes))
            .WithName("attachFile")
            .Produces<AttachedFile>(StatusCodes.Status201Created)
            .Produces<AttachedFile>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary($"Đính kèm tệp vào đề xuất, đợt giải ngân hoặc hồ sơ quyết toán (subject = proposals | disbursements | settlements): multipart/form-data, tệp ở trường 'file'. " +
                         $"Nhận PDF, PNG, JPEG, Word, Excel ({FileKinds.AllowedExtensions}), kiểm tra cả đuôi tên và nội dung, tối đa {FileKinds.Megabytes(options.MaxBytes)}. " +
                         "Trả về mã SHA-256 của tệp (201; 200 nếu hồ sơ đã có đúng nội dung này). Cơ quan chủ trì hồ sơ và người đang xử lý bước hiện tại được đính kèm; ghi nhật ký. " +
                         "Trường 'personalData=true' đánh dấu tệp có dữ liệu cá nhân (danh sách hộ, người thụ hưởng): chỉ người cần mới mở được, mỗi lượt mở được ghi nhật ký.");

        app.MapGet("/api/{subject}/{id:guid}/attachments", async (string subject, Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListAttachmentsQuery(AttachmentAccess.SubjectTypeOf(subject), id), ct)))
            .WithTags("Tệp đính kèm")
            .WithName("listAttachments")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Các tệp đính kèm của một hồ sơ: tên, loại, dung lượng, mã SHA-256, địa chỉ tải; và người gọi có được đính kèm thêm không.");

        app.MapGet("/api/attachments/{sha256}", async (string sha256, IMediator m, CancellationToken ct) =>
            {
                var download = await m.Send(new DownloadAttachmentQuery(sha256), ct);
                return TypedResults.File(download.Content, download.ContentType, download.FileName);
            })
            .WithTags("Tệp đính kèm")
            .WithName("downloadAttachment")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Tải một tệp theo mã SHA-256, với tên và loại tệp khi đính kèm. Chỉ người xem được một hồ sơ có tệp này; người khác nhận 404. " +
                         "Tệp có dữ liệu cá nhân: chỉ cơ quan chủ trì, phòng tài chính, lãnh đạo duyệt của đơn vị và kho bạc (hồ sơ giải ngân) — người khác nhận 403; mỗi lượt được ghi nhật ký; nội dung đã xóa theo thời hạn lưu trữ: 410.");

        app.MapGet("/api/audit/attachments", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new VerifyAttachmentsQuery(), ct)))
            .WithTags("Kiểm tra")
            .RequireAuthorization(Policies.Audit)
            .WithName("verifyAttachments")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Kiểm tra tệp đính kèm: đọc lại mọi tệp mà hồ sơ tham chiếu, băm lại và báo tệp bị thiếu hoặc bị thay đổi kèm các hồ sơ dựa vào nó.");
        return app;
    }

    /// <summary>
    /// The file of an upload form (null when the form has no field <c>file</c>) and its personal-data mark. Anything but
    /// a readable multipart form is a 400 on the file field; a mark other than true/false a 400 on <c>personalData</c>.
    /// </summary>
    private static async Task<(IFormFile? File, bool PersonalData)> ReadFileAsync(HttpRequest request, AttachmentOptions options, CancellationToken ct)
    {
        if (request.ContentLength > options.MaxRequestBytes)
            throw new BadHttpRequestException($"Tệp gửi lên quá lớn (tối đa {FileKinds.Megabytes(options.MaxBytes)}).", StatusCodes.Status413PayloadTooLarge);
        if (!request.HasFormContentType)
            throw new ValidationFailedException(FileKinds.Field, "Gửi biểu mẫu multipart/form-data có tệp ở trường 'file'.");
        try
        {
            var form = await request.ReadFormAsync(ct);
            var mark = form[AttachFileCommand.PersonalDataField].ToString().Trim();
            bool personal = mark.ToLowerInvariant() switch
            {
                "" or "false" or "0" => false,
                "true" or "1" or "on" => true,
                _ => throw new ValidationFailedException(AttachFileCommand.PersonalDataField, $"Trường 'personalData' nhận true hoặc false (đã gửi '{mark}')."),
            };
            return (form.Files.GetFile(FileKinds.Field), personal);
        }
        catch (InvalidDataException)
        {
            throw new ValidationFailedException(FileKinds.Field, "Biểu mẫu multipart không đọc được; gửi lại tệp ở trường 'file'.");
        }
    }
}

/// <summary>The request body an upload may send: the file limit and the form around it (applied by routing, before any middleware reads the body).</summary>
public sealed record UploadSizeLimit(long MaxRequestBodySize) : IRequestSizeLimitMetadata
{
    long? IRequestSizeLimitMetadata.MaxRequestBodySize => MaxRequestBodySize;
}
