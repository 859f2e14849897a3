using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.IssueToken;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Pages.Account;

/// <summary>Sign-in with the same user store as the API's tokens; a cookie carries the same claims.</summary>
public sealed class SignInModel(WorkflowDbContext db, IPasswordHasher<User> hasher, IHostEnvironment environment, IConfiguration configuration) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public bool ShowDemoUsers => environment.IsDevelopment() || configuration.GetValue<bool>("Seed:Demo");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 64 || Password.Length > 256)
        {
            Error = "Nhập tên đăng nhập và mật khẩu.";
            return Page();
        }
        var user = await UserStore.VerifyAsync(db, hasher, UserName, Password, ct);
        if (user is null)
        {
            Error = "Tên đăng nhập hoặc mật khẩu không đúng.";
            return Page();
        }
        var identity = new ClaimsIdentity(HttpCurrentUser.ClaimsOf(user), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
