using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Disbursements;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>noAdvanceOutstanding</c>: adapter of <see cref="DisbursementPosition.CheckNoAdvanceOutstanding"/> (RULES.md 15).</summary>
public sealed class NoAdvanceOutstandingGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "noAdvanceOutstanding";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.PositionAsync(proposal.Id, DisbursementProcess.Confirmed, null, ct);
        return LifecycleData.Outcome(paid.CheckNoAdvanceOutstanding(), isConflict: true);
    }
}
