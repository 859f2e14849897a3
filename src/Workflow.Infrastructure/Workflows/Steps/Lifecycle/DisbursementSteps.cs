using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>withinApproved</c> (RULES.md 12): per source, the advances and the payments requested so far, this one
/// included, each stay within the proposal's approved amount — so the cash paid out, max(advances, payments), does too.
/// </summary>
public sealed class WithinApprovedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "withinApproved";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var others = await db.DisbursementsAsync(proposal.Id, LifecycleData.LiveDisbursementStates, disbursement.Id, ct);
        var violations = new List<Violation>();
        foreach (var source in FundingSources.Budget)
        {
            var position = DisbursementPosition.Of(others, source).With(disbursement.Kind, disbursement.Amount(source));
            var sum = disbursement.Kind == DisbursementKind.Advance ? position.Advances : position.Payments;
            var approved = proposal.Amount(source);
            if (sum > approved)
                violations.Add(new($"split.{source}", $"Quy tắc 12: cộng dồn {(disbursement.Kind == DisbursementKind.Advance ? "tạm ứng" : "thanh toán")} {FundingSources.NameOf(source)} là {Vnd.Format(sum)}, vượt số được duyệt {Vnd.Format(approved)} (thừa {Vnd.Format(sum - approved)})."));
        }
        return violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations, IsConflict: true);
    }
}

/// <summary><c>advanceCap</c> (RULES.md 14, TT 17/2024/TT-BTC): on a contract above the threshold, advances total at most the rate of its value.</summary>
public sealed class AdvanceCapGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "advanceCap";

    public IEnumerable<Violation> ValidateArgs(JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Object
            || !args.TryGetProperty("contractAbove", out var above) || !above.TryGetInt64(out var a) || a < 0
            || !args.TryGetProperty("maxRate", out var rate) || !rate.TryGetDecimal(out var r) || r is <= 0 or > 1)
            yield return new("", "advanceCap needs contractAbove (đồng) and maxRate (0–1), e.g. {\"contractAbove\": 50000000, \"maxRate\": 0.5}");
    }

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        if (disbursement.Kind != DisbursementKind.Advance) return GuardOutcome.Pass;
        var proposal = await db.ProposalAsync(context, ct);
        var contract = disbursement.ContractValue ?? proposal.ContractValue;
        var above = args.GetProperty("contractAbove").GetInt64();
        var rate = args.GetProperty("maxRate").GetDecimal();
        if (contract is not { } value || value <= above) return GuardOutcome.Pass;

        var others = await db.DisbursementsAsync(proposal.Id, LifecycleData.LiveDisbursementStates, disbursement.Id, ct);
        var advances = others.Where(d => d.Kind == DisbursementKind.Advance).Sum(d => d.Total) + disbursement.Total;
        var cap = (long)Math.Floor(rate * value);
        return advances <= cap ? GuardOutcome.Pass : GuardOutcome.Conflict("amount",
            $"Quy tắc 14 (TT 17/2024/TT-BTC): hợp đồng {Vnd.Format(value)} trên {Vnd.Format(above)} được tạm ứng tối đa {rate * 100:0.##} % = {Vnd.Format(cap)}; cộng dồn tạm ứng sẽ là {Vnd.Format(advances)} (vượt {Vnd.Format(advances - cap)}).");
    }
}

/// <summary>
/// <c>yearOpen</c> (RULES.md 19): a plan year takes disbursements until 31 January of the next year (chỉnh lý
/// quyết toán); after that only a line the finance office carried over (chuyển nguồn) does.
/// </summary>
public sealed class YearOpenGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "yearOpen";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var today = DateOnly.FromDateTime(context.Now.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        var lastDay = new DateOnly(proposal.FiscalYear + 1, 1, 31);
        if (today <= lastDay) return GuardOutcome.Pass;
        if (await db.Carryovers.AnyAsync(c => c.FromPlanLineId == proposal.PlanLineId, ct)) return GuardOutcome.Pass;
        return GuardOutcome.Conflict("fiscalYear",
            $"Quy tắc 19: năm ngân sách {proposal.FiscalYear} đã khóa sổ từ {lastDay.AddDays(1):dd/MM/yyyy}; không giải ngân thêm trừ khi phòng Tài chính - Kế hoạch chuyển nguồn dòng {proposal.Component} sang năm {proposal.FiscalYear + 1}.");
    }
}

/// <summary>
/// <c>disburse</c> (RULES.md 15–16): on the treasury's confirmation, records its reference and date and adds the
/// cash this disbursement releases to the line's disbursed balance (a payment first clears outstanding advances).
/// </summary>
public sealed class DisburseEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "disburse";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var disbursement = await db.DisbursementAsync(context, ct);
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.DisbursementsAsync(proposal.Id, ["Paid"], disbursement.Id, ct);
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var reference = LifecycleData.Reference(context,
            $"{(disbursement.Kind == DisbursementKind.Advance ? "Tạm ứng" : "Thanh toán")} {disbursement.Code}, chứng từ kho bạc {context.Data.GetProperty("treasuryReference").GetString()}",
            proposal.Id, disbursement.Id);

        var cash = new Dictionary<FundingSource, long>();
        foreach (var source in FundingSources.Budget)
        {
            var before = DisbursementPosition.Of(paid, source);
            cash[source] = before.With(disbursement.Kind, disbursement.Amount(source)).Cash - before.Cash;
            if (cash[source] > 0) db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Disburse, cash[source], reference));
        }
        disbursement.ConfirmPaid(context.Data.GetProperty("treasuryReference").GetString()!.Trim(),
            DateOnly.ParseExact(context.Data.GetProperty("paidOn").GetString()!, "yyyy-MM-dd"), cash, context.Now);
    }
}

/// <summary>
/// <c>lockProposal</c>: every transition that moves or checks a proposal's money position marks the proposal, so
/// concurrent requests, approvals, payments and settlements on one proposal are decided one at a time (409 for the rest).
/// </summary>
public sealed class LockProposalEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "lockProposal";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct) =>
        (await db.ProposalAsync(context, ct)).MarkMoneyMoved(context.Now);
}

/// <summary><c>proposalApproved</c>: money is asked for, approved and paid only while the proposal is approved and not yet in settlement.</summary>
public sealed class ProposalApprovedGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "proposalApproved";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var state = await db.WorkflowInstances.Where(i => i.Id == proposal.InstanceId).Select(i => i.State).SingleAsync(ct);
        return state == "Approved" ? GuardOutcome.Pass : GuardOutcome.Conflict("proposal",
            $"Đề xuất {proposal.Code} không còn ở trạng thái Đã phê duyệt (hiện tại: {state}); không giải ngân thêm.");
    }
}

/// <summary><c>noDisbursementInProgress</c>: a proposal is settled only when no disbursement is waiting for approval or payment.</summary>
public sealed class NoDisbursementInProgressGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "noDisbursementInProgress";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var waiting = await db.DisbursementsAsync(proposal.Id, ["Requested", "Approved"], null, ct);
        return waiting.Count == 0 ? GuardOutcome.Pass : GuardOutcome.Conflict("disbursements",
            $"Còn {waiting.Count} đề nghị giải ngân đang chờ duyệt hoặc thanh toán ({string.Join(", ", waiting.Select(d => d.Code))}); xử lý xong trước khi quyết toán.");
    }
}
