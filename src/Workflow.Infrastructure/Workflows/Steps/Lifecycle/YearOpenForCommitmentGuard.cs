using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>yearOpenForCommitment</c>: adapter of <see cref="FiscalYearClose.CheckCommitment"/> (RULES.md 19) — no submission or approval on a closed year's plan.</summary>
public sealed class YearOpenForCommitmentGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "yearOpenForCommitment";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var end = await db.AdjustmentPeriodEndAsync(proposal.UnitCode, proposal.FiscalYear, context.Now, ct);
        return LifecycleData.Outcome(FiscalYearClose.CheckCommitment(proposal.FiscalYear, context.Now, end?.Value, end?.Basis), isConflict: true);
    }
}
