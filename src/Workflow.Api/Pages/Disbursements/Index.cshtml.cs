using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Disbursements.ListDisbursements;
using Workflow.Api.Features.Search;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Pages.Disbursements;

public sealed class IndexModel(IMediator mediator, DefinitionCatalog catalog) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "tu-khoa")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "nam")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "loai")] public DisbursementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang-thai")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public DisbursementPage Result { get; private set; } = new([], 1, 25, 0);

    /// <summary>The states of the current disbursement process with their names, as the definition gives them.</summary>
    public IReadOnlyList<(string Value, string Label)> States =>
        catalog.CurrentOf(DisbursementProcess.DefinitionId).States.Select(s => (s.Name, s.DisplayName)).ToList();

    public string Query(int page) => $"?tu-khoa={Uri.EscapeDataString(Q ?? "")}&nam={Year}&loai={Kind}&trang-thai={State}&trang={page}";

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await Mediator.Send(new ListDisbursementsQuery(null, null, null, Year, Kind, State, Math.Max(1, PageNumber), 25,
            DossierSearch.FromBox(Q)), ct);
}
