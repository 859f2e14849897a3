using Workflow.Domain.Workflows;
using MediatR;
using Workflow.Api.Features.Settlements.GetSettlement;
using Workflow.Api.Features.Workflows.GetInstance;

namespace Workflow.Api.Pages.Settlements;

public sealed class DetailsModel(IMediator mediator) : SubjectPageModel(mediator)
{
    protected override string SubjectType => SettlementProcess.SubjectType;
    public SettlementDetail Settlement { get; private set; } = null!;
    public override IReadOnlyList<ActionView> Actions => Settlement?.AvailableActions ?? [];

    protected override async Task LoadAsync(Guid id, CancellationToken ct) => Settlement = await Mediator.Send(new GetSettlementQuery(id), ct);
}
