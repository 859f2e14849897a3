using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Admin.Users;
using Workflow.Api.Features.Admin.Users.GetUser;
using Workflow.Api.Features.Admin.Users.ResetPassword;
using Workflow.Api.Features.Admin.Users.SetUserActive;
using Workflow.Api.Features.Admin.Users.UpdateUser;

namespace Workflow.Api.Pages.Admin;

/// <summary>One user: edit who they are and what they may do, disable or enable them, give them a new one-time password.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UserModel(IMediator mediator, ICurrentUser caller) : AppPageModel(mediator)
{
    [BindProperty] public UserForm Input { get; set; } = new();

    public AdminUserView Person { get; private set; } = null!;
    public IReadOnlyList<AdminAgencyView> Agencies { get; private set; } = [];
    public IReadOnlyList<AdminUnitView> Units { get; private set; } = [];

    /// <summary>The one-time password just issued, shown on this load only.</summary>
    public string? IssuedPassword { get; private set; }

    /// <summary>Whether <see cref="IssuedPassword"/> came with the account's creation (else with a reset).</summary>
    public bool IssuedAtCreation { get; private set; }

    public bool IsSelf => Person.Id == caller.Id;

    public string AgencyName(string code) => Agencies.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (OneTimePassword.Take(TempData, id) is { } issued)
        {
            (IssuedPassword, IssuedAtCreation) = issued;
            // the password is on this answer only: no cache, no back-button copy
            Response.Headers.CacheControl = "no-store";
            Response.Headers.Pragma = "no-cache";
        }
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        var posted = Input;
        await LoadAsync(id, ct);
        Input = posted;
        if (await TryAsync(() => Mediator.Send(new UpdateUserCommand(id, Input.DisplayName, Input.Position, Input.AgencyCode, Input.Roles, Input.Email, Input.IsHead), ct)))
        {
            Flash = $"Đã lưu thông tin của {Person.UserName}.";
            return Redirect(Request.Path);
        }
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        UserWithPassword? reset = null;
        if (await TryAsync(async () => reset = await Mediator.Send(new ResetPasswordCommand(id), ct)))
        {
            OneTimePassword.Keep(TempData, id, reset!.OneTimePassword, created: false);
            Flash = $"Đã cấp mật khẩu một lần mới cho {Person.UserName}; các phiên đăng nhập của người này đã kết thúc.";
            return Redirect(Request.Path);
        }
        return Page();
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => Mediator.Send(new SetUserActiveCommand(id, active), ct)))
        {
            Flash = active ? $"Đã mở khóa {Person.UserName}." : $"Đã khóa {Person.UserName}: người này không đăng nhập được nữa và các phiên đang mở đã kết thúc.";
            return Redirect(Request.Path);
        }
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Person = await Mediator.Send(new GetAdminUserQuery(id), ct); // 404 when unknown or outside the scope
        Agencies = await Mediator.Send(new ListAdminAgenciesQuery(null, null), ct);
        Units = await Mediator.Send(new ListAdminUnitsQuery(null, null), ct);
        Input = new UserForm
        {
            UserName = Person.UserName, DisplayName = Person.DisplayName, Position = Person.Position,
            AgencyCode = Person.AgencyCode, Roles = [.. Person.Roles], Email = Person.Email, IsHead = Person.IsHead,
        };
    }
}
