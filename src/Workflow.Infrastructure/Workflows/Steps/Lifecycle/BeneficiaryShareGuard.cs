using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Proposals.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>beneficiaryShare</c>: adapter of <see cref="BeneficiaryShare"/> (RULES.md 11) with the province's policy in force at submission for the plan's year, recorded on the proposal.</summary>
public sealed class BeneficiaryShareGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "beneficiaryShare";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var (policy, version) = await db.SupportPolicyInForceAsync(proposal.UnitCode, proposal.FiscalYear, context.Now, ct);
        proposal.RecordPolicyVersion(version?.Id);
        return LifecycleData.Outcome(BeneficiaryShare.Check(proposal.Kind, proposal.Beneficiaries, policy));
    }
}
