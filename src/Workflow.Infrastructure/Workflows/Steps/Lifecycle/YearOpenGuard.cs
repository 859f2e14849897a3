using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Ledger.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>yearOpen</c>: adapter of <see cref="FiscalYearClose"/> (RULES.md 19) — the plan's year is open, or the line was carried over.</summary>
public sealed class YearOpenGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "yearOpen";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        if (!FiscalYearClose.IsClosed(proposal.FiscalYear, context.Now)) return GuardOutcome.Pass;
        var carried = await db.Carryovers.AnyAsync(c => c.FromPlanLineId == proposal.PlanLineId, ct);
        return LifecycleData.Outcome(FiscalYearClose.CheckDisbursement(proposal.FiscalYear, proposal.Component, context.Now, carried), isConflict: true);
    }
}
