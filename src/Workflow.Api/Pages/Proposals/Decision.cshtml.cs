using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Proposals.PrintDecision;
using Workflow.Domain.Common;

namespace Workflow.Api.Pages.Proposals;

/// <summary>The approval decision of an approved proposal, ready to print on A4; only for those who may see the dossier.</summary>
public sealed class DecisionModel(IMediator mediator) : AppPageModel(mediator)
{
    public DecisionDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Document = await Mediator.Send(new GetDecisionDocumentQuery(id), ct);
        }
        catch (ConflictException)
        {
            // no decision yet: nothing to print, as for a dossier that does not exist
            return NotFound();
        }
        return Page();
    }
}
