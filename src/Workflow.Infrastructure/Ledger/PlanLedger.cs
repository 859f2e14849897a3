using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Ledger;

/// <summary>Keeps each plan line's balances equal to its allocation: an import allocates, a revision allocates the difference.</summary>
public sealed class PlanLedger(WorkflowDbContext db)
{
    /// <summary>
    /// What a revision may not cut a line's file amount below, per (component, source): the money committed on it,
    /// less what a carryover brought in (that money stays allocated whatever the file says).
    /// </summary>
    public async Task<Dictionary<(string Component, FundingSource Source), long>> CommittedAsync(Guid planId, CancellationToken ct)
    {
        var balances = await db.Balances.AsNoTracking().Where(b => b.PlanId == planId && b.Committed > 0).ToListAsync(ct);
        var carried = await CarriedAsync(planId, ct);
        return balances.ToDictionary(b => (b.Component, b.Source),
            b => Math.Max(0, b.Committed - (carried.FirstOrDefault(c => c.PlanLineId == b.PlanLineId && c.Source == b.Source)?.Net ?? 0)));
    }

    private sealed record Carried(Guid PlanLineId, FundingSource Source, long Net);

    private async Task<List<Carried>> CarriedAsync(Guid planId, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking()
            .Where(e => e.PlanId == planId && (e.Kind == LedgerEntryKind.CarryIn || e.Kind == LedgerEntryKind.CarryOut))
            .GroupBy(e => new { e.PlanLineId, e.Source })
            .Select(g => new Carried(g.Key.PlanLineId, g.Key.Source, g.Sum(e => e.Kind == LedgerEntryKind.CarryIn ? e.Amount : -e.Amount)))
            .ToListAsync(ct);

    public async Task SyncAsync(Plan plan, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var balances = await db.Balances.Where(b => b.PlanId == plan.Id).ToListAsync(ct);
        // a carryover moved money into or out of a line after the plan allocated it; a revision keeps that move
        var carried = await CarriedAsync(plan.Id, ct);
        long CarriedNet(Guid line, FundingSource source) => carried.FirstOrDefault(c => c.PlanLineId == line && c.Source == source)?.Net ?? 0;
        var reference = new LedgerReference(now, actor, plan.Version == 1 ? $"Giao kế hoạch vốn phiên bản 1" : $"Điều chỉnh kế hoạch vốn, phiên bản {plan.Version}");
        foreach (var line in plan.Lines)
            foreach (var source in FundingSources.Budget)
            {
                var balance = balances.FirstOrDefault(b => b.PlanLineId == line.Id && b.Source == source);
                if (balance is null)
                {
                    balance = new BudgetBalance(plan.Id, line.Id, line.ComponentCode, source);
                    db.Balances.Add(balance);
                    balances.Add(balance);
                }
                Allocate(balance, checked(line.Amount(source) + CarriedNet(line.Id, source)), reference);
            }

        // a line dropped by a revision keeps its history; its allocation goes to zero
        foreach (var orphan in balances.Where(b => plan.Lines.All(l => l.Id != b.PlanLineId)))
            Allocate(orphan, CarriedNet(orphan.PlanLineId, orphan.Source), reference);
    }

    private void Allocate(BudgetBalance balance, long target, LedgerReference reference)
    {
        var delta = target - balance.Allocated;
        if (delta != 0) db.LedgerEntries.Add(balance.Apply(LedgerEntryKind.Allocate, delta, reference));
    }
}
