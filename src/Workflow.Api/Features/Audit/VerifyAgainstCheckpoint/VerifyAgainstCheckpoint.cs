using MediatR;
using Workflow.Api.Common;
using Workflow.Domain.Audit;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Audit;

namespace Workflow.Api.Features.Audit.VerifyAgainstCheckpoint;

/// <summary>
/// A full verification held against a checkpoint kept outside the system: besides every chain, each head the
/// checkpoint lists must still be on its chain with the same hash, which proves nothing before it was rewritten.
/// </summary>
public sealed record VerifyAgainstCheckpointCommand(JournalCheckpoint? Checkpoint) : IRequest<AuditReport>;

public sealed class VerifyAgainstCheckpointHandler(AuditRunner runner, JournalKeyRing keys, ICurrentUser user)
    : IRequestHandler<VerifyAgainstCheckpointCommand, AuditReport>
{
    public Task<AuditReport> Handle(VerifyAgainstCheckpointCommand request, CancellationToken cancellationToken)
    {
        var violations = CheckpointInput.Check(request.Checkpoint, keys);
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        return runner.VerifyNowAsync(true, request.Checkpoint, user.UserName, cancellationToken);
    }
}
