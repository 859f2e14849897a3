using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Settlements.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>actualWithinDisbursed</c>: adapter of <see cref="SettlementWithinDisbursed"/> (RULES.md 17) over the cash the treasury paid.</summary>
public sealed class ActualWithinDisbursedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "actualWithinDisbursed";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var settlement = await db.SettlementAsync(context, ct);
        var paid = await db.PositionAsync(settlement.ProposalId, DisbursementProcess.Confirmed, null, ct);
        return LifecycleData.Outcome(SettlementWithinDisbursed.Check(settlement.ActualCost, paid.Cash), isConflict: true);
    }
}
