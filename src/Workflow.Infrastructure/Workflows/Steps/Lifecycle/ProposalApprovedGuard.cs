using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>proposalApproved</c>: money is asked for, approved and paid only while the proposal is approved and not yet in settlement.</summary>
public sealed class ProposalApprovedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "proposalApproved";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var state = await db.WorkflowInstances.Where(i => i.Id == proposal.InstanceId).Select(i => i.State).SingleAsync(ct);
        return state == ProposalProcess.Approved ? GuardOutcome.Pass : GuardOutcome.Conflict("proposal",
            $"Đề xuất {proposal.Code} không còn ở trạng thái Đã phê duyệt (hiện tại: {state}); không giải ngân thêm.");
    }
}
