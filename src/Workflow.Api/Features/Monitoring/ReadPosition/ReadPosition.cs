using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Checks;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.ReadPosition;

/// <summary>A unit's baselines, targets and warnings (<c>GET /api/monitoring/baselines|targets|checks?unit=&amp;year=</c>).</summary>
/// <param name="Year">Only this review year's censuses and this year's targets (and, for the checks, the years around them).</param>
public sealed record ReadPositionQuery(string? Unit, int? Year) : IRequest<MonitoringPosition>;

public sealed class ReadPositionHandler(WorkflowDbContext db, MonitoringAccess access, Common.ICurrentUser user) : IRequestHandler<ReadPositionQuery, MonitoringPosition>
{
    public async Task<MonitoringPosition> Handle(ReadPositionQuery request, CancellationToken cancellationToken)
    {
        var unit = string.IsNullOrWhiteSpace(request.Unit) ? user.UnitCode : request.Unit.Trim();
        if (request.Year is < 2000 or > 2100) throw new ValidationFailedException("year", $"Năm {request.Year} không hợp lệ.");
        await access.EnsureVisibleAsync(unit, cancellationToken);
        return await MonitoringPositions.OfAsync(db, unit, request.Year, cancellationToken);
    }
}

/// <summary>One way to read a unit's figures and run the checks over them, for reads and for the answers of writes.</summary>
public static class MonitoringPositions
{
    public static async Task<MonitoringPosition> OfAsync(WorkflowDbContext db, string unit, int? year, CancellationToken ct)
    {
        var censuses = await db.PovertyCensuses.AsNoTracking().Where(c => c.UnitCode == unit).ToListAsync(ct);
        var targets = await db.MonitoringTargets.AsNoTracking().Where(t => t.UnitCode == unit).ToListAsync(ct);
        var warnings = MonitoringChecks.Run(censuses, targets);
        var shownCensuses = censuses.Where(c => year is null || c.Year == year).OrderBy(c => c.Year).ThenBy(c => c.SubUnitCode).ToList();
        var shownTargets = targets.Where(t => year is null || t.Year == year).OrderBy(t => t.Year).ThenBy(t => t.SubUnitCode).ThenBy(t => t.Subject).ThenBy(t => t.Group).ToList();
        var escapes = await (from e in db.EscapedAfterSupport.AsNoTracking()
                             join p in db.Proposals.AsNoTracking() on e.ProposalId equals p.Id
                             where e.UnitCode == unit && (year == null || e.ReviewYear == year)
                             select new { e, p.Code }).ToListAsync(ct);
        return new MonitoringPosition(unit, [.. shownCensuses.Select(CensusView.Of)], [.. shownTargets.Select(TargetView.From)], warnings,
            [.. escapes.OrderBy(x => x.e.ReviewYear).ThenBy(x => x.Code, StringComparer.Ordinal).Select(x => RecordEscapedAfterSupport.EscapedAfterSupportView.From(x.e, x.Code))]);
    }
}
