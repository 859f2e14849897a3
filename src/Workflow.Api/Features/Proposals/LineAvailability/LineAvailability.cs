using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;
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

public sealed class LineAvailabilityHandler(WorkflowDbContext db, PlanAccess plans) : IRequestHandler<LineAvailabilityQuery, LineAvailability>
{
    public async Task<LineAvailability> Handle(LineAvailabilityQuery request, CancellationToken cancellationToken)
    {
        var line = await db.PlanLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.PlanLineId, cancellationToken)
            ?? throw new NotFoundException("Không có dòng kế hoạch này.");
        var plan = await plans.FindAsync(line.PlanId, cancellationToken);
        var balances = await db.Balances.AsNoTracking().Where(b => b.PlanLineId == line.Id).ToDictionaryAsync(b => b.Source, cancellationToken);
        var pending = await (from p in db.Proposals
                             join i in db.WorkflowInstances on p.InstanceId equals i.Id
                             where p.PlanLineId == line.Id && p.Id != request.ExceptProposalId && LifecycleData.PendingProposalStates.Contains(i.State)
                             select new { p.Central, p.Provincial, p.District, p.Commune }).ToListAsync(cancellationToken);
        var waiting = new Dictionary<FundingSource, long>
        {
            [FundingSource.Central] = pending.Sum(p => p.Central), [FundingSource.Provincial] = pending.Sum(p => p.Provincial),
            [FundingSource.District] = pending.Sum(p => p.District), [FundingSource.Commune] = pending.Sum(p => p.Commune),
        };
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == line.LeadAgencyCode).Select(a => a.Name).SingleAsync(cancellationToken);
        var communes = await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode == plan.UnitCode && u.Level == AdminLevel.Commune)
            .OrderBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        return new LineAvailability(line.Id, plan.Id, plan.FiscalYear, line.ComponentCode, ProgramCatalog.Find(line.ComponentCode)?.Name ?? line.ComponentCode,
            line.LeadAgencyCode, agency, plan.UnitCode,
            FundingSources.Budget.ToDictionary(s => s, s => balances.GetValueOrDefault(s)?.Allocated ?? 0),
            FundingSources.Budget.ToDictionary(s => s, s => balances.GetValueOrDefault(s)?.Committed ?? 0),
            waiting,
            FundingSources.Budget.ToDictionary(s => s, s => Math.Max(0, (balances.GetValueOrDefault(s)?.Uncommitted ?? 0) - waiting[s])),
            await db.SupportPolicyForAsync(plan.UnitCode, plan.FiscalYear, cancellationToken),
            communes.Select(c => (c.Code, c.Name)).ToList());
    }
}
