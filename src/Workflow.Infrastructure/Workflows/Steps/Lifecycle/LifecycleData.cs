using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>What the lifecycle guards and effects read: subjects, balances and positions, all in the firing's unit of work.</summary>
public static class LifecycleData
{
    /// <summary>Proposal states whose money is spoken for but not yet committed (RULES.md 9).</summary>
    public static readonly string[] PendingProposalStates = ["Submitted", "UnderAppraisal", "Appraised"];

    /// <summary>Disbursement states that count against the approved amount: requested, approved, paid.</summary>
    public static readonly string[] LiveDisbursementStates = ["Requested", "Approved", "Paid"];

    public static async Task<Proposal> ProposalAsync(this WorkflowDbContext db, TransitionContext context, CancellationToken ct) =>
        context.Instance.SubjectType switch
        {
            "Proposal" => await db.Proposals.SingleAsync(p => p.Id == context.Instance.SubjectId, ct),
            "Disbursement" => await db.Proposals.SingleAsync(p => p.Id == db.Disbursements.Where(d => d.Id == context.Instance.SubjectId).Select(d => d.ProposalId).Single(), ct),
            "Settlement" => await db.Proposals.SingleAsync(p => p.Id == db.Settlements.Where(s => s.Id == context.Instance.SubjectId).Select(s => s.ProposalId).Single(), ct),
            var other => throw new InvalidOperationException($"No proposal behind a {other}."),
        };

    public static Task<Disbursement> DisbursementAsync(this WorkflowDbContext db, TransitionContext context, CancellationToken ct) =>
        db.Disbursements.SingleAsync(d => d.Id == context.Instance.SubjectId, ct);

    public static Task<Settlement> SettlementAsync(this WorkflowDbContext db, TransitionContext context, CancellationToken ct) =>
        db.Settlements.SingleAsync(s => s.Id == context.Instance.SubjectId, ct);

    /// <summary>The line's four balances, tracked: changing them makes their revision the firing's concurrency check.</summary>
    public static async Task<Dictionary<FundingSource, BudgetBalance>> BalancesAsync(this WorkflowDbContext db, Guid planLineId, CancellationToken ct) =>
        await db.Balances.Where(b => b.PlanLineId == planLineId).ToDictionaryAsync(b => b.Source, ct);

    /// <summary>A proposal's disbursements in the given states (by their workflow state), optionally leaving one out.</summary>
    public static async Task<List<Disbursement>> DisbursementsAsync(this WorkflowDbContext db, Guid proposalId, string[] states, Guid? except, CancellationToken ct) =>
        await (from d in db.Disbursements
               join i in db.WorkflowInstances on d.InstanceId equals i.Id
               where d.ProposalId == proposalId && states.Contains(i.State) && d.Id != except
               select d).ToListAsync(ct);

    /// <summary>What a proposal holds committed on its line per source: its commits less its releases.</summary>
    public static async Task<Dictionary<FundingSource, long>> CommittedByAsync(this WorkflowDbContext db, Guid proposalId, CancellationToken ct)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.ProposalId == proposalId && (e.Kind == LedgerEntryKind.Commit || e.Kind == LedgerEntryKind.Release))
            .Select(e => new { e.Source, e.Kind, e.Amount }).ToListAsync(ct);
        return FundingSources.Budget.ToDictionary(s => s, s => entries.Where(e => e.Source == s).Sum(e => e.Kind == LedgerEntryKind.Commit ? e.Amount : -e.Amount));
    }

    public static LedgerReference Reference(TransitionContext context, string note, Guid? proposalId = null, Guid? disbursementId = null, Guid? settlementId = null) =>
        new(context.Now, context.Actor.UserName, note, proposalId, disbursementId, settlementId, context.Instance.Id, context.Sequence);

    /// <summary>Guards and effects of this family take no arguments.</summary>
    public static IEnumerable<Violation> NoArguments(System.Text.Json.JsonElement args) =>
        args.ValueKind == System.Text.Json.JsonValueKind.Object && !args.EnumerateObject().Any() ? [] : [new Violation("", "takes no arguments")];
}
