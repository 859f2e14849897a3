using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Admin.Users;
using Workflow.Api.Features.Admin.Users.CreateUser;

namespace Workflow.Api.Pages.Admin;

/// <summary>Creates a user; their one-time password is shown once, on their page, for the administrator to hand over.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class NewUserModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public UserForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "co-quan")] public string? Agency { get; set; }

    public IReadOnlyList<AdminAgencyView> Agencies { get; private set; } = [];
    public IReadOnlyList<AdminUnitView> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.AgencyCode ??= Agency;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        UserWithPassword? created = null;
        var command = new CreateUserCommand(Input.UserName?.Trim(), Input.DisplayName, Input.Position, Input.AgencyCode, Input.Roles, Input.Email);
        if (await TryAsync(async () => created = await Mediator.Send(command, ct)))
        {
            OneTimePassword.Keep(TempData, created!.User.Id, created.OneTimePassword, created: true);
            Flash = $"Đã tạo người dùng {created.User.UserName}.";
            return Redirect($"/quan-tri/nguoi-dung/{created.User.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await Mediator.Send(new ListAdminAgenciesQuery(null, null), ct);
        Units = await Mediator.Send(new ListAdminUnitsQuery(null, null), ct);
    }
}
