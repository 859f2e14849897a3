using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>splitMatchesLine</c> (RULES.md 8): the support's split still follows the plan line's ratio, which a revision may have changed.</summary>
public sealed class SplitMatchesLineGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "splitMatchesLine";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var line = await db.PlanLines.AsNoTracking().SingleAsync(l => l.Id == proposal.PlanLineId, ct);
        var byRatio = ProposalRules.SplitByLine(proposal.StateSupport, line.Amount);
        var violations = proposal.SplitByHand
            ? ProposalRules.CheckHandSplit(proposal.StateSupport, proposal.Split, byRatio).ToList()
            : FundingSources.Budget.Where(s => byRatio[s] != proposal.Amount(s))
                .Select(s => new Violation($"split.{s}", $"Quy tắc 8: tỷ lệ của dòng kế hoạch {proposal.Component} đã thay đổi; {FundingSources.NameOf(s)} theo tỷ lệ mới là {Vnd.Format(byRatio[s])}, đề xuất ghi {Vnd.Format(proposal.Amount(s))}. Hãy lưu lại đề xuất để chia lại."))
                .ToList();
        return violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations);
    }
}

/// <summary>
/// <c>withinLineRemaining</c> (RULES.md 9): per source, what is committed on the line plus the other proposals
/// awaiting decision plus this one stays within the allocation. Checked again, atomically, when funds are committed.
/// </summary>
public sealed class WithinLineRemainingGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "withinLineRemaining";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var balances = await db.Balances.AsNoTracking().Where(b => b.PlanLineId == proposal.PlanLineId).ToDictionaryAsync(b => b.Source, ct);
        var pending = await (from p in db.Proposals
                             join i in db.WorkflowInstances on p.InstanceId equals i.Id
                             where p.PlanLineId == proposal.PlanLineId && p.Id != proposal.Id && LifecycleData.PendingProposalStates.Contains(i.State)
                             select new { p.Central, p.Provincial, p.District, p.Commune }).ToListAsync(ct);
        var violations = new List<Violation>();
        foreach (var source in FundingSources.Budget)
        {
            var asked = proposal.Amount(source);
            if (asked == 0) continue;
            var waiting = pending.Sum(p => source switch
            {
                FundingSource.Central => p.Central, FundingSource.Provincial => p.Provincial, FundingSource.District => p.District, _ => p.Commune,
            });
            var balance = balances[source];
            var available = balance.Allocated - balance.Committed - waiting;
            if (asked > available)
                violations.Add(new($"split.{source}", $"Quy tắc 9: {FundingSources.NameOf(source)} của dòng {proposal.Component} còn {Vnd.Format(Math.Max(0, available))} " +
                    $"(giao {Vnd.Format(balance.Allocated)}, đã cam kết {Vnd.Format(balance.Committed)}, đề xuất khác đang chờ {Vnd.Format(waiting)}); đề xuất cần {Vnd.Format(asked)}, thiếu {Vnd.Format(asked - Math.Max(0, available))}."));
        }
        return violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations, IsConflict: true);
    }
}

/// <summary><c>supportCap</c> (RULES.md 10): state support within the province's caps for the kind and area.</summary>
public sealed class SupportCapGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "supportCap";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var policy = await db.SupportPolicyForAsync(proposal.UnitCode, proposal.FiscalYear, ct);
        var violations = ProposalRules.CheckSupportCap(proposal.Kind, proposal.AreaType, proposal.TotalCost, proposal.StateSupport, policy).ToList();
        return violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations);
    }
}

/// <summary><c>beneficiaryShare</c> (RULES.md 11): at least the province's minimum share of participants are program beneficiaries.</summary>
public sealed class BeneficiaryShareGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "beneficiaryShare";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var policy = await db.SupportPolicyForAsync(proposal.UnitCode, proposal.FiscalYear, ct);
        var violations = ProposalRules.CheckBeneficiaryShare(proposal.Kind, proposal.Beneficiaries, policy).ToList();
        return violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations);
    }
}

/// <summary><c>recordDecision</c>: keeps the approval decision's number and date on the proposal.</summary>
public sealed class RecordDecisionEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "recordDecision";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        proposal.RecordDecision(context.Data.GetProperty("decisionNumber").GetString()!.Trim(),
            DateOnly.ParseExact(context.Data.GetProperty("decisionDate").GetString()!, "yyyy-MM-dd"), context.Now);
    }
}

/// <summary>
/// <c>commitFunds</c> (RULES.md 9): reserves the approved amounts on the line's balances. If any source lacks the
/// money the approval fails whole with the source and the shortfall; two approvals racing for the last đồng are
/// decided by the balances' concurrency token.
/// </summary>
public sealed class CommitFundsEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "commitFunds";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var shortfalls = FundingSources.Budget
            .Where(s => proposal.Amount(s) > balances[s].Uncommitted)
            .Select(s => new Violation($"split.{s}", $"{FundingSources.NameOf(s)} của dòng {proposal.Component} chỉ còn {Vnd.Format(balances[s].Uncommitted)} chưa cam kết; phê duyệt cần {Vnd.Format(proposal.Amount(s))}, thiếu {Vnd.Format(proposal.Amount(s) - balances[s].Uncommitted)}."))
            .ToList();
        if (shortfalls.Count > 0)
            throw new ConflictException("Không đủ kế hoạch vốn để phê duyệt: " + string.Join(" ", shortfalls.Select(v => v.Message)), "ledger.insufficient") { Violations = shortfalls };

        var reference = LifecycleData.Reference(context, $"Cam kết chi theo quyết định phê duyệt {proposal.DecisionNumber} ({proposal.Code})", proposal.Id);
        foreach (var source in FundingSources.Budget.Where(s => proposal.Amount(s) > 0))
            db.LedgerEntries.Add(balances[source].Apply(LedgerEntryKind.Commit, proposal.Amount(source), reference));
    }
}

public static class SupportPolicies
{
    /// <summary>The caps in force for a unit's province in a fiscal year; the national ones when the province recorded none.</summary>
    public static async Task<SupportPolicy> SupportPolicyForAsync(this WorkflowDbContext db, string unitCode, int fiscalYear, CancellationToken ct)
    {
        var province = await ProvinceOfAsync(db, unitCode, ct);
        var record = await db.SupportPolicies.AsNoTracking()
            .Where(p => p.ProvinceCode == province && p.FromFiscalYear <= fiscalYear)
            .OrderByDescending(p => p.FromFiscalYear).FirstOrDefaultAsync(ct);
        return record?.Policy ?? SupportPolicy.National;
    }

    private static async Task<string> ProvinceOfAsync(WorkflowDbContext db, string unitCode, CancellationToken ct)
    {
        var code = unitCode;
        for (var depth = 0; depth < 4; depth++)
        {
            var unit = await db.AdminUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null || unit.Level == AdminLevel.Province || unit.ParentCode is null) return code;
            code = unit.ParentCode;
        }
        return code;
    }
}
