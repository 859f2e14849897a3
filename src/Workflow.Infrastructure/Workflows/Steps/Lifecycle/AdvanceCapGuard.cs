using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>advanceCap</c>: adapter of <see cref="AdvanceCap"/> (RULES.md 14); the threshold and rate come from the
/// definition's arguments, e.g. <c>{"contractAbove": 50000000, "maxRate": 0.5}</c>.
/// </summary>
public sealed class AdvanceCapGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "advanceCap";

    public IEnumerable<Violation> ValidateArgs(JsonElement args)
    {
        if (PolicyOf(args) is null)
            yield return new("", "advanceCap needs contractAbove (đồng) and maxRate (0–1), e.g. {\"contractAbove\": 50000000, \"maxRate\": 0.5}");
    }

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        if (disbursement.Kind != DisbursementKind.Advance) return GuardOutcome.Pass;
        var proposal = await db.ProposalAsync(context, ct);
        var others = await db.PositionAsync(proposal.Id, DisbursementProcess.Live, disbursement.Id, ct);
        return LifecycleData.Outcome(AdvanceCap.Check(disbursement.Kind, disbursement.Total, others.Advances.Total,
            disbursement.ContractValue ?? proposal.ContractValue, PolicyOf(args)!), isConflict: true);
    }

    private static AdvanceCapPolicy? PolicyOf(JsonElement args) =>
        args.ValueKind == JsonValueKind.Object
        && args.TryGetProperty("contractAbove", out var above) && above.TryGetInt64(out var a) && a >= 0
        && args.TryGetProperty("maxRate", out var rate) && rate.TryGetDecimal(out var r) && r is > 0 and <= 1
            ? new AdvanceCapPolicy(a, r) : null;
}
