using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Monitoring.Dashboard;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Monitoring;

/// <summary>The province dashboard (<c>GET /api/monitoring/dashboard</c>) as a page: bars as text and CSS, each row a way into its detail.</summary>
public sealed class DashboardModel(IMediator mediator) : AppPageModel(mediator)
{
    /// <summary>The plan year as typed (<c>?nam=2026</c>); a value that is not a year is named as the API names it.</summary>
    [BindProperty(SupportsGet = true, Name = "nam")] public string? YearText { get; set; }

    public ProvinceDashboard? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            View = await Mediator.Send(new ProvinceDashboardQuery(null, Common.RequestInput.Int(YearText, "year")), ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var v in e.Violations) ModelState.AddModelError(v.Path, v.Message);
            Problem = "Chưa xem được: năm chưa hợp lệ.";
        }
    }

    /// <summary>A bar's width: the share in per cent of the track, from the per-mille rate.</summary>
    public static string Width(int perMille) => (Math.Clamp(perMille, 0, 1000) / 10m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public static string LinkTo(string subjectType, Guid id) => Workflow.Infrastructure.Workflows.Dossiers.PagePath(subjectType, id);
}
