using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.TwoFactor;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Pages.Account;

/// <summary>The user sets up (or turns off) sign-in with an authenticator app.</summary>
public sealed class TwoFactorModel(IMediator mediator, UserManager<User> users, ICurrentUser caller) : AppPageModel(mediator)
{
    [BindProperty] public string? Code { get; set; }

    public TwoFactorStatus Status { get; private set; } = new(false, false, null, null);

    public bool Required => caller.Restriction == Restrictions.EnrolTwoFactor;

    public async Task OnGetAsync(CancellationToken ct) => Status = await Mediator.Send(new GetTwoFactorQuery(), ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        await RenewAsync(() => Mediator.Send(new EnableTwoFactorCommand(Code), ct), "Đã bật xác thực hai bước: từ nay đăng nhập cần mã từ ứng dụng.", ct);

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        await RenewAsync(() => Mediator.Send(new DisableTwoFactorCommand(Code), ct), "Đã tắt xác thực hai bước.", ct);

    private async Task<IActionResult> RenewAsync(Func<Task<Features.Auth.IssueToken.TokenResponse>> command, string done, CancellationToken ct)
    {
        string? restriction = null;
        if (!await TryAsync(async () => restriction = (await command()).Restriction))
        {
            Status = await Mediator.Send(new GetTwoFactorQuery(), ct);
            return Page();
        }
        await SignInModel.SignInAsync(HttpContext, (await users.FindByIdAsync(caller.Id.ToString()))!, restriction);
        Flash = done;
        return Redirect(restriction is null ? "/" : "/tai-khoan/doi-mat-khau");
    }
}
