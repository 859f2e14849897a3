using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Ledger;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>receiveRefund</c> (RULES.md 17): when the settlement is closed, the refund due has come back: it leaves the disbursed and committed balances.</summary>
public sealed class ReceiveRefundEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "receiveRefund";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var settlement = await db.SettlementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var reference = LifecycleData.Reference(context, $"Thu hồi, nộp trả ngân sách sau quyết toán {proposal.Code}", proposal.Id, settlementId: settlement.Id);
        foreach (var (source, due) in settlement.RefundDue.Entries.Where(e => e.Amount > 0))
        {
            db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Refund, due, reference));
            db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Release, due, reference));
        }
    }
}
