using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans.GetPlan;
using Workflow.Api.Features.Reports.PlanReport;
using Workflow.Domain.Identity;

namespace Workflow.Api.Pages.Plans;

public sealed class DetailsModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    public PlanDetail Plan { get; private set; } = null!;
    public PlanReport Report { get; private set; } = null!;

    /// <summary>A lead-agency officer may propose on the lines their agency leads.</summary>
    public bool CanPropose(string agencyCode) => user.IsIn(Roles.LeadAgency) && user.AgencyCode == agencyCode;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Plan = await Mediator.Send(new GetPlanQuery(id), ct);
        Report = await Mediator.Send(new GetPlanReportQuery(id), ct);
    }

    /// <summary>Width in percent of allocated, for the stacked bar.</summary>
    public static string Share(long part, long whole) => whole <= 0 ? "0" : Math.Min(100m, 100m * part / whole).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
