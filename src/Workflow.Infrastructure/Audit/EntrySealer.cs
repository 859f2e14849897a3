using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Audit;

/// <summary>
/// Seals every new journal and ledger entry with the journal key as the unit of work is saved — whoever wrote them
/// (the runtime, an opening position, a plan import, a carryover) — so the seal covers the state the transaction
/// commits: a journal entry attests its subject's fields after every effect of the firing, and the movements the
/// firing made. Ledger entries are sealed first, in the order they were applied to their balance row, which then
/// holds the new head.
/// </summary>
/// <remarks>
/// The subject is found with <c>Find</c>, which answers from the change tracker when a guard or effect of the firing
/// already loaded it (the usual case) and reads it by key otherwise: at most one primary-key read per journal entry,
/// and one HMAC per entry, its subject and its movements.
/// </remarks>
public sealed class EntrySealer(JournalKeyOptions options) : SaveChangesInterceptor
{
    // read at the first save, not when a unit of work is made: tools that only read (validate-workflows) need no key,
    // and nothing is ever saved unsealed — a save of entries without a key fails naming the setting
    private readonly Lazy<JournalKeyRing> _keys = new(options.KeyRing);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WorkflowDbContext db && Unsealed.In(db) is { } work)
            Seal(work, work.Journal.Select(e => (e.SubjectType, e.SubjectId)).Distinct()
                .ToDictionary(s => s, s => SubjectClass(s.SubjectType) is { } type ? db.Find(type, s.SubjectId) : null));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WorkflowDbContext db && Unsealed.In(db) is { } work)
        {
            var subjects = new Dictionary<(string, Guid), object?>();
            foreach (var (type, id) in work.Journal.Select(e => (e.SubjectType, e.SubjectId)).Distinct())
                subjects[(type, id)] = SubjectClass(type) is { } entityType ? await db.FindAsync(entityType, [id], cancellationToken) : null;
            Seal(work, subjects);
        }
        return result;
    }

    private void Seal(Unsealed work, IReadOnlyDictionary<(string, Guid), object?> subjects)
    {
        var key = _keys.Value.Current;
        foreach (var row in work.Ledger.GroupBy(e => (e.PlanLineId, e.Source)))
        {
            // an entry comes from BudgetBalance.Apply on a tracked row: a row missing here is a programming error
            var balance = work.Balances.GetValueOrDefault(row.Key)
                ?? throw new InvalidOperationException($"Ledger entries for line {row.Key.PlanLineId} {row.Key.Source} are saved without their balance row.");
            foreach (var entry in row.OrderBy(e => e.Sequence)) balance.Seal(entry, key);
        }

        var movements = work.Ledger.Where(e => e.InstanceId is not null).ToLookup(e => (e.InstanceId!.Value, e.JournalSequence ?? -1));
        foreach (var chain in work.Journal.GroupBy(e => e.InstanceId))
        {
            string? previous = null;
            foreach (var entry in chain.OrderBy(e => e.Sequence))
            {
                entry.Seal(key, previous ?? entry.PreviousHash, SubjectDigest.TextOf(entry.SubjectType, entry.SubjectId, subjects[(entry.SubjectType, entry.SubjectId)]),
                    LedgerMovements.TextOf(movements[(entry.InstanceId, entry.Sequence)]));
                previous = entry.Hash;
            }
        }
    }

    private static Type? SubjectClass(string subjectType) => subjectType switch
    {
        ProposalProcess.SubjectType => typeof(Proposal),
        DisbursementProcess.SubjectType => typeof(Disbursement),
        SettlementProcess.SubjectType => typeof(Settlement),
        _ => null,
    };

    /// <summary>What a save adds that needs a seal, read from one pass over the change tracker.</summary>
    private sealed record Unsealed(List<JournalEntry> Journal, List<LedgerEntry> Ledger, Dictionary<(Guid, FundingSource), BudgetBalance> Balances)
    {
        public static Unsealed? In(DbContext db)
        {
            var tracked = db.ChangeTracker.Entries().ToList();
            var journal = tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<JournalEntry>().Where(e => !e.IsSealed).ToList();
            var ledger = tracked.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<LedgerEntry>().Where(e => !e.IsSealed).ToList();
            if (journal.Count == 0 && ledger.Count == 0) return null;
            var balances = ledger.Count == 0 ? [] : tracked.Select(e => e.Entity).OfType<BudgetBalance>().ToDictionary(b => (b.PlanLineId, b.Source));
            return new Unsealed(journal, ledger, balances);
        }
    }
}
