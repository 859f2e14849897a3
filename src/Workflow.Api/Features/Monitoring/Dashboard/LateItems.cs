using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.Dashboard;

/// <summary>What the dashboard looks over: the province (or other unit) asked for, every unit below it, the plan year, now.</summary>
public sealed record DashboardScope(string Unit, IReadOnlySet<string> Units, int Year, DateTimeOffset Now);

/// <summary>
/// Something late in the scope: a workflow task past its deadline — an appraisal, a payment, or a periodic report not
/// sent in time (a report due is a task of the monitoring-report process) — or whatever another registered source adds.
/// </summary>
/// <param name="Kind">What is late: <see cref="OverdueWorkflowTasks.Kind"/> for a workflow task; another source names its own.</param>
/// <param name="SubjectType">The dossier's process (<c>Proposal</c>, <c>Disbursement</c>, <c>Settlement</c>, <c>MonitoringReport</c>) or the other source's subject.</param>
/// <param name="DaysLate">Whole calendar days since the deadline.</param>
/// <param name="UnitName">Filled in by the dashboard from the unit catalogue; a source leaves it null.</param>
public sealed record LateItem(string Kind, string SubjectType, Guid SubjectId, string Title, string Unit, string? Role, DateTimeOffset DueAt, int DaysLate,
    string? UnitName = null);

/// <summary>
/// The dashboard's extension point for late items: each registered source adds what it knows to be late in the scope.
/// Overdue workflow tasks are the one source today (<see cref="OverdueWorkflowTasks"/>), late reports among them; a
/// source of lateness outside the workflows would register another implementation, with no change to the dashboard.
/// </summary>
public interface IDashboardLateItems
{
    Task<IReadOnlyList<LateItem>> LateAsync(DashboardScope scope, CancellationToken ct);
}

/// <summary>Open workflow tasks past their deadline on dossiers of the scope's units, whatever their year: late is late now.</summary>
public sealed class OverdueWorkflowTasks(WorkflowDbContext db) : IDashboardLateItems
{
    public const string Kind = "task";

    public async Task<IReadOnlyList<LateItem>> LateAsync(DashboardScope scope, CancellationToken ct)
    {
        var units = scope.Units.ToList();
        // deadlines are compared here rather than in SQL: SQLite keeps DateTimeOffset as text
        var open = await (from t in db.Tasks.AsNoTracking()
                          join i in db.WorkflowInstances.AsNoTracking() on t.InstanceId equals i.Id
                          where t.ClosedAt == null && t.DueAt != null && units.Contains(i.UnitCode)
                          select new { t.SubjectType, t.SubjectId, t.Title, i.UnitCode, t.Role, t.DueAt }).ToListAsync(ct);
        return [.. open.Where(t => t.DueAt!.Value < scope.Now)
            .Select(t => new LateItem(Kind, t.SubjectType, t.SubjectId, t.Title, t.UnitCode, t.Role, t.DueAt!.Value, (int)(scope.Now - t.DueAt.Value).TotalDays))];
    }
}
