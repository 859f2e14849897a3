using MediatR;
using Workflow.Api.Common;
using Workflow.Domain.Audit;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Audit;

namespace Workflow.Api.Features.Audit.VerificationJobs;

/// <summary>
/// Queues a full verification (against a checkpoint, when one is sent) for a background server: the answer names the
/// run to follow at <c>GET /api/audit/verify/jobs/{id}</c>.
/// </summary>
public sealed record StartVerificationJobCommand(JournalCheckpoint? Checkpoint) : IRequest<VerificationJobView>;

public sealed class StartVerificationJobHandler(AuditRunner runner, JournalKeyRing keys, ICurrentUser user)
    : IRequestHandler<StartVerificationJobCommand, VerificationJobView>
{
    public async Task<VerificationJobView> Handle(StartVerificationJobCommand request, CancellationToken cancellationToken)
    {
        if (request.Checkpoint is not null)
        {
            var violations = CheckpointInput.Check(request.Checkpoint, keys);
            if (violations.Count > 0) throw new ValidationFailedException(violations);
        }
        return VerificationJobView.Of(await runner.QueueAsync(request.Checkpoint, user.UserName, cancellationToken));
    }
}
