using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.PlanHistory;

public sealed record ListPlanRevisionsQuery(Guid PlanId) : IRequest<IReadOnlyList<PlanRevisionDto>>;

public sealed record GetPlanRevisionQuery(Guid PlanId, int Version) : IRequest<string>;

public sealed record PlanRevisionDto(int Version, DateTimeOffset CreatedAt, string CreatedBy, string? Reason);

public sealed class PlanHistoryHandler(WorkflowDbContext db, PlanAccess access)
    : IRequestHandler<ListPlanRevisionsQuery, IReadOnlyList<PlanRevisionDto>>, IRequestHandler<GetPlanRevisionQuery, string>
{
    public async Task<IReadOnlyList<PlanRevisionDto>> Handle(ListPlanRevisionsQuery request, CancellationToken cancellationToken)
    {
        await access.FindAsync(request.PlanId, cancellationToken);
        return await db.PlanRevisions.AsNoTracking()
            .Where(r => r.PlanId == request.PlanId)
            .OrderBy(r => r.Version)
            .Select(r => new PlanRevisionDto(r.Version, r.CreatedAt, r.CreatedBy, r.Reason))
            .ToListAsync(cancellationToken);
    }

    /// <returns>The version's plan file, as it was imported or revised.</returns>
    public async Task<string> Handle(GetPlanRevisionQuery request, CancellationToken cancellationToken)
    {
        await access.FindAsync(request.PlanId, cancellationToken);
        return await db.PlanRevisions.AsNoTracking()
                   .Where(r => r.PlanId == request.PlanId && r.Version == request.Version)
                   .Select(r => r.ContentJson).SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException($"Kế hoạch không có phiên bản {request.Version}.");
    }
}
