using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Audit;

/// <summary>
/// Verifies the journal and the ledger against the journal key: instance chains with their subjects and the movements
/// they attest, balance-row chains with their sums and allocations, and optionally the heads of a checkpoint.
/// </summary>
/// <remarks>
/// A full verification reads every chain from its start, in batches of instances and of balance rows, so its memory
/// is bounded by a batch (plus the list of instance ids). An incremental one starts from the last run that found
/// everything intact and reads only the instances and balance rows that have entries with higher ids — its cost grows
/// with what was written since, not with the journal. What it cannot see: a row verified before and edited since
/// without a new entry beside it, or entries deleted without trace among the new ones; only a full verification (or
/// one against a checkpoint) finds those.
/// </remarks>
public sealed class JournalAuditor(WorkflowDbContext db, JournalKeyRing keys, TimeProvider clock)
{
    public const int MaxListedProblems = 1000;
    private const int InstanceBatch = 500;
    private const int BalanceBatch = 200;

    /// <param name="progress">Told the entries checked so far and the total, after each batch.</param>
    public async Task<AuditOutcome> VerifyAsync(bool full, JournalCheckpoint? checkpoint, Func<long, long, CancellationToken, Task>? progress, CancellationToken ct)
    {
        var since = full ? null : await db.AuditRuns.AsNoTracking()
            .Where(r => r.Status == AuditRunStatus.Completed && r.Intact == true)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var pass = new Pass(progress);
        if (since is null)
        {
            pass.Total = await db.Journal.LongCountAsync(ct) + await db.LedgerEntries.LongCountAsync(ct);
            await CheckEverythingAsync(pass, ct);
        }
        else
        {
            await CheckSinceAsync(pass, since, ct);
        }
        CheckpointOutcome? outcome = null;
        if (checkpoint is not null) outcome = await CheckHeadsAsync(pass, checkpoint, ct);

        var report = new AuditReport(pass.Problems.Count == 0, since is null, clock.GetUtcNow(), since?.Id,
            pass.Instances, pass.Entries, pass.BalanceRows, pass.LedgerEntries, pass.LegacyEntries, pass.UnsealedLedgerEntries,
            outcome, pass.Problems.Count, pass.Problems.Take(MaxListedProblems).ToList());
        return new AuditOutcome(report, pass.JournalThrough, pass.LedgerThrough, pass.Checked);
    }

    private async Task CheckEverythingAsync(Pass pass, CancellationToken ct)
    {
        // ids are taken first: whatever is written while the verification runs is the next incremental run's
        pass.JournalThrough = await CommittedThroughAsync(db.Journal, e => e.Id, ct);
        pass.LedgerThrough = await CommittedThroughAsync(db.LedgerEntries, e => e.Id, ct);
        var journalCheck = new JournalChainCheck(keys, await FirstSealedJournalIdAsync(ct));
        var balanceCheck = new BalanceChainCheck(keys, await FirstSealedLedgerIdAsync(ct));

        var instanceIds = await db.WorkflowInstances.AsNoTracking().Select(i => i.Id).ToListAsync(ct);
        foreach (var batch in instanceIds.Chunk(InstanceBatch))
            await CheckInstancesAsync(pass, journalCheck, batch, ct);
        await CheckOrphansAsync(pass, ct);

        long after = 0;
        while (true)
        {
            var rows = await db.Balances.AsNoTracking().Where(b => b.Id > after).OrderBy(b => b.Id).Take(BalanceBatch).ToListAsync(ct);
            if (rows.Count == 0) break;
            after = rows[^1].Id;
            await CheckBalancesAsync(pass, balanceCheck, rows, rows.ToDictionary(r => r.Id, _ => 1), ct);
        }
    }

