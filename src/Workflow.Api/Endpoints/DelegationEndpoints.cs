using MediatR;
using Workflow.Api.Features.Delegations;
using Workflow.Api.Features.Tasks.ClaimTask;

namespace Workflow.Api.Endpoints;

/// <summary>Who works on what: claiming an inbox task, and handing one's tasks of a role to a substitute (docs/workflows.md).</summary>
public static class DelegationEndpoints
{
    public static IEndpointRouteBuilder MapDelegationEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks/{id:guid}").WithTags("Hộp việc")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/claim", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ClaimTaskCommand(id, ClaimMove.Claim), ct)))
            .WithName("claimTask")
            .WithSummary("Nhận xử lý việc: người cùng vai trò thấy 'Đang xử lý: …' và để việc cho người nhận. 409 task.claimed khi người khác đã nhận (nêu tên), task.closed khi việc đã xong.");
        tasks.MapPost("/take-over", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ClaimTaskCommand(id, ClaimMove.TakeOver), ct)))
            .WithName("takeOverTask")
            .WithSummary("Lãnh đạo cơ quan nhận lại việc người khác đang xử lý. 403 khi người gọi không được đánh dấu là lãnh đạo.");
        tasks.MapPost("/release", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ClaimTaskCommand(id, ClaimMove.Release), ct)))
            .WithName("releaseTask")
            .WithSummary("Người đang xử lý trả lại việc cho mọi người cùng vai trò.");

        var delegations = app.MapGroup("/api/delegations").WithTags("Ủy quyền")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        delegations.MapGet("", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListDelegationsQuery(), ct)))
            .WithName("listDelegations")
            .WithSummary("Ủy quyền người gọi đã giao (given) và được nhận (received), vai trò được ủy quyền và người cùng cơ quan có thể nhận.");
        delegations.MapPost("", async (CreateDelegationCommand body, IMediator m, CancellationToken ct) =>
            {
                var view = await m.Send(body, ct);
                return TypedResults.Created($"/api/delegations/{view.Id}", view);
            })
            .WithName("createDelegation")
            .ProducesValidationProblem()
            .WithSummary("Ủy quyền việc của một vai trò cho người cùng cơ quan trong một khoảng ngày: { \"role\": \"Approver\", \"substitute\": \"…\", \"from\": \"2026-03-02\", \"to\": \"2026-03-06\", \"reason\": \"…\" }.");
        delegations.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RevokeDelegationCommand(id), ct)))
            .WithName("revokeDelegation")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Thu hồi (người giao) hoặc từ chối (người nhận) một ủy quyền; từ đó người nhận không còn thay mặt.");
        return app;
    }
}
