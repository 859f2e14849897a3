using System.Text.Json;
using MediatR;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Features.Workflows.FireAction;

/// <summary>The body of every workflow action: an optional comment and the action's form data.</summary>
public sealed record ActionRequest(string? Comment, JsonElement? Data);

public sealed record FireActionCommand(Guid InstanceId, string Action, string? Comment, JsonElement? Data) : IRequest<FireResult>;

public sealed class FireActionHandler(IWorkflowRuntime runtime, InstanceAccess access) : IRequestHandler<FireActionCommand, FireResult>
{
    public async Task<FireResult> Handle(FireActionCommand request, CancellationToken cancellationToken)
    {
        await access.FindAsync(request.InstanceId, cancellationToken); // 404 for what the caller may not see
        if (request.Action.Length > 64) throw new ValidationFailedException("action", "Tên thao tác không hợp lệ.");
        return await runtime.FireAsync(request.InstanceId, request.Action, access.Actor, request.Comment, request.Data, cancellationToken);
    }
}
