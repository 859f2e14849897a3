using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Proposals.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>withinLineRemaining</c>: adapter of <see cref="WithinLineRemaining"/> (RULES.md 9) at submission — committed
/// plus the other proposals awaiting decision plus this one within the allocation. <see cref="CommitFundsEffect"/>
/// checks again, atomically, at approval.
/// </summary>
public sealed class WithinLineRemainingGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "withinLineRemaining";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var (allocated, committed) = await db.LinePositionAsync(proposal.PlanLineId, ct);
        var pending = await db.PendingOnLineAsync(proposal.PlanLineId, proposal.Id, ct);
        return LifecycleData.Outcome(WithinLineRemaining.CheckAtSubmission(proposal.Component, proposal.Split, allocated, committed, pending), isConflict: true);
    }
}
