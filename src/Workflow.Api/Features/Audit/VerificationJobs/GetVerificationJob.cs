using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Audit.VerificationJobs;

/// <summary>Where a verification run stands: queued, running with entries checked of the total, or its report.</summary>
public sealed record GetVerificationJobQuery(long Id) : IRequest<VerificationJobView>;

public sealed class GetVerificationJobHandler(WorkflowDbContext db) : IRequestHandler<GetVerificationJobQuery, VerificationJobView>
{
    public async Task<VerificationJobView> Handle(GetVerificationJobQuery request, CancellationToken cancellationToken)
    {
        var run = await db.AuditRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException($"Không có lần kiểm tra số {request.Id}.");
        return VerificationJobView.Of(run);
    }
}
