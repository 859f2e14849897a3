using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Settlements.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>settleProposal</c>: adapter of <see cref="SettlementWithinDisbursed.Outcome"/> (RULES.md 17) — books the actual
/// cost as settled, releases the commitment nobody will spend, records the refund due, and asks the runtime to move
/// the proposal to Settled in this firing's transaction.
/// </summary>
public sealed class SettleProposalEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "settleProposal";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var settlement = await db.SettlementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.PositionAsync(proposal.Id, DisbursementProcess.Confirmed, null, ct);
        var committed = await db.CommittedByAsync(proposal.Id, ct);
        var outcome = SettlementWithinDisbursed.Outcome(committed, settlement.ActualCost, paid.Cash);

        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var reference = LifecycleData.Reference(context, $"Quyết toán {proposal.Code}", proposal.Id, settlementId: settlement.Id);
        db.Move(balances, LedgerEntryKind.Release, outcome.Release, reference);
        db.Move(balances, LedgerEntryKind.Settle, outcome.Settle, reference);
        settlement.RecordRefundDue(outcome.RefundDue, context.Now);
        context.Then(proposal.InstanceId, ProposalProcess.SettleAction, $"Quyết toán được phê duyệt: chi phí thực tế {Vnd.Format(settlement.ActualTotal)}.");
    }
}
