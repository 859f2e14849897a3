using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.IssueToken;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Pages.Account;

/// <summary>Sign-in with the same check as the API's tokens (<see cref="AccountSignIn"/>); a cookie carries the same claims.</summary>
[EnableRateLimiting(SignInRateLimit.Policy)]
public sealed class SignInModel(AccountSignIn signIn, IHostEnvironment environment, IConfiguration configuration) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    /// <summary>The account has a second factor: the page asks for the code as well.</summary>
    public bool AskCode { get; private set; }

    public bool ShowDemoUsers => environment.IsDevelopment() || configuration.GetValue<bool>("Seed:Demo");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 64 || Password.Length > 256)
        {
            Error = "Nhập tên đăng nhập và mật khẩu.";
            return Page();
        }
        User user;
        try
        {
            user = await signIn.SignInAsync(UserName, Password, Code, ct);
        }
        catch (AuthenticationFailedException failed)
        {
            AskCode = failed is TwoFactorRequiredException;
            Error = failed.Message;
            return Page();
        }
        await SignInAsync(HttpContext, user, await IssueTokenHandler.RestrictionOfAsync(signIn, user, ct));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    /// <summary>Issues the sign-in cookie for a user, as a restricted session when the account must be put right first.</summary>
    public static Task SignInAsync(HttpContext http, User user, string? restriction)
    {
        var identity = new ClaimsIdentity(HttpCurrentUser.ClaimsOf(user, restriction), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
