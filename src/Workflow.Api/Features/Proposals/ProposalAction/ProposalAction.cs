using System.Text.Json;
using MediatR;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Features.Proposals.ProposalAction;

/// <summary>
/// A workflow action on a proposal, disbursement or settlement (<c>POST /api/{subjects}/{id}/actions/{action}</c>):
/// the subject must be visible to the caller; the runtime decides the rest.
/// </summary>
public sealed record SubjectActionCommand(string SubjectType, Guid SubjectId, string Action, string? Comment, JsonElement? Data) : IRequest<FireResult>;

public sealed class SubjectActionHandler(IWorkflowRuntime runtime, SubjectInstances subjects, ProposalAccess access) : IRequestHandler<SubjectActionCommand, FireResult>
{
    public async Task<FireResult> Handle(SubjectActionCommand request, CancellationToken cancellationToken)
    {
        if (request.Action.Length > 64) throw new ValidationFailedException("action", "Tên thao tác không hợp lệ.");
        var instanceId = await subjects.InstanceOfAsync(request.SubjectType, request.SubjectId, cancellationToken);
        return await runtime.FireAsync(instanceId, request.Action, access.Actor, request.Comment, request.Data, cancellationToken);
    }
}
