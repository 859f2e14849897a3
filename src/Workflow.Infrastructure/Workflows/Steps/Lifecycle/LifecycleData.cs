using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>What the lifecycle guards and effects read: subjects, balances and positions, all in the firing's unit of work.</summary>
public static class LifecycleData
{
    // Guards and effects of one firing ask for the same subject several times: Find answers from the unit of work's
    // identity map after the first load, so a firing reads each subject once.

    public static async Task<Proposal> ProposalAsync(this WorkflowDbContext db, TransitionContext context, CancellationToken ct)
    {
        var proposalId = context.Instance.SubjectType switch
        {
            ProposalProcess.SubjectType => context.Instance.SubjectId,
            DisbursementProcess.SubjectType => (await db.DisbursementAsync(context, ct)).ProposalId,
            SettlementProcess.SubjectType => (await db.SettlementAsync(context, ct)).ProposalId,
            var other => throw new InvalidOperationException($"No proposal behind a {other}."),
        };
        return await db.Proposals.FindAsync([proposalId], ct) ?? throw new InvalidOperationException($"Proposal {proposalId} is missing.");
    }

    public static async Task<Disbursement> DisbursementAsync(this WorkflowDbContext db, TransitionContext context, CancellationToken ct) =>
        await db.Disbursements.FindAsync([context.Instance.SubjectId], ct) ?? throw new InvalidOperationException($"Disbursement {context.Instance.SubjectId} is missing.");

    public static async Task<Settlement> SettlementAsync(this WorkflowDbContext db, TransitionContext context, CancellationToken ct) =>
        await db.Settlements.FindAsync([context.Instance.SubjectId], ct) ?? throw new InvalidOperationException($"Settlement {context.Instance.SubjectId} is missing.");

    /// <summary>The line's balances, tracked: changing them makes their revision the firing's concurrency check.</summary>
    public static async Task<Dictionary<FundingSource, BudgetBalance>> BalancesAsync(this WorkflowDbContext db, Guid planLineId, CancellationToken ct) =>
        await db.Balances.Where(b => b.PlanLineId == planLineId).ToDictionaryAsync(b => b.Source, ct);

    /// <summary>The line's allocated and committed money per source, read without tracking.</summary>
    public static async Task<(SourceAmounts Allocated, SourceAmounts Committed)> LinePositionAsync(this WorkflowDbContext db, Guid planLineId, CancellationToken ct)
    {
        var balances = await db.Balances.AsNoTracking().Where(b => b.PlanLineId == planLineId)
            .Select(b => new { b.Source, b.Allocated, b.Committed }).ToListAsync(ct);
        return (SourceAmounts.Of(s => balances.FirstOrDefault(b => b.Source == s)?.Allocated ?? 0),
                SourceAmounts.Of(s => balances.FirstOrDefault(b => b.Source == s)?.Committed ?? 0));
    }

    /// <summary>What the line's other proposals awaiting a decision ask for, per source (RULES.md 9), summed in SQL.</summary>
    public static async Task<SourceAmounts> PendingOnLineAsync(this WorkflowDbContext db, Guid planLineId, Guid? exceptProposalId, CancellationToken ct)
    {
        var pending = ProposalProcess.Pending.ToArray();
        var sums = await (from p in db.Proposals
                          join i in db.WorkflowInstances on p.InstanceId equals i.Id
                          where p.PlanLineId == planLineId && p.Id != exceptProposalId && pending.Contains(i.State)
                          group p by 1 into g
                          select new
                          {
                              Central = g.Sum(p => p.Split.Central), Provincial = g.Sum(p => p.Split.Provincial),
                              District = g.Sum(p => p.Split.District), Commune = g.Sum(p => p.Split.Commune),
                          }).SingleOrDefaultAsync(ct);
        return sums is null ? SourceAmounts.Zero : new SourceAmounts(sums.Central, sums.Provincial, sums.District, sums.Commune);
    }

    /// <summary>A proposal's disbursements in the given workflow states, optionally leaving one out.</summary>
    public static async Task<List<Disbursement>> DisbursementsAsync(this WorkflowDbContext db, Guid proposalId, IReadOnlyList<string> states, Guid? except, CancellationToken ct)
    {
        var wanted = states.ToArray();
        return await (from d in db.Disbursements
                      join i in db.WorkflowInstances on d.InstanceId equals i.Id
                      where d.ProposalId == proposalId && wanted.Contains(i.State) && d.Id != except
                      select d).ToListAsync(ct);
    }

    /// <summary>The position of a proposal's disbursements in the given states (RULES.md 15).</summary>
    public static async Task<DisbursementPosition> PositionAsync(this WorkflowDbContext db, Guid proposalId, IReadOnlyList<string> states, Guid? except, CancellationToken ct) =>
        DisbursementPosition.Of(await db.DisbursementsAsync(proposalId, states, except, ct));

    /// <summary>What a proposal holds committed on its line per source: its commits less its releases.</summary>
    public static async Task<SourceAmounts> CommittedByAsync(this WorkflowDbContext db, Guid proposalId, CancellationToken ct)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.ProposalId == proposalId && (e.Kind == LedgerEntryKind.Commit || e.Kind == LedgerEntryKind.Release))
            .Select(e => new { e.Source, e.Kind, e.Amount }).ToListAsync(ct);
        return SourceAmounts.Of(s => entries.Where(e => e.Source == s).Sum(e => e.Kind == LedgerEntryKind.Commit ? e.Amount : -e.Amount));
    }

    /// <summary>Moves each balance of the line by its source's amount, skipping zeros, and records the entries.</summary>
    public static void Move(this WorkflowDbContext db, IReadOnlyDictionary<FundingSource, BudgetBalance> balances, LedgerEntryKind kind, SourceAmounts amounts, LedgerReference reference)
    {
        foreach (var (source, amount) in amounts.Entries.Where(e => e.Amount > 0))
            db.LedgerEntries.Add(balances[source].Apply(kind, amount, reference));
    }

    public static LedgerReference Reference(TransitionContext context, string note, Guid? proposalId = null, Guid? disbursementId = null, Guid? settlementId = null) =>
        new(context.Now, context.Actor.UserName, note, proposalId, disbursementId, settlementId, context.Instance.Id, context.Sequence);

    /// <summary>Guards and effects of this family take no arguments.</summary>
    public static IEnumerable<Violation> NoArguments(JsonElement args) =>
        args.ValueKind == JsonValueKind.Object && !args.EnumerateObject().Any() ? [] : [new Violation("", "takes no arguments")];

    public static GuardOutcome Outcome(IEnumerable<Violation> violations, bool isConflict = false)
    {
        var list = violations.ToList();
        return list.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(list, isConflict);
    }
}
