using Workflow.Domain.Common;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Audit;

/// <summary>
/// Checks one instance's journal chain: each entry's seal or legacy hash, its data hash, its link and sequence, the
/// ledger movements it attests, and — at the end of the chain — that the instance's state and revision and its
/// subject's fields are what the last entry says.
/// </summary>
/// <param name="legacyBelowId">
/// Entries with an id below this may carry the unkeyed hash of the time before the key (every such entry was written
/// before the first sealed one); at or above it an unkeyed entry is a rewrite. 0 when none may.
/// </param>
public sealed class JournalChainCheck(JournalKeyRing keys, long legacyBelowId)
{
    /// <param name="instance">The instance row, or null when the caller checks entries whose instance is gone.</param>
    /// <param name="entries">The chain, or its end from <paramref name="startSequence"/>, ordered by sequence.</param>
    /// <param name="startSequence">
    /// 0 to check the whole chain from the genesis link; otherwise the sequence of an entry verified before, whose
    /// own link is trusted, and the entries after it.
    /// </param>
    /// <param name="subjectText">The subject's <see cref="SubjectDigest"/> text as the database holds it now.</param>
    /// <param name="movements">The ledger entries that name this instance, by the journal sequence they name.</param>
    public List<AuditProblem> Check(WorkflowInstance? instance, IReadOnlyList<JournalEntry> entries, int startSequence,
        string? subjectText, ILookup<int, LedgerEntry> movements)
    {
        var problems = new List<AuditProblem>();
        var expected = startSequence;
        var previous = JournalEntry.Genesis;
        var sealedSeen = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            void Report(string code, string message) => problems.Add(ProblemAt(e, code, message));
            var trustedStart = i == 0 && startSequence > 0 && e.Sequence == startSequence;

            if (e.Sequence != expected)
                Report(AuditProblemCodes.JournalSequence, e.Sequence > expected
                    ? $"Thiếu bản ghi: sau số {expected - 1} là số {e.Sequence} (mong đợi số {expected}); bản ghi ở giữa đã bị xóa hoặc đánh số lại."
                    : $"Sai thứ tự bản ghi: mong đợi số {expected}, gặp số {e.Sequence}; các bản ghi đã bị đánh số lại.");
            if (CanonicalJson.Sha256(e.Data) != e.DataHash)
                Report(AuditProblemCodes.JournalData, "Dữ liệu kèm thao tác đã bị sửa (mã băm dữ liệu không khớp).");

            switch (e.Scheme)
            {
                case HashScheme.HmacSha256:
                    sealedSeen = true;
                    var key = keys.Find(e.KeyId);
                    if (key is null)
                        Report(AuditProblemCodes.JournalRekeyed,
                            $"Bản ghi được niêm phong bằng khóa «{e.KeyId}», không phải khóa nhật ký hiện hành hay khóa cũ nào đã khai báo: bản ghi đã bị niêm phong lại (re-keyed), hoặc thiếu khóa cũ trong Audit:PreviousJournalKeys.");
                    else if (!key.Verifies(e.SealedText(), e.Hash))
                        Report(AuditProblemCodes.JournalHash, "Nội dung bản ghi đã bị sửa (dấu niêm phong không khớp).");
                    else if (!key.Verifies(LedgerMovements.TextOf(movements[e.Sequence]), e.MovementsDigest))
                        Report(AuditProblemCodes.LedgerMovements,
                            $"Các bút toán sổ cái do bản ghi số {e.Sequence} tạo ra không còn như khi ghi (có bút toán bị xóa, thêm hoặc sửa): nay có {movements[e.Sequence].Count()} bút toán.");
                    break;
                case HashScheme.Sha256 when sealedSeen || e.Id >= legacyBelowId:
                    Report(AuditProblemCodes.JournalDowngraded,
                        "Bản ghi mang mã băm SHA-256 không khóa của thời kỳ trước khi có khóa nhật ký, nhưng được ghi sau các bản ghi đã niêm phong: bản ghi đã bị viết lại bằng băm thường.");
                    break;
                case HashScheme.Sha256:
                    if (e.LegacyHash() != e.Hash)
                        Report(AuditProblemCodes.JournalHash, "Nội dung bản ghi đã bị sửa (mã băm không khớp).");
                    break;
                default:
                    Report(AuditProblemCodes.JournalHash, $"Bản ghi mang cách băm không hợp lệ ({(int)e.Scheme}).");
                    break;
            }

            if (!trustedStart && e.PreviousHash != previous)
                Report(AuditProblemCodes.JournalLink, "Liên kết với bản ghi trước bị đứt (mã băm bản ghi trước không khớp).");
            previous = e.Hash;
            expected = e.Sequence + 1;
        }

