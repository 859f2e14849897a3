using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin.Catalogues.ListCatalogues;
using Workflow.Api.Features.Admin.Catalogues.LoadCatalogue;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Pages.Admin;

/// <summary>The programme periods' catalogues (every version, which one is in use) and, for a national administrator, loading a new one.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class CataloguesModel(IMediator mediator, ICurrentUser caller) : AppPageModel(mediator)
{
    private const int MaxBytes = 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<CatalogueView> Catalogues { get; private set; } = [];

    public bool CanLoad => caller.UnitCode == AdminUnit.NationalCode;

    public async Task OnGetAsync(CancellationToken ct) => Catalogues = await Mediator.Send(new ListCataloguesQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? content = null;
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError("$", "Chọn tệp danh mục (.catalogue.json).");
        else if (Upload.Length > MaxBytes) ModelState.AddModelError("$", $"Tệp quá lớn (tối đa {MaxBytes / 1024} KiB).");
        else
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            content = await reader.ReadToEndAsync(ct);
        }
        CatalogueView? loaded = null;
        if (content is not null && await TryAsync(async () => loaded = await Mediator.Send(new LoadCatalogueCommand(content), ct)))
        {
            Flash = $"Đã nạp danh mục giai đoạn {loaded!.FromYear}–{loaded.ToYear}, phiên bản {loaded.Version}.";
            return Redirect("/quan-tri/danh-muc-chuong-trinh");
        }
        Problem ??= "Chưa nạp được: xem các lỗi bên dưới.";
        Catalogues = await Mediator.Send(new ListCataloguesQuery(), ct);
        return Page();
    }
}