    private async Task CheckSinceAsync(Pass pass, AuditRun since, CancellationToken ct)
    {
        // ids above the verified point are what was written since, up to the point below which every entry has committed
        // (CommittedThroughAsync); entries up to the verified point may be of the time before the key, new ones may not
        var journalCheck = new JournalChainCheck(keys, since.JournalThrough + 1);
        var balanceCheck = new BalanceChainCheck(keys, since.LedgerThrough + 1);

        pass.JournalThrough = Math.Max(since.JournalThrough, await CommittedThroughAsync(db.Journal, e => e.Id, ct));
        pass.LedgerThrough = Math.Max(since.LedgerThrough, await CommittedThroughAsync(db.LedgerEntries, e => e.Id, ct));
        var newEntries = await db.Journal.AsNoTracking().Where(e => e.Id > since.JournalThrough && e.Id <= pass.JournalThrough)
            .Select(e => new { e.Id, e.InstanceId }).ToListAsync(ct);
        var newMovements = await db.LedgerEntries.AsNoTracking().Where(e => e.Id > since.LedgerThrough && e.Id <= pass.LedgerThrough)
            .Select(e => new { e.Id, e.PlanLineId, e.Source, e.Sequence }).ToListAsync(ct);
        pass.Total = newEntries.Count + newMovements.Count;

        // an instance's chain is a handful of entries: a touched one is checked whole
        foreach (var batch in newEntries.Select(e => e.InstanceId).Distinct().Chunk(InstanceBatch))
            await CheckInstancesAsync(pass, journalCheck, batch, ct);

        // a balance row's chain can be long: a touched one is checked from the entry before its first new one
        var firstNew = newMovements.GroupBy(e => (e.PlanLineId, e.Source)).ToDictionary(g => g.Key, g => g.Min(e => e.Sequence));
        foreach (var batch in firstNew.Keys.Chunk(BalanceBatch))
        {
            var lines = batch.Select(k => k.PlanLineId).Distinct().ToList();
            var rows = (await db.Balances.AsNoTracking().Where(b => lines.Contains(b.PlanLineId)).ToListAsync(ct))
                .Where(b => firstNew.ContainsKey((b.PlanLineId, b.Source))).ToList();
            await CheckBalancesAsync(pass, balanceCheck, rows, rows.ToDictionary(r => r.Id, r => Math.Max(1, firstNew[(r.PlanLineId, r.Source)] - 1)), ct);
        }
    }

    /// <summary>
    /// The highest id of <paramref name="entries"/> below which no entry can still appear, so that the next incremental
    /// run, starting above it, misses nothing. SQLite has one writer at a time: an entry committed later never takes an
    /// id below one already read, and the highest id is the point. PostgreSQL hands out ids as rows are inserted, and
    /// transactions commit in any order: a lower id can still be uncommitted while a higher one is read. A SHARE lock on
    /// the table waits for every transaction that is inserting into it and holds new inserts off for the one read, so
    /// every id up to the highest read has committed (or will never exist). One table at a time: the lock is never held
    /// while waiting for another, so it cannot take part in a deadlock with the writers.
    /// </summary>
    private async Task<long> CommittedThroughAsync<TEntry>(DbSet<TEntry> entries, Expression<Func<TEntry, long?>> id, CancellationToken ct) where TEntry : class
    {
        if (!db.Database.IsNpgsql()) return await entries.MaxAsync(id, ct) ?? 0;
        var table = db.Model.FindEntityType(typeof(TEntry))!.GetTableName()!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lockTable = "LOCK TABLE \"" + table + "\" IN SHARE MODE";
        await db.Database.ExecuteSqlRawAsync(lockTable, ct);
        var through = await entries.MaxAsync(id, ct) ?? 0;
        await transaction.CommitAsync(ct);
        return through;
    }

    private async Task CheckInstancesAsync(Pass pass, JournalChainCheck check, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var nullableIds = ids.Select(id => (Guid?)id).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var chains = (await db.Journal.AsNoTracking().Where(e => ids.Contains(e.InstanceId)).ToListAsync(ct))
            .GroupBy(e => e.InstanceId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList());
        var movements = (await db.LedgerEntries.AsNoTracking().Where(e => nullableIds.Contains(e.InstanceId)).ToListAsync(ct))
            .ToLookup(e => e.InstanceId!.Value);
        var subjects = await SubjectTextsAsync(instances.Values, ct);

        foreach (var id in ids)
        {
            if (!instances.TryGetValue(id, out var instance)) continue; // removed since it was listed: the orphan check sees its entries
            var chain = chains.GetValueOrDefault(id) ?? [];
            pass.Add(check.Check(instance, chain, 0, subjects.GetValueOrDefault(id), movements[id].ToLookup(m => m.JournalSequence ?? -1)));
            pass.Instances++;
            pass.Entries += chain.Count;
            pass.LegacyEntries += chain.Count(e => e.Scheme == HashScheme.Sha256);
            pass.Checked += chain.Count;
        }
        await pass.ReportProgressAsync(ct);
    }

