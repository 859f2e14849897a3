using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Audit;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Audit;

/// <summary>
/// Takes a <see cref="JournalCheckpoint"/>: verifies everything, then lists each instance's last journal entry and
/// each balance row's last ledger entry — as the chains hold them, not as the rows claim — grouped by the plan behind
/// them, and signs the lot with the journal key.
/// </summary>
public sealed class CheckpointTaker(WorkflowDbContext db, JournalAuditor auditor, JournalKeyRing keys, TimeProvider clock)
{
    public async Task<(JournalCheckpoint Checkpoint, AuditReport Report)> TakeAsync(CancellationToken ct)
    {
        var outcome = await auditor.VerifyAsync(true, null, null, ct);

        var instanceHeads = await (
            from e in db.Journal.AsNoTracking()
            where e.Sequence == db.Journal.Where(x => x.InstanceId == e.InstanceId).Max(x => x.Sequence)
            select new { e.InstanceId, e.SubjectType, e.SubjectId, e.Sequence, e.Hash }).ToListAsync(ct);
        var balanceHeads = await (
            from e in db.LedgerEntries.AsNoTracking()
            where e.Sequence == db.LedgerEntries.Where(x => x.PlanLineId == e.PlanLineId && x.Source == e.Source).Max(x => x.Sequence)
            select new { e.PlanId, e.PlanLineId, e.Source, e.Sequence, e.Hash }).ToListAsync(ct);

        var proposalPlans = await db.Proposals.AsNoTracking().Select(p => new { p.Id, p.PlanId }).ToDictionaryAsync(p => p.Id, p => p.PlanId, ct);
        var disbursementProposals = await db.Disbursements.AsNoTracking().Select(d => new { d.Id, d.ProposalId }).ToDictionaryAsync(d => d.Id, d => d.ProposalId, ct);
        var settlementProposals = await db.Settlements.AsNoTracking().Select(s => new { s.Id, s.ProposalId }).ToDictionaryAsync(s => s.Id, s => s.ProposalId, ct);
        Guid? PlanOf(string subjectType, Guid subjectId)
        {
            Guid? proposal = subjectType switch
            {
                ProposalProcess.SubjectType => subjectId,
                DisbursementProcess.SubjectType when disbursementProposals.TryGetValue(subjectId, out var p) => p,
                SettlementProcess.SubjectType when settlementProposals.TryGetValue(subjectId, out var p) => p,
                _ => null,
            };
            return proposal is { } id && proposalPlans.TryGetValue(id, out var plan) ? plan : null;
        }

        var instancesByPlan = instanceHeads.ToLookup(h => PlanOf(h.SubjectType, h.SubjectId), h => new InstanceHead(h.InstanceId, h.Sequence, h.Hash));
        var balancesByPlan = balanceHeads.ToLookup(h => (Guid?)h.PlanId, h => new BalanceHead(h.PlanLineId, h.Source, h.Sequence, h.Hash));
        var plans = instancesByPlan.Select(g => g.Key).Union(balancesByPlan.Select(g => g.Key))
            .Select(plan => PlanHeads.Of(plan, instancesByPlan[plan], balancesByPlan[plan]));
        return (JournalCheckpoint.Create(clock.GetUtcNow(), outcome.Report.Intact, plans, keys.Current), outcome.Report);
    }
}
