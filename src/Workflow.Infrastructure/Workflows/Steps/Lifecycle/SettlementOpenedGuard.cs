using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>settlementOpened</c>: a proposal goes into settlement only together with its settlement record.</summary>
public sealed class SettlementOpenedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "settlementOpened";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var opened = db.Settlements.Local.Any(s => s.ProposalId == context.Instance.SubjectId)
                     || await db.Settlements.AnyAsync(s => s.ProposalId == context.Instance.SubjectId, ct);
        return opened ? GuardOutcome.Pass
            : GuardOutcome.Conflict("settlement", "Mở quyết toán bằng cách lập hồ sơ quyết toán: POST /api/proposals/{id}/settlement.");
    }
}
