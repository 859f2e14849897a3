using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;
using Workflow.Domain.Ledger.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>yearOpen</c>: adapter of <see cref="FiscalYearClose"/> (RULES.md 19), the close from the province's policy in force — the plan's year is open, or the line was carried over.</summary>
public sealed class YearOpenGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "yearOpen";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var end = await db.AdjustmentPeriodEndAsync(proposal.UnitCode, proposal.FiscalYear, context.Now, ct);
        if (!FiscalYearClose.IsClosed(proposal.FiscalYear, context.Now, end?.Value)) return GuardOutcome.Pass;
        var carried = await db.Carryovers.AnyAsync(c => c.FromPlanLineId == proposal.PlanLineId, ct);
        return LifecycleData.Outcome(FiscalYearClose.CheckDisbursement(proposal.FiscalYear, proposal.Component, context.Now, carried, end?.Value, end?.Basis), isConflict: true);
    }
}
