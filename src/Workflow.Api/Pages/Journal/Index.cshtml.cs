using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Audit.ReadDossierJournal;
using Workflow.Api.Features.Audit.VerifyJournal;
using Workflow.Infrastructure.Audit;

namespace Workflow.Api.Pages.Journal;

/// <summary>
/// The dossiers' journal for administrators and monitors, within their unit and those below it: who did what to
/// which dossier and when, filtered and paged, with the journal's integrity as last verified and a way to verify it now.
/// </summary>
[Authorize(Policy = Policies.ReadAdminJournal)]
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "nguoi")] public string? Person { get; set; }
    [BindProperty(SupportsGet = true, Name = "ho-so")] public string? Dossier { get; set; }
    [BindProperty(SupportsGet = true, Name = "tu")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "den")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public DossierJournalPage Entries { get; private set; } =
        new(1, ReadDossierJournalQuery.PageSize, 0, [], new(null, null, null, null, ReadDossierJournalHandler.VerifyLink));

    /// <summary>The units the reader may choose: their own and those below it, by code and name.</summary>
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    /// <summary>The verification just run from this page, if any.</summary>
    public AuditReport? Verified { get; private set; }

    public int PageCount => Math.Max(1, (Entries.Total + Entries.PageSize - 1) / Entries.PageSize);

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["don-vi"] = Unit, ["nguoi"] = Person, ["ho-so"] = Dossier, ["tu"] = From, ["den"] = To, ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/nhat-ky", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>The journal of one dossier, as a link from elsewhere.</summary>
    public static string DossierLink(string code) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/nhat-ky", "ho-so", code);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Verifies what was written since the last intact verification, then shows the journal with the result.</summary>
    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        await TryAsync(async () => Verified = await Mediator.Send(new VerifyJournalQuery(false), ct));
        await LoadAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = (await Mediator.Send(new ListAdminUnitsQuery(null, null), ct)).Select(u => (u.Code, u.Name)).ToList();
        var from = JournalDays.Parse(From, "from", endOfDay: false, ModelState);
        var to = JournalDays.Parse(To, "to", endOfDay: true, ModelState);
        if (!ModelState.IsValid)
        {
            Problem = "Chưa lọc được: xem các lỗi được đánh dấu bên dưới.";
            return;
        }
        var query = new ReadDossierJournalQuery(Blank(Unit), Blank(Person), Blank(Dossier), from, to, Math.Max(1, PageNumber));
        await TryAsync(async () => Entries = await Mediator.Send(query, ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
