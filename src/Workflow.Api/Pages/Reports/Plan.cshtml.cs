using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Reports.ExportPlanReport;
using Workflow.Api.Features.Reports.PlanReport;

namespace Workflow.Api.Pages.Reports;

public sealed class PlanModel(IMediator mediator) : AppPageModel(mediator)
{
    public PlanReport Report { get; private set; } = null!;

    public async Task OnGetAsync(Guid planId, CancellationToken ct) => Report = await Mediator.Send(new GetPlanReportQuery(planId), ct);

    /// <summary>CSV or Excel, as the API gives it, for the signed-in officer's browser.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid planId, string? format, CancellationToken ct)
    {
        var file = await Mediator.Send(new ExportPlanReportQuery(planId, format), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public static string Width(long part, long max) => max <= 0 ? "0" : (100m * part / max).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
