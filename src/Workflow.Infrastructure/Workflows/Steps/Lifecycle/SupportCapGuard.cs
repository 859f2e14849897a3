using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Proposals.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>supportCap</c>: adapter of <see cref="SupportCap"/> (RULES.md 10) with the province's policy in force at submission
/// for the plan's year; the proposal records that version (it runs on <c>submit</c>).
/// </summary>
public sealed class SupportCapGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "supportCap";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var (policy, version) = await db.SupportPolicyInForceAsync(proposal.UnitCode, proposal.FiscalYear, context.Now, ct);
        proposal.RecordPolicyVersion(version?.Id);
        return LifecycleData.Outcome(SupportCap.Check(proposal.Kind, proposal.AreaType, proposal.TotalCost, proposal.StateSupport, policy));
    }
}
