using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;
using Workflow.Domain.Policies;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>advanceCap</c>: adapter of <see cref="AdvanceCap"/> (RULES.md 14). The threshold and rate come from the province's
/// policy: the one in force when the disbursement is requested, which the disbursement records, and that recorded
/// version at approval. The definition's arguments (e.g. <c>{"contractAbove": 50000000, "maxRate": 0.5}</c>) are only
/// the fallback for a province without a policy; without them either, the national values apply.
/// </summary>
public sealed class AdvanceCapGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "advanceCap";

    public IEnumerable<Violation> ValidateArgs(JsonElement args)
    {
        if (args.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null) && !(args.ValueKind == JsonValueKind.Object && !args.EnumerateObject().Any())
            && PolicyOf(args) is null)
            yield return new("", "advanceCap needs contractAbove (đồng) and maxRate (0–1), e.g. {\"contractAbove\": 50000000, \"maxRate\": 0.5}");
    }

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        ProvincePolicy? version;
        if (context.Transition.To == DisbursementProcess.Requested || disbursement.PolicyVersionId is null)
        {
            version = await db.PolicyInForceAsync(proposal.UnitCode, proposal.FiscalYear, context.Now, ct);
            if (context.Transition.To == DisbursementProcess.Requested) disbursement.RecordPolicyVersion(version?.Id);
        }
        else
            version = await db.PolicyVersionAsync(disbursement.PolicyVersionId, ct);
        if (disbursement.Kind != DisbursementKind.Advance) return GuardOutcome.Pass;
        var policy = version?.Values.Advance ?? PolicyOf(args) ?? AdvanceCapPolicy.National;
        var others = await db.PositionAsync(proposal.Id, DisbursementProcess.Live, disbursement.Id, ct);
        return LifecycleData.Outcome(AdvanceCap.Check(disbursement.Kind, disbursement.Total, others.Advances.Total,
            disbursement.ContractValue ?? proposal.ContractValue, policy), isConflict: true);
    }

    private static AdvanceCapPolicy? PolicyOf(JsonElement args) =>
        args.ValueKind == JsonValueKind.Object
        && args.TryGetProperty("contractAbove", out var above) && above.TryGetInt64(out var a) && a >= 0
        && args.TryGetProperty("maxRate", out var rate) && rate.TryGetDecimal(out var r) && r is > 0 and <= 1
            ? new AdvanceCapPolicy(a, r) : null;
}
