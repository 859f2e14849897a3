using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;

namespace Workflow.Api.Auth;

/// <summary>
/// A restricted session (a one-time password to replace, a second factor to set up) reaches only the pages and
/// endpoints that put the account right; anything else is 403 with the problem code the restriction names, or, on
/// the web, the page that does it.
/// </summary>
public sealed class SessionRestrictionMiddleware(RequestDelegate next)
{
    private static readonly string[] Open = ["/api/auth", "/tai-khoan", "/dang-xuat", "/dang-nhap", "/loi", "/css", "/js", "/lib", "/favicon.ico", "/health"];

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var restriction = context.User.FindFirstValue(WorkflowClaims.Restriction);
        if (restriction is null || Open.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }

        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(restriction == Restrictions.ChangePassword ? "/tai-khoan/doi-mat-khau" : "/tai-khoan/xac-thuc-hai-buoc");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Cần hoàn tất tài khoản",
            Detail = restriction == Restrictions.ChangePassword
                ? "Bạn đang dùng mật khẩu một lần do quản trị viên cấp: đổi mật khẩu (POST /api/auth/password) rồi đăng nhập lại."
                : "Vai trò của bạn yêu cầu xác thực hai bước: thiết lập ứng dụng xác thực (POST /api/auth/two-factor) rồi đăng nhập lại.",
        };
        problem.Extensions["code"] = restriction == Restrictions.ChangePassword ? "auth.passwordChangeRequired" : "auth.twoFactorSetupRequired";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
