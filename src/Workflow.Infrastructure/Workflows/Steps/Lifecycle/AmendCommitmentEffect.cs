using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>amendCommitment</c>: an amending decision (điều chỉnh) on an approved proposal. Per source, what the proposal
/// holds committed moves to the amended amount: an increase is committed only if the line still has it uncommitted
/// (<see cref="WithinLineRemaining.CheckAtApproval"/>, RULES.md 9 — atomic on the balances' revision, as at approval),
/// a decrease is released to the line. The proposal records the new amounts and decision (<c>decisionNumber</c>,
/// <c>decisionDate</c>, checked by <c>requireData</c>).
/// </summary>
public sealed class AmendCommitmentEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "amendCommitment";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var (amended, byHand) = await db.SplitAsync(context, proposal, ct);
        var committed = await db.CommittedByAsync(proposal.Id, ct);
        var increase = (amended - committed).AtLeastZero();
        var decrease = (committed - amended).AtLeastZero();

        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var uncommitted = SourceAmounts.Of(s => balances.TryGetValue(s, out var b) ? b.Uncommitted : 0);
        var shortfalls = WithinLineRemaining.CheckAtApproval(proposal.Component, increase, uncommitted)
            .Select(v => Amendment.AtInput(v, byHand)).ToList();
        if (shortfalls.Count > 0)
            throw new ConflictException("Không đủ kế hoạch vốn để điều chỉnh tăng: " + string.Join(" ", shortfalls.Select(v => v.Message)), "ledger.insufficient") { Violations = shortfalls };

        var number = context.Data.GetProperty("decisionNumber").GetString()!.Trim();
        var reference = LifecycleData.Reference(context, $"Điều chỉnh cam kết chi theo quyết định {number} ({proposal.Code})", proposal.Id);
        db.Move(balances, LedgerEntryKind.Commit, increase, reference);
        db.Move(balances, LedgerEntryKind.Release, decrease, reference);
        proposal.Amend(amended, byHand, number, DateOnly.ParseExact(context.Data.GetProperty("decisionDate").GetString()!, "yyyy-MM-dd"), context.Now);
    }
}
