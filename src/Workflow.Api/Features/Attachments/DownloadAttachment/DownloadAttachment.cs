using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Files;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Attachments.DownloadAttachment;

/// <summary>
/// A stored file by its SHA-256, for a caller who sees a dossier it is attached to (<c>GET /api/attachments/{sha256}</c>).
/// <paramref name="Route"/> is how the caller asked (the API, the dossier page's link): the personal-data log's purpose.
/// </summary>
public sealed record DownloadAttachmentQuery(string Sha256, string Route = DownloadAttachmentQuery.ApiRoute) : IRequest<AttachmentDownload>
{
    public const string ApiRoute = "GET /api/attachments/{sha256}";
    public const string PageRoute = "GET /tep/{sha256}";
}

/// <summary>The content to send, with the name and type of the caller's first visible dossier that has it.</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType);

/// <remarks>
/// A content marked as personal data on any dossier is personal data wherever it is attached: the bytes are the same.
/// Its every opening — served, refused for want of need, or asked after its removal — is logged and saved before the
/// answer, so a download the log does not show did not happen.
/// </remarks>
public sealed class DownloadAttachmentHandler(WorkflowDbContext db, AttachmentAccess access, FileStore store, TimeProvider clock,
    ILogger<DownloadAttachmentHandler> logger) : IRequestHandler<DownloadAttachmentQuery, AttachmentDownload>
{
    public async Task<AttachmentDownload> Handle(DownloadAttachmentQuery request, CancellationToken cancellationToken)
    {
        var sha256 = request.Sha256.ToLowerInvariant();
        // unknown, malformed and not yours answer alike: whether a file exists is not told to who may not see it
        var notFound = new NotFoundException($"Không tìm thấy tệp {request.Sha256}.");
        if (!FileKinds.IsSha256(sha256)) throw notFound;
        var references = await db.DossierFiles.AsNoTracking().Where(f => f.Sha256 == sha256).OrderBy(f => f.AttachedAt).ToListAsync(cancellationToken);
        if (references.Count == 0) throw notFound;
        var visible = await access.VisibleAsync(references.Select(f => (f.SubjectType, f.SubjectId)).Distinct().ToList(), cancellationToken);
        var seen = references.Where(f => visible.Contains((f.SubjectType, f.SubjectId))).ToList();
        if (seen.Count == 0) throw notFound;
        var reference = seen[0];

        if (references.Any(f => f.PersonalData))
        {
            DossierFile? needed = null;
            foreach (var candidate in seen.OrderByDescending(f => f.PersonalData))
                if (await access.NeedsPersonalDataAsync(candidate.SubjectType, candidate.SubjectId, cancellationToken))
                {
                    needed = candidate;
                    break;
                }
            reference = needed ?? seen.FirstOrDefault(f => f.PersonalData) ?? reference;
            var outcome = needed is null ? PersonalDataAccess.Refused : references.Any(f => f.ContentRemoved) ? PersonalDataAccess.Gone : PersonalDataAccess.Served;
            await LogAsync(reference, request.Route, outcome, cancellationToken);
            if (needed is null)
                throw new ForbiddenException($"Tệp «{reference.FileName}» có dữ liệu cá nhân (danh sách hộ, người thụ hưởng): chỉ cơ quan chủ trì hồ sơ, phòng tài chính và lãnh đạo duyệt của đơn vị, và kho bạc với hồ sơ giải ngân mới được mở. Lượt truy cập này đã được ghi vào nhật ký truy cập dữ liệu cá nhân.");
        }
        if (references.FirstOrDefault(f => f.ContentRemoved) is { } tombstone)
            throw new GoneException($"Nội dung tệp «{reference.FileName}» đã bị xóa ngày {tombstone.ContentRemovedAt!.Value.ToOffset(Domain.Workflows.WorkingCalendar.VietnamOffset):dd/MM/yyyy} theo thời hạn lưu trữ dữ liệu cá nhân ({tombstone.ContentRemovalReason}). Tên, dung lượng và mã SHA-256 của tệp vẫn được giữ trong hồ sơ và nhật ký.");

        var content = store.OpenRead(sha256);
        if (content is null)
        {
            logger.LogError("Attached file {Sha256} is missing from the store {Root}; run verify-attachments", sha256, store.Root);
            throw new NotFoundException($"Tệp {reference.FileName} không còn trong kho lưu trữ; hãy báo quản trị viên (kiểm tra tệp đính kèm, docs/operations.md).");
        }
        return new AttachmentDownload(content, reference.FileName, reference.ContentType);
    }

    private async Task LogAsync(DossierFile file, string route, string outcome, CancellationToken ct)
    {
        var actor = access.Actor;
        var unit = await access.UnitOfAsync(file.SubjectType, file.SubjectId, ct);
        db.PersonalDataAccesses.Add(new PersonalDataAccess(Guid.NewGuid(), clock.GetUtcNow(), actor.UserName, string.Join(",", actor.Roles), unit,
            file.Sha256, file.FileName, file.SubjectType, file.SubjectId, route, outcome));
        await db.SaveChangesAsync(ct);
    }
}
