using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Api.Features.Settlements;
using Workflow.Api.Features.Settlements.OpenSettlement;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Pages.Settlements;

public sealed class NewModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public string? Outputs { get; set; }
    [BindProperty] public DateOnly? AcceptedOn { get; set; }
    [BindProperty] public BeneficiariesInput Reached { get; set; } = new(0, 0, 0, 0, 0, 0);
    [BindProperty] public Dictionary<string, long> ActualCost { get; set; } = [];
    public ProposalDetail Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid proposalId, CancellationToken ct)
    {
        Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);
        Reached = new BeneficiariesInput(Proposal.Beneficiaries.Poor, Proposal.Beneficiaries.NearPoor, Proposal.Beneficiaries.NewlyEscaped,
            Proposal.Beneficiaries.EthnicMinority, Proposal.Beneficiaries.Disabled, Proposal.Beneficiaries.TotalParticipants);
        ActualCost = FundingSources.Budget.ToDictionary(s => s.ToString(), s => Proposal.Position[s].Disbursed);
    }

    public async Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct)
    {
        SettlementOpened? opened = null;
        if (await TryAsync(async () => opened = await Mediator.Send(new OpenSettlementCommand(proposalId, new SettlementInput(Outputs, AcceptedOn, Reached, ActualCost)), ct)))
        {
            Flash = "Đã lập hồ sơ quyết toán (dự thảo). Bấm “Gửi quyết toán” khi hồ sơ đầy đủ.";
            return Redirect($"/quyet-toan/{opened!.Id}");
        }
        Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);
        return Page();
    }
}
