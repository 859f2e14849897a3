using MediatR;
using Workflow.Infrastructure.Files;

namespace Workflow.Api.Features.Audit.VerifyAttachments;

/// <summary>Reads every file a dossier refers to again and reports those missing or altered (<c>GET /api/audit/attachments</c>).</summary>
public sealed record VerifyAttachmentsQuery : IRequest<AttachmentCheckReport>;

public sealed class VerifyAttachmentsHandler(AttachmentAuditor auditor) : IRequestHandler<VerifyAttachmentsQuery, AttachmentCheckReport>
{
    public Task<AttachmentCheckReport> Handle(VerifyAttachmentsQuery request, CancellationToken cancellationToken) => auditor.CheckAsync(cancellationToken);
}
