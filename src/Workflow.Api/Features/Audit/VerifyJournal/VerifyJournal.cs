using MediatR;
using Workflow.Api.Common;
using Workflow.Infrastructure.Audit;

namespace Workflow.Api.Features.Audit.VerifyJournal;

/// <summary>
/// Verifies the journal and the ledger with the journal key: by default only what was written since the last run that
/// found everything intact (its cost grows with new entries, not with the journal); <see cref="Full"/> re-checks every
/// chain from its start, which is the only way to find old rows rewritten without a new entry beside them.
/// </summary>
public sealed record VerifyJournalQuery(bool Full) : IRequest<AuditReport>;

public sealed class VerifyJournalHandler(AuditRunner runner, ICurrentUser user) : IRequestHandler<VerifyJournalQuery, AuditReport>
{
    public Task<AuditReport> Handle(VerifyJournalQuery request, CancellationToken cancellationToken) =>
        runner.VerifyNowAsync(request.Full, null, user.UserName, cancellationToken);
}
