using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>actualWithinDisbursed</c> (RULES.md 17): per source, the actual cost settled is no more than the cash paid out.</summary>
public sealed class ActualWithinDisbursedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "actualWithinDisbursed";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var settlement = await db.SettlementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.DisbursementsAsync(proposal.Id, ["Paid"], null, ct);
        var violations = FundingSources.Budget
            .Select(s => (Source: s, Actual: settlement.Actual(s), Cash: DisbursementPosition.Of(paid, s).Cash))
            .Where(x => x.Actual > x.Cash)
            .Select(x => new Violation($"actualCost.{x.Source}", $"Quy tắc 17: chi phí thực tế {FundingSources.NameOf(x.Source)} {Vnd.Format(x.Actual)} vượt số đã giải ngân {Vnd.Format(x.Cash)}."))
            .ToList();
        return violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations, IsConflict: true);
    }
}

/// <summary><c>noAdvanceOutstanding</c> (RULES.md 15): every advance is cleared by payments before the proposal is settled.</summary>
public sealed class NoAdvanceOutstandingGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "noAdvanceOutstanding";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.DisbursementsAsync(proposal.Id, ["Paid"], null, ct);
        var outstanding = FundingSources.Budget.Sum(s => DisbursementPosition.Of(paid, s).AdvanceOutstanding);
        return outstanding == 0 ? GuardOutcome.Pass : GuardOutcome.Conflict("advances",
            $"Quy tắc 15: còn {Vnd.Format(outstanding)} tạm ứng chưa thanh toán (hoàn ứng); cần đề nghị thanh toán để thu hồi tạm ứng trước khi quyết toán.");
    }
}

/// <summary>
/// <c>settleProposal</c> (RULES.md 17): books the actual cost as settled, releases the commitment nobody will spend
/// back to the plan line, records any refund due (paid beyond actual), and moves the proposal to Settled — all in
/// this firing's transaction.
/// </summary>
public sealed class SettleProposalEffect(WorkflowDbContext db, IServiceProvider services) : IWorkflowEffect
{
    public string Name => "settleProposal";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var settlement = await db.SettlementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.DisbursementsAsync(proposal.Id, ["Paid"], null, ct);
        var committed = await db.CommittedByAsync(proposal.Id, ct);
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var reference = LifecycleData.Reference(context, $"Quyết toán {proposal.Code}", proposal.Id, settlementId: settlement.Id);

        var refundDue = new Dictionary<FundingSource, long>();
        foreach (var source in FundingSources.Budget)
        {
            var cash = DisbursementPosition.Of(paid, source).Cash;
            var actual = settlement.Actual(source);
            // until a refund comes back, the cash paid stays committed: the balance never shows more paid than committed
            var release = committed[source] - Math.Max(actual, cash);
            if (release > 0) db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Release, release, reference));
            if (actual > 0) db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Settle, actual, reference));
            refundDue[source] = Math.Max(0, cash - actual);
        }
        settlement.RecordRefundDue(refundDue, context.Now);

        var runtime = services.GetRequiredService<IWorkflowRuntime>();
        await runtime.FireWithoutSavingAsync(proposal.InstanceId, "settle", Actor.System, $"Quyết toán được phê duyệt: chi phí thực tế {Vnd.Format(settlement.ActualTotal)}.", null, ct);
    }
}

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
        foreach (var source in FundingSources.Budget.Where(s => settlement.RefundDue(s) > 0))
        {
            db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Refund, settlement.RefundDue(source), reference));
            db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Release, settlement.RefundDue(source), reference));
        }
    }
}

/// <summary><c>settlementOpened</c>: a proposal goes into settlement only together with its settlement record.</summary>
public sealed class SettlementOpenedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "settlementOpened";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var opened = db.Settlements.Local.Any(s => s.ProposalId == context.Instance.SubjectId)
                     || db.Settlements.Any(s => s.ProposalId == context.Instance.SubjectId);
        return Task.FromResult(opened ? GuardOutcome.Pass
            : GuardOutcome.Conflict("settlement", "Mở quyết toán bằng cách lập hồ sơ quyết toán: POST /api/proposals/{id}/settlement."));
    }
}
