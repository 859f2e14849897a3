using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Plans.ExportPlan;
using Workflow.Api.Features.Plans.ExportPlanWorkbook;
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

    /// <summary>The finance office (and administrators) revise plans and carry lines over.</summary>
    public bool CanManage => user.IsIn(Roles.FinanceOffice) || user.IsIn(Roles.Admin);

    /// <summary>The plan as an Excel workbook in the import layout (amounts=trieu for triệu đồng).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid id, string? amounts, CancellationToken ct)
    {
        var file = await Mediator.Send(new ExportPlanWorkbookQuery(id, amounts), ct);
        return File(file.Content, PlanWorkbook.ContentType, file.FileName);
    }

    /// <summary>The plan file (JSON), as the API exports it.</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken ct)
    {
        var export = await Mediator.Send(new ExportPlanQuery(id), ct);
        return File(System.Text.Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Plan = await Mediator.Send(new GetPlanQuery(id), ct);
        Report = await Mediator.Send(new GetPlanReportQuery(id), ct);
    }

    /// <summary>Width in percent of allocated, for the stacked bar.</summary>
    public static string Share(long part, long whole) => whole <= 0 ? "0" : Math.Min(100m, 100m * part / whole).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
