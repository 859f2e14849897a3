using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>aboveApproverThreshold</c>: adapter of <see cref="ApproverThreshold"/>, passes when the disbursement's amount is
/// above the province's <c>approverAlsoAbove</c>. The threshold is that of the policy version the disbursement was
/// requested under (recorded by <c>advanceCap</c>), so a new version applies to new requests; a disbursement requested
/// while its province had no policy reads the one in force. It only reads, so it may decide a transition's <c>when</c>.
/// </summary>
public sealed class AboveApproverThresholdGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "aboveApproverThreshold";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var version = disbursement.PolicyVersionId is { } recorded
            ? await db.PolicyVersionAsync(recorded, ct)
            : await db.PolicyInForceAsync(proposal.UnitCode, proposal.FiscalYear, context.Now, ct);
        var threshold = version?.Values.ApproverAlsoAbove;
        return LifecycleData.Outcome(ApproverThreshold.CheckApplies(disbursement.Total, threshold?.Value, threshold?.Cited), isConflict: true);
    }
}
