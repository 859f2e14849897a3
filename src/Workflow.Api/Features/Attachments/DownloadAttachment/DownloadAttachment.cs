using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Files;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Attachments.DownloadAttachment;

/// <summary>A stored file by its SHA-256, for a caller who sees a dossier it is attached to (<c>GET /api/attachments/{sha256}</c>).</summary>
public sealed record DownloadAttachmentQuery(string Sha256) : IRequest<AttachmentDownload>;

/// <summary>The content to send, with the name and type of the caller's first visible dossier that has it.</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType);

public sealed class DownloadAttachmentHandler(WorkflowDbContext db, AttachmentAccess access, FileStore store, ILogger<DownloadAttachmentHandler> logger)
    : IRequestHandler<DownloadAttachmentQuery, AttachmentDownload>
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
        var reference = references.FirstOrDefault(f => visible.Contains((f.SubjectType, f.SubjectId))) ?? throw notFound;
        var content = store.OpenRead(sha256);
        if (content is null)
        {
            logger.LogError("Attached file {Sha256} is missing from the store {Root}; run verify-attachments", sha256, store.Root);
            throw new NotFoundException($"Tệp {reference.FileName} không còn trong kho lưu trữ; hãy báo quản trị viên (kiểm tra tệp đính kèm, docs/operations.md).");
        }
        return new AttachmentDownload(content, reference.FileName, reference.ContentType);
    }
}
