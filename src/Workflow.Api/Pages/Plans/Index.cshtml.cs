using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans.ListPlans;
using Workflow.Domain.Identity;

namespace Workflow.Api.Pages.Plans;

public sealed class IndexModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "nam")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanImport => user.IsIn(Roles.FinanceOffice) || user.IsIn(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await Mediator.Send(new ListPlansQuery(null, null), ct);
        Years = all.Select(p => p.FiscalYear).Distinct().OrderDescending().ToList();
        Units = all.Select(p => (p.UnitCode, p.UnitName)).Distinct().OrderBy(u => u.UnitName).ToList();
        Plans = all.Where(p => (Year is null || p.FiscalYear == Year) && (string.IsNullOrEmpty(Unit) || p.UnitCode == Unit)).ToList();
    }
}
