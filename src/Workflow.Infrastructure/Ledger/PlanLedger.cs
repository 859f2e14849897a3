using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Ledger;

/// <summary>Keeps each plan line's balances equal to its allocation: an import allocates, a revision allocates the difference.</summary>
public sealed class PlanLedger(WorkflowDbContext db)
{
    /// <summary>Committed money per (component, source) of a plan: what a revision may not cut below.</summary>
    public async Task<Dictionary<(string Component, FundingSource Source), long>> CommittedAsync(Guid planId, CancellationToken ct) =>
        await db.Balances.AsNoTracking().Where(b => b.PlanId == planId && b.Committed > 0)
            .ToDictionaryAsync(b => (b.Component, b.Source), b => b.Committed, ct);

    public async Task SyncAsync(Plan plan, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var balances = await db.Balances.Where(b => b.PlanId == plan.Id).ToListAsync(ct);
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
                Allocate(balance, line.Amount(source), reference);
            }

        // a line dropped by a revision keeps its history; its allocation goes to zero
        foreach (var orphan in balances.Where(b => plan.Lines.All(l => l.Id != b.PlanLineId)))
            Allocate(orphan, 0, reference);
    }

    private void Allocate(BudgetBalance balance, long target, LedgerReference reference)
    {
        var delta = target - balance.Allocated;
        if (delta != 0) db.LedgerEntries.Add(balance.Apply(LedgerEntryKind.Allocate, delta, reference));
    }
}
