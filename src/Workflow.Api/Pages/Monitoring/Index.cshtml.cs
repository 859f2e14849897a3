using MediatR;
using Workflow.Api.Features.Monitoring.Units;
using Workflow.Domain.Identity;

namespace Workflow.Api.Pages.Monitoring;

/// <summary>The units whose monitoring figures the signed-in officer reads, each with its latest review and warnings.</summary>
public sealed class IndexModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    public IReadOnlyList<MonitoringUnitRow> Units { get; private set; } = [];

    /// <summary>The plan year whose baseline a unit's link opens: the one its latest review counts for, or this year when it has none.</summary>
    public int YearOf(MonitoringUnitRow row) => row.LatestReviewYear + 1 ?? CurrentYear;

    public int CurrentYear => clock.GetUtcNow().ToOffset(Domain.Workflows.WorkingCalendar.VietnamOffset).Year;

    /// <summary>Whether the province dashboard is the caller's to open.</summary>
    public bool SeesDashboard => User.IsInRole(Roles.Monitor) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct) => Units = await Mediator.Send(new ListMonitoringUnitsQuery(), ct);
}
