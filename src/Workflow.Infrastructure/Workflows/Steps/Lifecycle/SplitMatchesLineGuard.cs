using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Proposals.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>splitMatchesLine</c>: adapter of <see cref="SplitFollowsLine"/> (RULES.md 8) at submission, against the line as it is now.</summary>
public sealed class SplitMatchesLineGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "splitMatchesLine";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var line = await db.PlanLines.AsNoTracking().Where(l => l.Id == proposal.PlanLineId).Select(l => l.Amounts).SingleAsync(ct);
        return LifecycleData.Outcome(SplitFollowsLine.CheckStillMatches(proposal.Component, proposal.StateSupport, proposal.Split, proposal.SplitByHand, line));
    }
}
