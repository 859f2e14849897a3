using MediatR;
using Workflow.Api.Common;
using Workflow.Api.Features.Notifications.ListNotifications;
using Workflow.Api.Features.Tasks.BulkAction;
using Workflow.Api.Features.Tasks.ListInbox;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Workflows.Diagram;
using Workflow.Api.Features.Workflows.FireAction;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Api.Features.Workflows.History;
using Workflow.Api.Features.Workflows.ListDefinitions;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Endpoints;

public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var workflows = app.MapGroup("/api/workflows").WithTags("Quy trình")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        workflows.MapGet("", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListDefinitionsQuery(), ct)))
            .WithName("listWorkflowDefinitions")
            .WithSummary("Các quy trình với phiên bản, phiên bản hiện hành và số hồ sơ đang chạy trên mỗi phiên bản.");
        workflows.MapGet("/{id}/diagram.svg", async (string id, string? version, string? instance, IMediator m, CancellationToken ct) =>
                TypedResults.Text(await m.Send(new GetDiagramQuery(id, RequestInput.Int(version, "version"), RequestInput.Guid(instance, "instance")), ct), "image/svg+xml"))
            .WithName("getWorkflowDiagram")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Sơ đồ trạng thái (SVG); với ?instance= tô trạng thái hiện tại và đánh dấu các bước đã đi.");

        var instances = app.MapGroup("/api/workflow-instances").WithTags("Quy trình")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        instances.MapGet("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetInstanceQuery(id), ct)))
            .WithName("getWorkflowInstance")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Trạng thái hồ sơ và các thao tác người gọi được thực hiện (availableActions).");
        instances.MapPost("/{id:guid}/actions/{action}", async (Guid id, string action, ActionRequest? body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new FireActionCommand(id, action, body?.Comment, body?.Data), ct)))
            .WithName("fireInstanceAction")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Thực hiện thao tác: { \"comment\": \"…\", \"data\": { … } }. 403 không đúng vai trò/phạm vi hoặc vi phạm người lập ≠ người duyệt; 409 sai trạng thái hoặc người khác vừa xử lý.");
        instances.MapGet("/{id:guid}/history", async (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetInstanceHistoryQuery(id), ct)))
            .WithName("getInstanceHistory")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Nhật ký các bước của hồ sơ.");

        app.MapGet("/api/{subject}/{id:guid}/history", async (string subject, Guid id, IMediator m, CancellationToken ct) =>
            {
                if (!InstanceAccess.SubjectRoutes.TryGetValue(subject, out var subjectType))
                    throw new NotFoundException($"Không có loại hồ sơ '{subject}'.");
                return TypedResults.Ok(await m.Send(new GetHistoryQuery(subjectType, id), ct));
            })
            .WithTags("Quy trình")
            .WithName("getSubjectHistory")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Nhật ký của một đề xuất, đợt giải ngân hoặc hồ sơ quyết toán: /api/proposals/{id}/history.");

        app.MapGet("/api/tasks", async (string? subjectType, string? state, string? action, string? q, string? overdue, string? sort, string? page, string? pageSize,
                DefinitionCatalog catalog, IMediator m, CancellationToken ct) =>
            {
                var p = RequestInput.Int(page, "page") ?? 1;
                var size = RequestInput.Int(pageSize, "pageSize") ?? 20;
                if (p < 1) throw new ValidationFailedException("page", "Trang bắt đầu từ 1.");
                if (size is < 1 or > ListInboxHandler.MaxPageSize) throw new ValidationFailedException("pageSize", $"Mỗi trang từ 1 đến {ListInboxHandler.MaxPageSize} việc.");
                var kind = InboxFilter.SubjectTypeOf(subjectType);
                var filter = InboxFilter.Parse(catalog, kind, state, action, q, sort);
                return TypedResults.Ok(await m.Send(new ListInboxQuery(kind, RequestInput.Bool(overdue, "overdue"), p, size) { Filter = filter }, ct));
            })
            .WithTags("Hộp việc")
            .WithName("listTasks")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem()
            .WithSummary("Hộp việc của người gọi: việc đang chờ kèm số hồ sơ, số tiền, hạn và các thao tác được phép. Lọc theo subjectType (Proposal, Disbursement, Settlement), " +
                         "state (trạng thái), action (việc mà thao tác này làm được, để xử lý hàng loạt), q (số hồ sơ hoặc từ trong tên), overdue; " +
                         "sort=deadline (mặc định, hạn gần nhất — quá hạn — trước) hoặc sort=amount (số tiền lớn trước).");

        app.MapGet("/api/notifications", async (string? take, string? done, IMediator m, CancellationToken ct) =>
            {
                var n = RequestInput.Int(take, "take") ?? 50;
                if (n is < 1 or > 200) throw new ValidationFailedException("take", "Lấy từ 1 đến 200 thông báo.");
                return TypedResults.Ok(await m.Send(new ListNotificationsQuery(n, RequestInput.Bool(done, "done")), ct));
            })
            .WithTags("Hộp việc")
            .WithName("listNotifications")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem()
            .WithSummary("Thông báo cho người gọi: hồ sơ nào (số, tên, số tiền), hạn khi nào, đường dẫn; done=false chỉ lấy thông báo còn chờ xử lý (việc chưa xong).");

        return app;
    }

    /// <summary>
    /// <c>POST /api/tasks/bulk</c>, mapped apart from the endpoints that honour <c>Idempotency-Key</c>: its dossiers commit
    /// one by one, each in its own transaction, so no single stored answer could commit with their effects. Sent again,
    /// it does nothing twice either: a dossier already moved is refused (<c>workflow.notAvailable</c>) and says so.
    /// </summary>
    public static IEndpointRouteBuilder MapBulkActionEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/bulk", async (BulkActionCommand body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(body, ct)))
            .WithTags("Hộp việc")
            .WithName("bulkAction")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem()
            .WithSummary($"Một thao tác trên nhiều hồ sơ (tối đa {BulkActionValidator.MaxItems}): {{ \"action\": \"approve\", \"instanceIds\": […], \"comment\": \"…\", \"data\": {{ … }} }}. " +
                         "Mỗi hồ sơ được xử lý và ghi nhật ký riêng; hồ sơ bị từ chối không làm dừng các hồ sơ khác; kết quả theo từng hồ sơ.");
        return app;
    }
}
