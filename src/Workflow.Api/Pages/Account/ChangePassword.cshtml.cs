using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.ChangePassword;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Pages.Account;

/// <summary>The user changes their own password — required after a one-time password; the sign-in cookie is renewed.</summary>
public sealed class ChangePasswordModel(IMediator mediator, UserManager<User> users, ICurrentUser caller) : AppPageModel(mediator)
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool Required => caller.Restriction == Restrictions.ChangePassword;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError("confirmPassword", "Hai lần nhập mật khẩu mới không giống nhau.");
            return Page();
        }
        string? restriction = null;
        if (!await TryAsync(async () => restriction = (await Mediator.Send(new ChangePasswordCommand(CurrentPassword, NewPassword), ct)).Restriction)) return Page();
        var user = await users.FindByIdAsync(caller.Id.ToString());
        await SignInModel.SignInAsync(HttpContext, user!, restriction);
        Flash = "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.";
        return Redirect(restriction == Restrictions.EnrolTwoFactor ? "/tai-khoan/xac-thuc-hai-buoc" : "/");
    }
}
