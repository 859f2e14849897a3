using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>amendmentCoversDisbursements</c>: an amending decision may not cut a proposal below what its disbursements —
/// paid, approved or requested — already take: <see cref="WithinApproved"/> (RULES.md 12) over the amended amounts,
/// for advances and for payments. Refusal: 409 at the amount entered (<see cref="Amendment.AtInput"/>) naming the rule and the figures.
/// </summary>
public sealed class AmendmentCoversDisbursementsGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "amendmentCoversDisbursements";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var (amended, byHand) = await db.SplitAsync(context, proposal, ct);
        var live = await db.PositionAsync(proposal.Id, DisbursementProcess.Live, null, ct);
        var violations = new[] { DisbursementKind.Advance, DisbursementKind.Payment }
            .SelectMany(kind => WithinApproved.Check(kind, Domain.Money.SourceAmounts.Zero, live, amended))
            .Select(v => Amendment.AtInput(v, byHand) with { Message = $"Không điều chỉnh giảm dưới số đã giải ngân hoặc đang đề nghị — {v.Message}" });
        return LifecycleData.Outcome(violations, isConflict: true);
    }
}
