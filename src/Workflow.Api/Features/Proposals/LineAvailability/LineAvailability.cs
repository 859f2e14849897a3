using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;

namespace Workflow.Api.Features.Proposals.LineAvailability;

/// <summary>What a plan line can still fund, for the proposal form: its ratio, what is left per source and the support caps.</summary>
public sealed record LineAvailabilityQuery(Guid PlanLineId, Guid? ExceptProposalId) : IRequest<LineAvailability>;

public sealed record LineAvailability(
    Guid PlanLineId, Guid PlanId, int FiscalYear, string Component, string ComponentName, string LeadAgencyCode, string LeadAgencyName, string UnitCode,
    IReadOnlyDictionary<FundingSource, long> Allocated, IReadOnlyDictionary<FundingSource, long> Committed,
    IReadOnlyDictionary<FundingSource, long> Pending, IReadOnlyDictionary<FundingSource, long> Remaining,
    SupportPolicy Policy, IReadOnlyList<(string Code, string Name)> Communes);

public sealed class LineAvailabilityHandler(WorkflowDbContext db, PlanAccess plans, ProgrammeCatalogues catalogues, TimeProvider clock) : IRequestHandler<LineAvailabilityQuery, LineAvailability>
{
    public async Task<LineAvailability> Handle(LineAvailabilityQuery request, CancellationToken cancellationToken)
    {
        var line = await db.PlanLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.PlanLineId, cancellationToken)
            ?? throw new NotFoundException("Không có dòng kế hoạch này.");
        var plan = await plans.FindAsync(line.PlanId, cancellationToken);
        var (allocated, committed) = await db.LinePositionAsync(line.Id, cancellationToken);
        var waiting = await db.PendingOnLineAsync(line.Id, request.ExceptProposalId, cancellationToken);
        var remaining = WithinLineRemaining.Remaining(allocated, committed, waiting);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == line.LeadAgencyCode).Select(a => a.Name).SingleAsync(cancellationToken);
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == plan.UnitCode && u.Level == AdminLevel.Commune)
            .OrderBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        return new LineAvailability(line.Id, plan.Id, plan.FiscalYear, line.ComponentCode, catalogues.For(plan.FiscalYear).Period.NameOf(line.ComponentCode),
            line.LeadAgencyCode, agency, plan.UnitCode,
            allocated.ToDictionary(), committed.ToDictionary(), waiting.ToDictionary(), remaining.ToDictionary(),
            (await db.SupportPolicyInForceAsync(plan.UnitCode, plan.FiscalYear, clock.GetUtcNow(), cancellationToken)).Policy,
            communes.Select(c => (c.Code, c.Name)).ToList());
    }
}
