using System.Globalization;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Audit;

/// <summary>
/// Checks one balance row's ledger chain — each entry's seal, link and sequence, the head the row records — and its
/// money: every column equals the sum of its entries, and the allocations add up to the plan line's amount.
/// </summary>
/// <param name="legacyBelowId">Entries with an id below this may be unsealed (written before ledger entries were chained); 0 when none may.</param>
public sealed class BalanceChainCheck(JournalKeyRing keys, long legacyBelowId)
{
    /// <param name="entries">The row's chain, or its end from <paramref name="startSequence"/>, ordered by sequence.</param>
    /// <param name="startSequence">1 to check the whole chain; otherwise the sequence of an entry verified before, whose link is trusted.</param>
    /// <param name="sums">
    /// What all the row's entries add up to, per kind (the whole row, also when only its end is checked). Decimal, so
    /// that amounts a hostile writer made huge are reported, not overflowed.
    /// </param>
    /// <param name="lineAmount">The plan line's amount for the row's source in the plan's current version; 0 for a line the plan dropped.</param>
    public List<AuditProblem> Check(BudgetBalance balance, IReadOnlyList<LedgerEntry> entries, int startSequence,
        IReadOnlyDictionary<LedgerEntryKind, decimal> sums, long lineAmount)
    {
        var problems = new List<AuditProblem>();
        var row = $"{balance.Component} – {FundingSources.NameOf(balance.Source)}";
        var expected = startSequence;
        var previous = JournalEntry.Genesis;
        var sealedSeen = false;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            void Report(string code, string message) => problems.Add(At(balance, code, message) with { LedgerEntryId = e.Id, LedgerSequence = e.Sequence });
            var trustedStart = i == 0 && startSequence > 1 && e.Sequence == startSequence;

            if (e.Sequence != expected)
                Report(AuditProblemCodes.LedgerSequence, e.Sequence > expected
                    ? $"Sổ {row}: thiếu bút toán số {expected} (sau số {expected - 1} là số {e.Sequence}); bút toán đã bị xóa."
                    : $"Sổ {row}: mong đợi bút toán số {expected}, gặp số {e.Sequence}; các bút toán đã bị đánh số lại.");
            switch (e.Scheme)
            {
                case HashScheme.HmacSha256:
                    sealedSeen = true;
                    var key = keys.Find(e.KeyId);
                    if (key is null)
                        Report(AuditProblemCodes.LedgerRekeyed,
                            $"Sổ {row}: bút toán số {e.Sequence} được niêm phong bằng khóa «{e.KeyId}», không phải khóa nhật ký hiện hành hay khóa cũ nào đã khai báo: đã bị niêm phong lại (re-keyed).");
                    else if (!key.Verifies(e.SealedText(), e.Hash))
                        Report(AuditProblemCodes.LedgerHash, $"Sổ {row}: nội dung bút toán số {e.Sequence} ({e.Kind} {e.Amount}) đã bị sửa (dấu niêm phong không khớp).");
                    if (!trustedStart && e.PreviousHash != previous)
                        Report(AuditProblemCodes.LedgerLink, $"Sổ {row}: bút toán số {e.Sequence} không nối với bút toán trước nó (mã băm bút toán trước không khớp).");
                    previous = e.Hash;
                    break;
                case HashScheme.Unsealed when sealedSeen || e.Id >= legacyBelowId:
                    Report(AuditProblemCodes.LedgerDowngraded,
                        $"Sổ {row}: bút toán số {e.Sequence} không có dấu niêm phong nhưng được ghi sau các bút toán đã niêm phong: bút toán đã bị viết lại.");
                    break;
                case HashScheme.Unsealed:
                    break;
                default:
                    Report(AuditProblemCodes.LedgerHash, $"Sổ {row}: bút toán số {e.Sequence} mang cách băm không hợp lệ ({(int)e.Scheme}).");
                    break;
            }
            expected = e.Sequence + 1;
        }

        var lastSequence = entries.Count > 0 ? entries[^1].Sequence : startSequence - 1;
        var lastSeal = entries.LastOrDefault(e => e.Scheme == HashScheme.HmacSha256)?.Hash ?? (startSequence > 1 ? balance.HeadHash : JournalEntry.Genesis);
        if (balance.HeadSequence != lastSequence || balance.HeadHash != lastSeal)
            problems.Add(At(balance, AuditProblemCodes.LedgerHead, balance.HeadSequence != lastSequence
                ? $"Sổ {row} ghi bút toán cuối là số {balance.HeadSequence} nhưng sổ cái có tới số {lastSequence}: bút toán cuối đã bị xóa hoặc thêm ngoài hệ thống."
                : $"Sổ {row}: mã băm đầu chuỗi ghi trên số dư không khớp bút toán cuối cùng (số {lastSequence}): bút toán cuối đã bị thay."));

        decimal allocatedSum = 0, committedSum = 0, disbursedSum = 0, settledSum = 0;
        foreach (var (kind, amount) in sums)
        {
            // the effect of one đồng of the kind, scaled: the one mapping of kinds to columns stays BudgetBalance.Effect
            var unit = BudgetBalance.Effect(kind, 1);
            allocatedSum += unit.Allocated * amount;
            committedSum += unit.Committed * amount;
            disbursedSum += unit.Disbursed * amount;
            settledSum += unit.Settled * amount;
        }
        void Compare(string column, long held, decimal fromEntries)
        {
            if (held != fromEntries)
                problems.Add(At(balance, AuditProblemCodes.LedgerBalance,
                    $"Sổ {row}: cột {column} ghi {Format(held)} nhưng cộng các bút toán được {Format(fromEntries)} (chênh {Format(held - fromEntries)})."));
        }
        Compare("Giao (Allocated)", balance.Allocated, allocatedSum);
        Compare("Cam kết (Committed)", balance.Committed, committedSum);
        Compare("Giải ngân (Disbursed)", balance.Disbursed, disbursedSum);
        Compare("Quyết toán (Settled)", balance.Settled, settledSum);

        var allocated = sums.GetValueOrDefault(LedgerEntryKind.Allocate);
        if (allocated != lineAmount)
            problems.Add(At(balance, AuditProblemCodes.LedgerAllocation,
                $"Sổ {row}: các bút toán giao vốn cộng được {Format(allocated)} nhưng dòng kế hoạch giao {Format(lineAmount)} cho nguồn này (chênh {Format(allocated - lineAmount)})."));
        return problems;
    }

    /// <summary>What each kind of the entries adds up to.</summary>
    public static Dictionary<LedgerEntryKind, decimal> SumsOf(IEnumerable<(LedgerEntryKind Kind, long Amount)> entries) =>
        entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Sum(e => (decimal)e.Amount));

    private static string Format(decimal amount) => amount.ToString("#,0", Vietnamese) + " ₫";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static AuditProblem At(BudgetBalance balance, string code, string message) => new(code, message)
    {
        PlanId = balance.PlanId, PlanLineId = balance.PlanLineId, Source = balance.Source, BalanceId = balance.Id,
    };
}
