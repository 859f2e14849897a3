using MediatR;
using Microsoft.AspNetCore.Authorization;
using Workflow.Api.Common;
using Workflow.Api.Features.Audit.PersonalDataAccessLog;
using Workflow.Domain.Files;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages.Journal;

/// <summary>
/// The personal-data access log for administrators and monitors (beside the dossiers' journal): every opening of a file
/// marked as personal data in their unit and those below, served or refused, filtered by person and dates.
/// </summary>
[Authorize(Policy = Policies.ReadAdminJournal)]
public sealed class PersonalDataModel(IMediator mediator) : AppPageModel(mediator)
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "nguoi")] public string? Person { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "tu")] public string? From { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "den")] public string? To { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public PersonalDataAccessPage Entries { get; private set; } = new(1, ReadPersonalDataAccessQuery.PageSize, 0, []);

    public int PageCount => Math.Max(1, (Entries.Total + Entries.PageSize - 1) / Entries.PageSize);

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["nguoi"] = Person, ["tu"] = From, ["den"] = To, ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/nhat-ky/du-lieu-ca-nhan", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public static string LinkTo(string subjectType, Guid id) => Workflow.Infrastructure.Workflows.Dossiers.PagePath(subjectType, id);

    public static string Outcome(string outcome) => outcome switch
    {
        PersonalDataAccess.Served => "Đã mở",
        PersonalDataAccess.Refused => "Bị từ chối",
        PersonalDataAccess.Gone => "Đã xóa theo thời hạn lưu trữ",
        _ => outcome,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        var from = JournalDays.Parse(From, "from", endOfDay: false, ModelState);
        var to = JournalDays.Parse(To, "to", endOfDay: true, ModelState);
        if (!ModelState.IsValid)
        {
            Problem = "Chưa lọc được: xem các lỗi được đánh dấu bên dưới.";
            return;
        }
        var person = string.IsNullOrWhiteSpace(Person) ? null : Person.Trim();
        await TryAsync(async () => Entries = await Mediator.Send(new ReadPersonalDataAccessQuery(from, to, person, Math.Max(1, PageNumber)), ct));
    }
}
