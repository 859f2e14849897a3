using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Api.Features.Workflows.Diagram;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Proposals;

public sealed class DetailsModel(IMediator mediator, ICurrentUser user) : SubjectPageModel(mediator)
{
    protected override string SubjectType => ProposalProcess.SubjectType;

    public ProposalDetail Proposal { get; private set; } = null!;
    public string Diagram { get; private set; } = "";

    /// <summary>What the proposal's plan line has and has left, shown to the approver before the decision; null for one who may not see the plan.</summary>
    public Features.Proposals.LineAvailability.LineAvailability? Line { get; private set; }

    /// <summary>The finance office's last appraisal (passed or failed) with its opinion, if the proposal has been appraised.</summary>
    public Features.Workflows.History.HistoryEntry? Appraisal =>
        Proposal.History.LastOrDefault(e => e.Action is "appraise-pass" or "appraise-fail");
    public override IReadOnlyList<ActionView> Actions => Proposal?.AvailableActions ?? [];

    /// <summary>The clerk of the proposal's own agency: the one who edits, asks for money and settles.</summary>
    public bool IsOwnAgency => user.IsIn(Roles.LeadAgency) && user.AgencyCode == Proposal.AgencyCode;

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Proposal = await Mediator.Send(new GetProposalQuery(id), ct);
        Diagram = await Mediator.Send(new GetDiagramQuery(ProposalProcess.DefinitionId, null, Proposal.InstanceId), ct);
        try
        {
            Line = await Mediator.Send(new Features.Proposals.LineAvailability.LineAvailabilityQuery(Proposal.PlanLineId, Proposal.Id), ct);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            // one who sees the dossier but not its plan (a monitor of another unit) reads it without the line
            Line = null;
        }
    }
}
