using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Catalog.ReadCatalog;
using Workflow.Api.Features.Proposals.ListProposals;
using Workflow.Api.Features.Search;
using Workflow.Domain.Catalog;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Pages.Proposals;

public sealed class IndexModel(IMediator mediator, DefinitionCatalog catalog) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "tu-khoa")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "nam")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "du-an")] public string? Component { get; set; }
    [BindProperty(SupportsGet = true, Name = "co-quan")] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang-thai")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "quyet-toan")] public SettlementStatus? Settlement { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public ProposalPage Result { get; private set; } = new([], 1, 25, 0);
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    /// <summary>The states of the current proposal process with their names, as the definition gives them.</summary>
    public IReadOnlyList<(string Value, string Label)> States =>
        catalog.CurrentOf(ProposalProcess.DefinitionId).States.Select(s => (s.Name, s.DisplayName)).ToList();

    public string Query(int page) =>
        $"?tu-khoa={Uri.EscapeDataString(Q ?? "")}&nam={Year}&du-an={Uri.EscapeDataString(Component ?? "")}&co-quan={Uri.EscapeDataString(Agency ?? "")}" +
        $"&trang-thai={State}&quyet-toan={Settlement}&trang={page}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await Mediator.Send(new ListProposalsQuery(null, Component, Agency, State, Settlement, Math.Max(1, PageNumber), 25,
            Search: DossierSearch.FromBox(Q), FiscalYear: Year), ct);
        Agencies = (await Mediator.Send(new ListAgenciesQuery(null, null), ct)).Where(a => a.Kind is AgencyKind.LeadAgency or AgencyKind.StandingOffice).ToList();
    }
}
