using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Attachments.DownloadAttachment;

namespace Workflow.Api.Pages.Files;

/// <summary>
/// An attached file for the pages, on the sign-in cookie: the same query and rights as <c>GET /api/attachments/{sha256}</c>
/// (someone who sees no dossier with the file gets the 404 page).
/// </summary>
public sealed class DownloadModel(IMediator mediator) : AppPageModel(mediator)
{
    public async Task<IActionResult> OnGetAsync(string sha256, CancellationToken ct)
    {
        var download = await Mediator.Send(new DownloadAttachmentQuery(sha256, DownloadAttachmentQuery.PageRoute), ct);
        return File(download.Content, download.ContentType, download.FileName);
    }
}
