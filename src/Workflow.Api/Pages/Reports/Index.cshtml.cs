using MediatR;
using Workflow.Api.Features.Plans.ListPlans;

namespace Workflow.Api.Pages.Reports;

public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Plans = await Mediator.Send(new ListPlansQuery(null, null), ct);
}
