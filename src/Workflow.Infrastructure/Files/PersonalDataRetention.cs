using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Infrastructure.Files;

/// <summary>A personal-data file whose retention ran out: its content is (or, in a dry run, would be) removed.</summary>
/// <param name="ExpiredAt">The latest end of retention among the dossiers that have it.</param>
public sealed record PurgedFile(string Sha256, string FileName, IReadOnlyList<AttachmentReference> Dossiers, DateTimeOffset ExpiredAt, string Reason);

/// <param name="Examined">Personal-data contents still held that were looked at.</param>
public sealed record PurgeReport(DateTimeOffset At, bool DryRun, int Examined, IReadOnlyList<PurgedFile> Purged);

/// <summary>
/// Removes the content of personal-data files whose retention period has run (docs/personal-data.md). The period is the
/// province's policy (<c>personalDataRetentionYears</c>, years after the dossier is finished), data an administrator
/// keeps, never code. A content goes only when every dossier it is attached to is finished and past its period under
/// the policy in force for the year it finished; a dossier still open, or a province that set no period, keeps it.
/// The attachments stay as tombstones — name, type, size, hash, when, by whom and why — so the journal entries that
/// name the hash still verify and <c>verify-attachments</c> tells a removal from a loss. Each removal is journaled in
/// the administration journal.
/// </summary>
public sealed class PersonalDataRetention(WorkflowDbContext db, FileStore store, TimeProvider clock)
{
    public const string PurgeAction = "purge-personal-data";

    /// <summary>The administration journal's object type for a removed content; its id is the SHA-256.</summary>
    public const string ObjectType = AdminObjectTypes.PersonalDataFile;

    /// <param name="unitsInScope">
    /// The units whose dossiers the actor administers; a content shared with a dossier of another unit stays. Null (the
    /// operator's command) is every unit.
    /// </param>
    public async Task<PurgeReport> PurgeAsync(Guid actorId, string actorName, bool dryRun, CancellationToken ct, IReadOnlySet<string>? unitsInScope = null)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.DossierFiles.AsNoTracking().Where(f => f.PersonalData && f.ContentRemovedAt == null)
            .Select(f => f.Sha256).Distinct().OrderBy(s => s).ToListAsync(ct);
        var purged = new List<PurgedFile>();
        foreach (var sha256 in candidates)
        {
            var references = await db.DossierFiles.Where(f => f.Sha256 == sha256).OrderBy(f => f.AttachedAt).ToListAsync(ct);
            var expiry = await ExpiryAsync(references, now, unitsInScope, ct);
            if (expiry is not { } end || end.At > now)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            var expiredOn = end.At.ToOffset(WorkingCalendar.VietnamOffset);
            var reason = $"Hết thời hạn lưu trữ dữ liệu cá nhân: {end.Years} năm sau khi hồ sơ kết thúc, đến {expiredOn:dd/MM/yyyy} (căn cứ: {end.Basis}).";
            var dossiers = references.Select(f => new AttachmentReference(f.SubjectType, f.SubjectId, f.FileName)).ToList();
            purged.Add(new PurgedFile(sha256, references[0].FileName, dossiers, end.At, reason));
            if (dryRun)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            foreach (var file in references) file.MarkContentRemoved(actorName, reason, now);
            db.AdminJournal.Add(new AdminJournalEntry(Guid.NewGuid(), now, actorId, actorName, end.UnitCode, ObjectType, sha256, PurgeAction,
                JsonSerializer.Serialize(new { sha256, fileName = references[0].FileName, dossiers }, JsonSerializerOptions.Web),
                JsonSerializer.Serialize(new { sha256, contentRemovedAt = now, reason }, JsonSerializerOptions.Web)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            // after the tombstone is saved: a crash in between leaves content nobody may open any more (the download
            // answers 410), and the next run deletes it
            store.Delete(sha256);
        }
        // tombstones whose content is still on disk (a run stopped between saving and deleting)
        if (!dryRun)
            foreach (var leftover in await db.DossierFiles.AsNoTracking().Where(f => f.ContentRemovedAt != null).Select(f => f.Sha256).Distinct().ToListAsync(ct))
                if (!await db.DossierFiles.AnyAsync(f => f.Sha256 == leftover && f.ContentRemovedAt == null, ct))
                    store.Delete(leftover);
        return new PurgeReport(now, dryRun, candidates.Count, purged);
    }

    private sealed record Expiry(DateTimeOffset At, int Years, string Basis, string UnitCode);

    /// <summary>
    /// When the last of the dossiers having the content passes its retention; null while any is open, has no period
    /// set, or belongs to a unit outside <paramref name="unitsInScope"/>.
    /// </summary>
    private async Task<Expiry?> ExpiryAsync(IReadOnlyList<Domain.Files.DossierFile> references, DateTimeOffset now, IReadOnlySet<string>? unitsInScope, CancellationToken ct)
    {
        Expiry? latest = null;
        foreach (var dossier in references.Select(f => (f.SubjectType, f.SubjectId)).Distinct())
        {
            var instance = await db.WorkflowInstances.AsNoTracking().Where(i => i.SubjectType == dossier.SubjectType && i.SubjectId == dossier.SubjectId)
                .OrderByDescending(i => i.StartedAt).FirstOrDefaultAsync(ct);
            if (instance?.CompletedAt is not { } completed) return null;
            if (unitsInScope is not null && !unitsInScope.Contains(instance.UnitCode)) return null;
            var year = completed.ToOffset(WorkingCalendar.VietnamOffset).Year;
            var policy = await db.PolicyInForceAsync(instance.UnitCode, year, now, ct);
            if (policy?.Values.PersonalDataRetentionYears is not { } retention) return null;
            var end = completed.AddYears(retention.Value);
            if (latest is null || end > latest.At) latest = new Expiry(end, retention.Value, retention.Cited, instance.UnitCode);
        }
        return latest;
    }
}
