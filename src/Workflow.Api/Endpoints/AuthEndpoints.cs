using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Auth.IssueToken;

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
            .WithSummary("Đổi tên đăng nhập và mật khẩu lấy JWT (Bearer).");

        group.MapGet("/me", (ICurrentUser user) => TypedResults.Ok(new CurrentUserView(user.Id, user.UserName, user.AgencyCode, user.UnitCode, user.Roles)))
            .WithName("getCurrentUser")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Người dùng đang đăng nhập.");
        return app;
    }

    /// <summary>The caller as the token names them.</summary>
    public sealed record CurrentUserView(Guid Id, string UserName, string AgencyCode, string UnitCode, IReadOnlyList<string> Roles);
}
