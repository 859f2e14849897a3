using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Admin.ReadJournal;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Admin;

/// <summary>The administration journal of the units within the reader's unit: administrators and monitors; filtered and paged.</summary>
[Authorize(Policy = Policies.ReadAdminJournal)]
public sealed class JournalModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "loai")] public string? ObjectType { get; set; }
    [BindProperty(SupportsGet = true, Name = "ma")] public string? ObjectId { get; set; }
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "nguoi")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "tu")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "den")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public AdminJournalPage Entries { get; private set; } = new(1, ReadAdminJournalQuery.PageSize, 0, []);
    public IReadOnlyList<string> UnitCodes { get; private set; } = [];

    /// <summary>Administrators follow an entry to its object; monitors only read.</summary>
    public bool CanAdminister => User.IsInRole(Workflow.Domain.Identity.Roles.Admin);

    public int PageCount => Math.Max(1, (Entries.Total + Entries.PageSize - 1) / Entries.PageSize);

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["loai"] = ObjectType, ["ma"] = ObjectId, ["don-vi"] = Unit, ["nguoi"] = Actor, ["tu"] = From, ["den"] = To, ["trang"] = page.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/quan-tri/nhat-ky", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        UnitCodes = (await Mediator.Send(new ListAdminUnitsQuery(null, null), ct)).Select(u => u.Code).ToList();
        var from = Day(From, "from", endOfDay: false);
        var to = Day(To, "to", endOfDay: true);
        if (!ModelState.IsValid)
        {
            Problem = "Chưa lọc được: xem các lỗi được đánh dấu bên dưới.";
            return;
        }
        var query = new ReadAdminJournalQuery(Blank(ObjectType), Blank(ObjectId), Blank(Unit), Blank(Actor), from, to, Math.Max(1, PageNumber));
        await TryAsync(async () => Entries = await Mediator.Send(query, ct));
    }

    private DateTimeOffset? Day(string? value, string field, bool endOfDay) => JournalDays.Parse(value, field, endOfDay, ModelState);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
