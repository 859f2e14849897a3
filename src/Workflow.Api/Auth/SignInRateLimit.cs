using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Workflow.Api.Auth;

/// <summary>
/// Sign-in (the token endpoint and the sign-in page's post) is limited per client address with ASP.NET Core's rate
/// limiter: <see cref="AccountOptions.SignInPermitsPerMinute"/> a minute, then 429 with <c>Retry-After</c> and the
/// problem code <c>auth.rateLimited</c>. Against password guessing across many accounts; lockout guards each account.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, AccountOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var message = $"Quá nhiều lần đăng nhập từ địa chỉ này; thử lại sau {retryAfter} giây.";
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync($"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Thử lại sau</title><p>{message}</p><p><a href=\"/dang-nhap\">Về trang đăng nhập</a></p></html>", ct);
                    return;
                }
                var problem = new ProblemDetails { Status = 429, Title = "Quá nhiều yêu cầu", Detail = message };
                problem.Extensions["code"] = "auth.rateLimited";
                problem.Extensions["retryAfterSeconds"] = retryAfter;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
}
