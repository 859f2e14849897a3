using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Files;

/// <summary>A dossier that refers to a stored file.</summary>
public sealed record AttachmentReference(string SubjectType, Guid SubjectId, string FileName);

/// <summary>A stored file that is not what the dossiers refer to: <c>missing</c> or <c>altered</c>.</summary>
public sealed record AttachmentProblem(string Sha256, string Code, string Message, IReadOnlyList<AttachmentReference> Dossiers);

/// <summary>A content removed on purpose under the personal-data retention policy: its attachments remain as tombstones.</summary>
public sealed record RemovedAttachment(string Sha256, DateTimeOffset RemovedAt, string RemovedBy, string Reason, IReadOnlyList<AttachmentReference> Dossiers);

/// <summary>
/// The outcome of reading every referred file again: how many, how large, and what did not match. Contents removed by
/// the retention policy are listed apart (<paramref name="RemovedByPolicy"/>): not a problem, and not counted in <paramref name="Files"/>.
/// </summary>
public sealed record AttachmentCheckReport(DateTimeOffset CheckedAt, int Files, long Bytes, bool Intact, IReadOnlyList<AttachmentProblem> Problems,
    IReadOnlyList<RemovedAttachment> RemovedByPolicy);

/// <summary>
/// The files' integrity check: every file a dossier refers to is read again from the store and hashed; a file that is
/// gone, or whose content no longer hashes to its address, is reported with the dossiers that rely on it. Files no
/// dossier refers to (an upload whose save failed) are not looked at.
/// </summary>
public sealed class AttachmentAuditor(WorkflowDbContext db, FileStore store, TimeProvider clock)
{
    public const string Missing = "attachment.missing";
    public const string Altered = "attachment.altered";

    private const int Batch = 500;

    public async Task<AttachmentCheckReport> CheckAsync(CancellationToken ct)
    {
        var problems = new List<AttachmentProblem>();
        var removed = new List<RemovedAttachment>();
        var files = 0;
        long bytes = 0;
        var after = "";
        while (true)
        {
            // by address, a batch at a time: the list of files is never held whole
            var batch = await db.DossierFiles.AsNoTracking().Where(f => string.Compare(f.Sha256, after) > 0)
                .Select(f => f.Sha256).Distinct().OrderBy(s => s).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            // a content every attachment of which is a tombstone was removed by the retention policy: not looked for
            var live = (await db.DossierFiles.AsNoTracking().Where(f => batch.Contains(f.Sha256) && f.ContentRemovedAt == null)
                .Select(f => f.Sha256).Distinct().ToListAsync(ct)).ToHashSet();
            foreach (var sha256 in batch)
            {
                if (!live.Contains(sha256))
                {
                    var tombstones = await db.DossierFiles.AsNoTracking().Where(f => f.Sha256 == sha256).OrderBy(f => f.AttachedAt).ToListAsync(ct);
                    removed.Add(new RemovedAttachment(sha256, tombstones[0].ContentRemovedAt!.Value, tombstones[0].ContentRemovedBy ?? "", tombstones[0].ContentRemovalReason ?? "",
                        tombstones.Select(f => new AttachmentReference(f.SubjectType, f.SubjectId, f.FileName)).ToList()));
                    continue;
                }
                files++;
                var condition = await store.ConditionAsync(sha256, ct);
                if (condition == StoredFileCondition.Intact)
                {
                    bytes += new FileInfo(store.PathOf(sha256)).Length;
                    continue;
                }
                var dossiers = await db.DossierFiles.AsNoTracking().Where(f => f.Sha256 == sha256).OrderBy(f => f.AttachedAt)
                    .Select(f => new AttachmentReference(f.SubjectType, f.SubjectId, f.FileName)).ToListAsync(ct);
                problems.Add(condition == StoredFileCondition.Missing
                    ? new AttachmentProblem(sha256, Missing, $"Không còn tệp {sha256} trong kho lưu trữ ({store.PathOf(sha256)}); khôi phục từ bản sao lưu.", dossiers)
                    : new AttachmentProblem(sha256, Altered, $"Nội dung tệp {sha256} đã bị thay đổi: mã SHA-256 của nó không còn khớp; khôi phục từ bản sao lưu hoặc tải lại tệp gốc.", dossiers));
            }
            after = batch[^1];
        }
        return new AttachmentCheckReport(clock.GetUtcNow(), files, bytes, problems.Count == 0, problems, removed);
    }
}
