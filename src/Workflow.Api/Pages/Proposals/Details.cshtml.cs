using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Api.Features.Workflows.Diagram;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Proposals;

public sealed class DetailsModel(IMediator mediator, ICurrentUser user) : SubjectPageModel(mediator)
{
    protected override string SubjectType => ProposalProcess.SubjectType;

    public ProposalDetail Proposal { get; private set; } = null!;
    public string Diagram { get; private set; } = "";
    public override IReadOnlyList<ActionView> Actions => Proposal?.AvailableActions ?? [];

    /// <summary>The clerk of the proposal's own agency: the one who edits, asks for money and settles.</summary>
    public bool IsOwnAgency => user.IsIn(Roles.LeadAgency) && user.AgencyCode == Proposal.AgencyCode;

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Proposal = await Mediator.Send(new GetProposalQuery(id), ct);
        Diagram = await Mediator.Send(new GetDiagramQuery(ProposalProcess.DefinitionId, null, Proposal.InstanceId), ct);
    }
}
