using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Search;
using Workflow.Api.Features.Search.SearchDossiers;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Search;

/// <summary>The search box in the header: a code or words of a title, the first matches of each kind of dossier.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    private const int HitsPerKind = 10;

    [BindProperty(SupportsGet = true, Name = "tu-khoa")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "nam")] public int? Year { get; set; }

    /// <summary>Null until something has been typed.</summary>
    public SearchResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (DossierSearch.FromBox(Q) is { } search)
            Result = await Mediator.Send(new SearchDossiersQuery(search, Year, null, HitsPerKind), ct);
    }

    public static string LinkTo(SearchHit hit) => Workflow.Infrastructure.Workflows.Dossiers.PagePath(hit.Kind, hit.Id);

    /// <summary>The list that pages through every match of one kind.</summary>
    public string AllOf(string list) => $"{list}?tu-khoa={Uri.EscapeDataString(Q ?? "")}&nam={Year}";
}
