using Workflow.Domain.Workflows;
using MediatR;
using Workflow.Api.Features.Disbursements.GetDisbursement;
using Workflow.Api.Features.Workflows.GetInstance;

namespace Workflow.Api.Pages.Disbursements;

public sealed class DetailsModel(IMediator mediator) : SubjectPageModel(mediator)
{
    protected override string SubjectType => DisbursementProcess.SubjectType;
    public DisbursementDetail Disbursement { get; private set; } = null!;
    public override IReadOnlyList<ActionView> Actions => Disbursement?.AvailableActions ?? [];

    protected override async Task LoadAsync(Guid id, CancellationToken ct) => Disbursement = await Mediator.Send(new GetDisbursementQuery(id), ct);
}
