using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans.CarryOver;
using Workflow.Api.Features.Plans.GetPlan;
using Workflow.Api.Features.Reports.PlanReport;

namespace Workflow.Api.Pages.Plans;

/// <summary>
/// Chuyển nguồn (RULES.md 19): the finance office carries a line's uncommitted balance of an ended year into the
/// same component's line of the next year's plan, with the document that allows it.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class CarryOverModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public string? Component { get; set; }
    [BindProperty] public string? DecisionReference { get; set; }

    public PlanDetail Plan { get; private set; } = null!;
    public PlanReport Report { get; private set; } = null!;
    public CarryoverResult? Result { get; private set; }

    public async Task OnGetAsync(Guid id, string? component, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Component ??= component;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        CarryoverResult? result = null;
        if (await TryAsync(async () => result = await Mediator.Send(new CarryOverCommand(id, Component?.Trim(), DecisionReference), ct)))
        {
            var moved = result!.Moved.Values.Sum();
            Flash = $"Đã chuyển nguồn dòng {Component} sang năm {(await Mediator.Send(new GetPlanQuery(id), ct)).FiscalYear + 1}: {Fmt.Money(moved)}"
                    + (result.CommitmentsKept > 0 ? $"; {Fmt.Money(result.CommitmentsKept)} đã cam kết tiếp tục giải ngân trên dòng cũ." : ".");
            return Redirect($"/ke-hoach/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Plan = await Mediator.Send(new GetPlanQuery(id), ct);
        Report = await Mediator.Send(new GetPlanReportQuery(id), ct);
    }
}
