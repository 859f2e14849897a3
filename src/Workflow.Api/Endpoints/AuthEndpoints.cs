using MediatR;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.ChangePassword;
using Workflow.Api.Features.Auth.IssueToken;
using Workflow.Api.Features.Auth.TwoFactor;

namespace Workflow.Api.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Đăng nhập");

        group.MapPost("/token", async (IssueTokenCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .AllowAnonymous()
            .WithName("issueToken")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(SignInRateLimit.Policy)
            .WithSummary("Đổi tên đăng nhập và mật khẩu (và mã xác thực nếu có) lấy JWT (Bearer). Sai 5 lần liên tiếp: khóa 15 phút (auth.lockedOut).");

        group.MapGet("/me", (ICurrentUser user) => TypedResults.Ok(new CurrentUserView(user.Id, user.UserName, user.DisplayName, user.AgencyCode, user.UnitCode, user.Roles, user.Restriction)))
            .WithName("getCurrentUser")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Người dùng đang đăng nhập.");

        group.MapPost("/password", async (ChangePasswordCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("changePassword")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Đổi mật khẩu của chính mình; các phiên khác kết thúc, trả về token mới.");

        group.MapGet("/two-factor", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetTwoFactorQuery(), ct)))
            .WithName("getTwoFactor")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Tình trạng xác thực hai bước; khóa dùng chung cho ứng dụng xác thực khi chưa bật.");
        group.MapPost("/two-factor", async (EnableTwoFactorCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("enableTwoFactor")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Bật xác thực hai bước bằng một mã từ ứng dụng; trả về token mới.");
        group.MapPost("/two-factor/disable", async (DisableTwoFactorCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithName("disableTwoFactor")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Tắt xác thực hai bước (không được khi vai trò bắt buộc).");
        return app;
    }

    /// <summary>The caller as the token names them.</summary>
    public sealed record CurrentUserView(Guid Id, string UserName, string DisplayName, string AgencyCode, string UnitCode, IReadOnlyList<string> Roles, string? Restriction);
}