    /// <summary>Each instance's subject as its <see cref="SubjectDigest"/> text, read in one query per subject type.</summary>
    private async Task<Dictionary<Guid, string>> SubjectTextsAsync(IEnumerable<WorkflowInstance> instances, CancellationToken ct)
    {
        var texts = new Dictionary<Guid, string>();
        foreach (var group in instances.GroupBy(i => i.SubjectType))
        {
            var ids = group.Select(i => i.SubjectId).ToList();
            var found = group.Key switch
            {
                ProposalProcess.SubjectType => (await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id, SubjectDigest.Of),
                DisbursementProcess.SubjectType => (await db.Disbursements.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct)).ToDictionary(d => d.Id, SubjectDigest.Of),
                SettlementProcess.SubjectType => (await db.Settlements.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id, SubjectDigest.Of),
                _ => [],
            };
            foreach (var instance in group)
                texts[instance.Id] = found.GetValueOrDefault(instance.SubjectId) ?? SubjectDigest.TextOf(instance.SubjectType, instance.SubjectId, null);
        }
        return texts;
    }

    /// <summary>Entries whose instance is gone, and subjects without an instance: what a batch by instance cannot see.</summary>
    private async Task CheckOrphansAsync(Pass pass, CancellationToken ct)
    {
        var orphans = await db.Journal.AsNoTracking().Where(e => !db.WorkflowInstances.Any(i => i.Id == e.InstanceId))
            .Select(e => new { e.Id, e.InstanceId, e.SubjectType, e.SubjectId, e.Sequence }).ToListAsync(ct);
        foreach (var instance in orphans.GroupBy(e => e.InstanceId))
        {
            var first = instance.OrderBy(e => e.Sequence).First();
            pass.Add([new AuditProblem(AuditProblemCodes.JournalOrphan,
                $"{instance.Count()} bản ghi nhật ký thuộc hồ sơ quy trình {instance.Key}, nhưng hồ sơ đó không còn: hồ sơ đã bị xóa khỏi cơ sở dữ liệu.")
            { InstanceId = instance.Key, SubjectType = first.SubjectType, SubjectId = first.SubjectId, Sequence = first.Sequence, JournalEntryId = first.Id }]);
            pass.Entries += instance.Count();
            pass.Checked += instance.Count();
        }

        var withoutInstance = new List<(string Type, Guid Id, Guid InstanceId)>();
        withoutInstance.AddRange((await db.Proposals.AsNoTracking().Where(p => !db.WorkflowInstances.Any(i => i.Id == p.InstanceId))
            .Select(p => new { p.Id, p.InstanceId }).ToListAsync(ct)).Select(p => (ProposalProcess.SubjectType, p.Id, p.InstanceId)));
        withoutInstance.AddRange((await db.Disbursements.AsNoTracking().Where(d => !db.WorkflowInstances.Any(i => i.Id == d.InstanceId))
            .Select(d => new { d.Id, d.InstanceId }).ToListAsync(ct)).Select(d => (DisbursementProcess.SubjectType, d.Id, d.InstanceId)));
        withoutInstance.AddRange((await db.Settlements.AsNoTracking().Where(s => !db.WorkflowInstances.Any(i => i.Id == s.InstanceId))
            .Select(s => new { s.Id, s.InstanceId }).ToListAsync(ct)).Select(s => (SettlementProcess.SubjectType, s.Id, s.InstanceId)));
        pass.Add(withoutInstance.Select(s => new AuditProblem(AuditProblemCodes.SubjectNoInstance,
                $"{SubjectNames.Of(s.Type)} {s.Id} ghi hồ sơ quy trình {s.InstanceId}, nhưng hồ sơ đó không còn: hồ sơ và nhật ký của nó đã bị xóa.")
            { InstanceId = s.InstanceId, SubjectType = s.Type, SubjectId = s.Id }));

        var strays = await db.LedgerEntries.AsNoTracking().Where(e => !db.Balances.Any(b => b.PlanLineId == e.PlanLineId && b.Source == e.Source))
            .Select(e => new { e.Id, e.PlanId, e.PlanLineId, e.Source, e.Sequence }).ToListAsync(ct);
        foreach (var row in strays.GroupBy(e => (e.PlanLineId, e.Source)))
        {
            var first = row.OrderBy(e => e.Sequence).First();
            pass.Add([new AuditProblem(AuditProblemCodes.LedgerOrphan,
                $"{row.Count()} bút toán sổ cái của dòng {row.Key.PlanLineId} – {FundingSources.NameOf(row.Key.Source)} không thuộc số dư nào: số dư đã bị xóa.")
            { PlanId = first.PlanId, PlanLineId = row.Key.PlanLineId, Source = row.Key.Source, LedgerEntryId = first.Id, LedgerSequence = first.Sequence }]);
            pass.LedgerEntries += row.Count();
            pass.Checked += row.Count();
        }
    }

    /// <param name="startAt">Per balance row id, the sequence its check starts at (1 for the whole chain).</param>
    private async Task CheckBalancesAsync(Pass pass, BalanceChainCheck check, IReadOnlyList<BudgetBalance> rows, IReadOnlyDictionary<long, int> startAt, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var lines = rows.Select(r => r.PlanLineId).Distinct().ToList();
        var whole = startAt.Values.All(s => s == 1);
        var from = whole ? 1 : startAt.Values.Min();
        // the chains (from where the check starts) and, for the sums, every entry's kind and amount
        var chains = (await db.LedgerEntries.AsNoTracking().Where(e => lines.Contains(e.PlanLineId) && e.Sequence >= from).ToListAsync(ct))
            .ToLookup(e => (e.PlanLineId, e.Source));
        var amounts = whole
            ? chains.SelectMany(g => g).Select(e => (e.PlanLineId, e.Source, e.Kind, e.Amount)).ToLookup(e => (e.PlanLineId, e.Source))
            : (await db.LedgerEntries.AsNoTracking().Where(e => lines.Contains(e.PlanLineId))
                .Select(e => new { e.PlanLineId, e.Source, e.Kind, e.Amount }).ToListAsync(ct))
                .Select(e => (e.PlanLineId, e.Source, e.Kind, e.Amount)).ToLookup(e => (e.PlanLineId, e.Source));
        var planLines = await db.PlanLines.AsNoTracking().Where(l => lines.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);

        foreach (var row in rows)
        {
            var start = startAt[row.Id];
            var chain = chains[(row.PlanLineId, row.Source)].Where(e => e.Sequence >= start).OrderBy(e => e.Sequence).ToList();
            var sums = BalanceChainCheck.SumsOf(amounts[(row.PlanLineId, row.Source)].Select(e => (e.Kind, e.Amount)));
            var lineAmount = planLines.GetValueOrDefault(row.PlanLineId)?.Amount(row.Source) ?? 0;
            pass.Add(check.Check(row, chain, start, sums, lineAmount));
            pass.BalanceRows++;
            pass.LedgerEntries += chain.Count;
            pass.UnsealedLedgerEntries += chain.Count(e => e.Scheme == HashScheme.Unsealed);
            pass.Checked += chain.Count;
        }
        await pass.ReportProgressAsync(ct);
    }

    /// <summary>Every head a checkpoint lists must still be on its chain with the same hash.</summary>
    private async Task<CheckpointOutcome> CheckHeadsAsync(Pass pass, JournalCheckpoint checkpoint, CancellationToken ct)
    {
        var taken = checkpoint.TakenAt.ToOffset(WorkingCalendar.VietnamOffset).ToString("dd/MM/yyyy HH:mm");
        var checkedHeads = 0;
        var changed = 0;
        foreach (var plan in checkpoint.Plans)
        {
            foreach (var batch in plan.Instances.Chunk(InstanceBatch))
            {
                var ids = batch.Select(h => h.InstanceId).ToList();
                var now = (await db.Journal.AsNoTracking().Where(e => ids.Contains(e.InstanceId))
                        .Select(e => new { e.Id, e.InstanceId, e.Sequence, e.Hash, e.SubjectType, e.SubjectId }).ToListAsync(ct))
                    .ToDictionary(e => (e.InstanceId, e.Sequence));
                foreach (var head in batch)
                {
                    checkedHeads++;
                    now.TryGetValue((head.InstanceId, head.Sequence), out var entry);
                    if (entry is not null && entry.Hash == head.Hash) continue;
                    changed++;
                    pass.Add([new AuditProblem(AuditProblemCodes.CheckpointHead,
                        $"Mốc kiểm tra lúc {taken} ghi bản ghi số {head.Sequence} của hồ sơ {head.InstanceId} với mã {Short(head.Hash)}; nay " +
                        (entry is null ? "không còn bản ghi đó" : $"bản ghi đó mang mã {Short(entry.Hash)}") + ": lịch sử trước mốc đã bị viết lại.")
                    {
                        PlanId = plan.PlanId, InstanceId = head.InstanceId, Sequence = head.Sequence,
                        JournalEntryId = entry?.Id, SubjectType = entry?.SubjectType, SubjectId = entry?.SubjectId,
                    }]);
                }
            }
            foreach (var batch in plan.Balances.Chunk(BalanceBatch))
            {
                var lines = batch.Select(h => h.PlanLineId).Distinct().ToList();
                var sequences = batch.Select(h => h.Sequence).Distinct().ToList();
                var now = (await db.LedgerEntries.AsNoTracking().Where(e => lines.Contains(e.PlanLineId) && sequences.Contains(e.Sequence))
                        .Select(e => new { e.Id, e.PlanLineId, e.Source, e.Sequence, e.Hash }).ToListAsync(ct))
                    .ToDictionary(e => (e.PlanLineId, e.Source, e.Sequence));
                foreach (var head in batch)
                {
                    checkedHeads++;
                    now.TryGetValue((head.PlanLineId, head.Source, head.Sequence), out var entry);
                    if (entry is not null && entry.Hash == head.Hash) continue;
                    changed++;
                    pass.Add([new AuditProblem(AuditProblemCodes.CheckpointHead,
                        $"Mốc kiểm tra lúc {taken} ghi bút toán số {head.Sequence} của sổ dòng {head.PlanLineId} – {FundingSources.NameOf(head.Source)} với mã {Short(head.Hash)}; nay " +
                        (entry is null ? "không còn bút toán đó" : $"bút toán đó mang mã {Short(entry.Hash)}") + ": sổ cái trước mốc đã bị viết lại.")
                    {
                        PlanId = plan.PlanId, PlanLineId = head.PlanLineId, Source = head.Source, LedgerSequence = head.Sequence, LedgerEntryId = entry?.Id,
                    }]);
                }
            }
            pass.Checked += plan.Instances.Count + plan.Balances.Count;
            await pass.ReportProgressAsync(ct);
        }
        return new CheckpointOutcome(checkpoint.TakenAt, checkpoint.KeyId, checkedHeads, changed);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] + "…" : hash.Length == 0 ? "(không niêm phong)" : hash;

    /// <summary>The id of the first sealed journal entry: unkeyed entries are legitimate only below it.</summary>
    private async Task<long> FirstSealedJournalIdAsync(CancellationToken ct) =>
        await db.Journal.AsNoTracking().Where(e => e.Scheme == HashScheme.HmacSha256).OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct) ?? long.MaxValue;

    private async Task<long> FirstSealedLedgerIdAsync(CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(e => e.Scheme == HashScheme.HmacSha256).OrderBy(e => e.Id).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct) ?? long.MaxValue;

    /// <summary>What one verification has seen so far.</summary>
    private sealed class Pass(Func<long, long, CancellationToken, Task>? progress)
    {
        public List<AuditProblem> Problems { get; } = [];
        public int Instances { get; set; }
        public long Entries { get; set; }
        public int BalanceRows { get; set; }
        public long LedgerEntries { get; set; }
        public long LegacyEntries { get; set; }
        public long UnsealedLedgerEntries { get; set; }
        public long Checked { get; set; }
        public long Total { get; set; }
        public long JournalThrough { get; set; }
        public long LedgerThrough { get; set; }

        public void Add(IEnumerable<AuditProblem> problems) => Problems.AddRange(problems);

        public Task ReportProgressAsync(CancellationToken ct) => progress?.Invoke(Checked, Math.Max(Total, Checked), ct) ?? Task.CompletedTask;
    }
}
