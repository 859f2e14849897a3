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
    /// <summary>The actual cost per source as typed ("1.200.000"); read by <see cref="MoneyInput"/> so a grouped amount is whole đồng and a slip is an error at its field.</summary>
    [BindProperty] public Dictionary<string, string?> ActualCost { get; set; } = [];
    public ProposalDetail Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid proposalId, CancellationToken ct)
    {
        Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);
        Reached = new BeneficiariesInput(Proposal.Beneficiaries.Poor, Proposal.Beneficiaries.NearPoor, Proposal.Beneficiaries.NewlyEscaped,
            Proposal.Beneficiaries.EthnicMinority, Proposal.Beneficiaries.Disabled, Proposal.Beneficiaries.TotalParticipants);
        ActualCost = FundingSources.Budget.ToDictionary(s => s.ToString(), s => (string?)MoneyInput.Text(Proposal.Position[s].Disbursed));
        // the planned outputs are the starting point: the acceptance corrects the quantities reached
        ActualOutputs = OutputRow.From(Proposal.PlannedOutputs);
    }

    public async Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct)
    {
        var actualCost = ReadActualCost();
        SettlementOpened? opened = null;
        if (ModelState.ErrorCount == 0 && await TryAsync(async () => opened = await Mediator.Send(new OpenSettlementCommand(proposalId, new SettlementInput(Outputs, AcceptedOn, Reached, actualCost, OutputRow.ToInputs(ActualOutputs))), ct)))
        {
            Flash = "Đã lập hồ sơ quyết toán (dự thảo). Bấm “Gửi quyết toán” khi hồ sơ đầy đủ.";
            return Redirect($"/quyet-toan/{opened!.Id}");
        }
        if (ModelState.ErrorCount > 0) Problem ??= "Chưa thực hiện được: xem các lỗi được đánh dấu bên dưới.";
        Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);
        return Page();
    }

    /// <summary>The typed costs in whole đồng; an unreadable one is an error under <c>actualCost.{source}</c>, where the rules put theirs.</summary>
    private Dictionary<string, long> ReadActualCost()
    {
        var costs = new Dictionary<string, long>();
        foreach (var (source, text) in ActualCost)
        {
            if (!MoneyInput.TryParse(text, out var amount))
                ModelState.AddModelError($"actualCost.{source}",
                    MoneyInput.NotWholeDong(Enum.TryParse<FundingSource>(source, out var known) ? Fmt.SourceName(known) : source, text));
            else costs[source] = amount ?? 0;
        }
        return costs;
    }
}
