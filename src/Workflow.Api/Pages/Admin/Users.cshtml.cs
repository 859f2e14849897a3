using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Admin.Users.ListUsers;
using Workflow.Api.Features.Admin.Users.TwoFactorRoles;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;

namespace Workflow.Api.Pages.Admin;

/// <summary>The users of the units the administrator manages, filtered and paged; and the roles that require a second factor.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UsersModel(IMediator mediator, ICurrentUser caller) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "ten")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "co-quan")] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "vai-tro")] public string? Role { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang-thai")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    /// <summary>The roles ticked in the second-factor form.</summary>
    [BindProperty] public List<string> TwoFactorRoles { get; set; } = [];

    public UserPage Users { get; private set; } = new([], 1, 50, 0);
    public IReadOnlyList<AdminUnitView> Units { get; private set; } = [];
    public IReadOnlyList<AdminAgencyView> Agencies { get; private set; } = [];
    public IReadOnlyList<string> RequiredTwoFactor { get; private set; } = [];
    public bool IsNationalAdministrator => caller.UnitCode == AdminUnit.NationalCode;

    public string AgencyName(string code) => Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    public int PageCount => Math.Max(1, (Users.Total + Users.PageSize - 1) / Users.PageSize);

    /// <summary>This list's address with another page number, keeping the filters.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["ten"] = Q, ["don-vi"] = Unit, ["co-quan"] = Agency, ["vai-tro"] = Role, ["trang-thai"] = State, ["trang"] = page.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/quan-tri/nguoi-dung", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTwoFactorAsync(CancellationToken ct)
    {
        TwoFactorRolesView? saved = null;
        if (await TryAsync(async () => saved = await Mediator.Send(new SetTwoFactorRolesCommand(TwoFactorRoles), ct), "twoFactor"))
        {
            Flash = saved!.Roles.Count == 0
                ? "Đã lưu: không vai trò nào bắt buộc xác thực hai bước."
                : $"Đã lưu: bắt buộc xác thực hai bước với {string.Join(", ", saved.Roles.Select(Fmt.Role))}.";
            return Redirect("/quan-tri/nguoi-dung#xac-thuc-hai-buoc");
        }
        await LoadAsync(ct);
        RequiredTwoFactor = TwoFactorRoles;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        bool? active = State switch { "hoat-dong" => true, "bi-khoa" => false, _ => null };
        Users = await Mediator.Send(new ListUsersQuery(null, Q, Blank(Unit), Blank(Agency), Blank(Role), active, Math.Max(1, PageNumber)), ct);
        Units = await Mediator.Send(new ListAdminUnitsQuery(null, null), ct);
        Agencies = await Mediator.Send(new ListAdminAgenciesQuery(null, null), ct);
        RequiredTwoFactor = (await Mediator.Send(new GetTwoFactorRolesQuery(), ct)).Roles;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static IReadOnlyList<string> AllRoles => Roles.All;
}
