using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Audit.VerifyJournal;

/// <summary>Recomputes every journal chain: each entry's data hash, its own hash, its link to the previous entry and the sequence.</summary>
public sealed record VerifyJournalQuery : IRequest<JournalVerification>;

public sealed record JournalVerification(bool Intact, int Instances, int Entries, IReadOnlyList<JournalBreak> Breaks, DateTimeOffset CheckedAt);

public sealed record JournalBreak(Guid InstanceId, string SubjectType, Guid SubjectId, int Sequence, string Problem);

public sealed class VerifyJournalHandler(WorkflowDbContext db, TimeProvider clock) : IRequestHandler<VerifyJournalQuery, JournalVerification>
{
    public async Task<JournalVerification> Handle(VerifyJournalQuery request, CancellationToken cancellationToken)
    {
        var breaks = new List<JournalBreak>();
        var instances = 0;
        var entries = 0;
        Guid? current = null;
        var expectedSequence = 0;
        var previousHash = JournalEntry.Genesis;

        await foreach (var e in db.Journal.AsNoTracking().OrderBy(e => e.InstanceId).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.InstanceId != current)
            {
                current = e.InstanceId;
                instances++;
                expectedSequence = 0;
                previousHash = JournalEntry.Genesis;
            }
            entries++;
            void Break(string problem) => breaks.Add(new JournalBreak(e.InstanceId, e.SubjectType, e.SubjectId, e.Sequence, problem));

            if (e.Sequence != expectedSequence)
                Break($"Thiếu hoặc sai thứ tự bản ghi: mong đợi số {expectedSequence}, gặp số {e.Sequence}.");
            if (CanonicalJson.Sha256(e.Data) != e.DataHash)
                Break("Dữ liệu kèm thao tác đã bị sửa (mã băm dữ liệu không khớp).");
            if (e.PreviousHash != previousHash)
                Break("Liên kết với bản ghi trước bị đứt (mã băm bản ghi trước không khớp).");
            if (e.ComputeHash() != e.Hash)
                Break("Nội dung bản ghi đã bị sửa (mã băm không khớp).");

            expectedSequence = e.Sequence + 1;
            previousHash = e.Hash;
        }

        // an instance whose journal was deleted whole has no entries to check: count them too
        var withoutJournal = await db.WorkflowInstances.AsNoTracking()
            .Where(i => !db.Journal.Any(e => e.InstanceId == i.Id))
            .Select(i => new { i.Id, i.SubjectType, i.SubjectId }).ToListAsync(cancellationToken);
        breaks.AddRange(withoutJournal.Select(i => new JournalBreak(i.Id, i.SubjectType, i.SubjectId, 0, "Hồ sơ không còn nhật ký.")));

        return new JournalVerification(breaks.Count == 0, instances + withoutJournal.Count, entries, breaks, clock.GetUtcNow());
    }
}
