using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Disbursements.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>withinApproved</c>: adapter of <see cref="WithinApproved"/> (RULES.md 12) over the proposal's other live disbursements.</summary>
public sealed class WithinApprovedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "withinApproved";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var others = await db.PositionAsync(proposal.Id, DisbursementProcess.Live, disbursement.Id, ct);
        return LifecycleData.Outcome(WithinApproved.Check(disbursement.Kind, disbursement.Amounts, others, proposal.Split), isConflict: true);
    }
}