        // movements that name an entry this chain does not have: the entry that caused them was deleted
        foreach (var orphan in movements.Where(g => g.Key >= startSequence && entries.All(e => e.Sequence != g.Key)))
        {
            var first = orphan.First();
            problems.Add(new AuditProblem(AuditProblemCodes.LedgerNoJournalEntry,
                $"{orphan.Count()} bút toán sổ cái ghi là do bản ghi số {orphan.Key} của hồ sơ này tạo ra, nhưng nhật ký không có bản ghi đó.")
            {
                InstanceId = first.InstanceId, SubjectType = instance?.SubjectType, SubjectId = instance?.SubjectId, Sequence = orphan.Key,
                PlanId = first.PlanId, PlanLineId = first.PlanLineId, Source = first.Source, LedgerEntryId = first.Id, LedgerSequence = first.Sequence,
            });
        }

        if (instance is null) return problems;
        if (entries.Count == 0)
        {
            problems.Add(new AuditProblem(AuditProblemCodes.InstanceNoJournal,
                $"Hồ sơ đang ở trạng thái «{instance.State}» (lần sửa {instance.Revision}) nhưng không còn bản ghi nhật ký nào.")
            { InstanceId = instance.Id, SubjectType = instance.SubjectType, SubjectId = instance.SubjectId });
            return problems;
        }

        var last = entries[^1];
        AuditProblem AtInstance(string code, string message) => ProblemAt(last, code, message) with { InstanceId = instance.Id };
        if (instance.Revision != last.Sequence)
            problems.Add(AtInstance(AuditProblemCodes.InstanceMissingTail, instance.Revision > last.Sequence
                ? $"Hồ sơ ở lần sửa {instance.Revision} nhưng bản ghi cuối cùng là số {last.Sequence}: thiếu {instance.Revision - last.Sequence} bản ghi cuối (đã bị xóa)."
                : $"Hồ sơ ở lần sửa {instance.Revision} nhưng nhật ký đã tới bản ghi số {last.Sequence}: hồ sơ bị sửa lùi ngoài quy trình."));
        if (instance.State != last.ToState)
            problems.Add(AtInstance(AuditProblemCodes.InstanceStateWithoutEntry,
                $"Hồ sơ đang ở trạng thái «{instance.State}» nhưng bản ghi cuối cùng (số {last.Sequence}) đưa nó tới «{last.ToState}»: trạng thái này không có bản ghi nhật ký."));

        if (subjectText is not null && last.Scheme == HashScheme.HmacSha256 && keys.Find(last.KeyId) is { } lastKey
            && !SubjectDigest.IsEditableIn(last.SubjectType, last.ToState) && !lastKey.Verifies(subjectText, last.SubjectDigest))
            problems.Add(AtInstance(AuditProblemCodes.SubjectChanged,
                $"{SubjectNames.Of(last.SubjectType)} {last.SubjectId} không còn khớp với bản ghi nhật ký cuối cùng (số {last.Sequence}, «{last.Action}»): tiền, tiêu đề hoặc dữ liệu khác đã bị sửa ngoài quy trình."));
        return problems;
    }

    private static AuditProblem ProblemAt(JournalEntry e, string code, string message) => new(code, message)
    {
        InstanceId = e.InstanceId, SubjectType = e.SubjectType, SubjectId = e.SubjectId, Sequence = e.Sequence, JournalEntryId = e.Id,
    };
}
