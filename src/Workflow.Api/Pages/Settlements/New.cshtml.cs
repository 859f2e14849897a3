using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Api.Features.Settlements;
using Workflow.Api.Features.Settlements.OpenSettlement;
using Workflow.Domain.Catalog;
using Workflow.Api.Pages;

namespace Workflow.Api.Pages.Settlements;

public sealed class NewModel(IMediator mediator, Domain.Monitoring.Indicators.IndicatorCatalogues indicators) : AppPageModel(mediator)
{
    [BindProperty] public List<OutputRow> ActualOutputs { get; set; } = [];

    /// <summary>The output indicators of the proposal's component, from its fiscal year's catalogue.</summary>
    public IReadOnlyList<Domain.Monitoring.Indicators.Indicator> OutputIndicators =>
        [.. indicators.ForYear(Proposal.FiscalYear)?.OutputsOf(Proposal.Component) ?? []];

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
        // the planned outputs are the starting point: the acceptance corrects the quantities reached
        ActualOutputs = OutputRow.From(Proposal.PlannedOutputs);
    }

    public async Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct)
    {
        SettlementOpened? opened = null;
        if (await TryAsync(async () => opened = await Mediator.Send(new OpenSettlementCommand(proposalId, new SettlementInput(Outputs, AcceptedOn, Reached, ActualCost, OutputRow.ToInputs(ActualOutputs))), ct)))
        {
            Flash = "Đã lập hồ sơ quyết toán (dự thảo). Bấm “Gửi quyết toán” khi hồ sơ đầy đủ.";
            return Redirect($"/quyet-toan/{opened!.Id}");
        }
        Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);
        return Page();
    }
}
