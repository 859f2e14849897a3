using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Files;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Attachments.ListAttachments;

/// <summary>The files attached to a dossier the caller sees (<c>GET /api/{subjects}/{id}/attachments</c>).</summary>
public sealed record ListAttachmentsQuery(string SubjectType, Guid SubjectId) : IRequest<DossierAttachments>;

/// <param name="CanAttach">Whether the caller may attach a file now (AttachmentAccess).</param>
/// <param name="MaxBytes">The largest file accepted.</param>
/// <param name="Accept">The name endings accepted, as a file input's <c>accept</c> takes them.</param>
public sealed record DossierAttachments(IReadOnlyList<AttachedFile> Files, bool CanAttach, long MaxBytes, string Accept);

public sealed class ListAttachmentsHandler(WorkflowDbContext db, AttachmentAccess access, AttachmentOptions options)
    : IRequestHandler<ListAttachmentsQuery, DossierAttachments>
{
    public async Task<DossierAttachments> Handle(ListAttachmentsQuery request, CancellationToken cancellationToken)
    {
        var instanceId = await access.InstanceOfAsync(request.SubjectType, request.SubjectId, cancellationToken);
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.SubjectType == request.SubjectType && f.SubjectId == request.SubjectId)
            .OrderBy(f => f.AttachedAt).ThenBy(f => f.Sha256).ToListAsync(cancellationToken);
        var people = await Workflows.History.PeopleNames.OfAsync(db, files.Select(f => f.AttachedBy), cancellationToken);
        return new DossierAttachments(files.Select(f => AttachedFile.Of(f, people)).ToList(), await access.AttachingRoleAsync(instanceId, cancellationToken) is not null,
            options.MaxBytes, string.Join(",", FileKinds.All.SelectMany(k => k.Extensions)));
    }
}
