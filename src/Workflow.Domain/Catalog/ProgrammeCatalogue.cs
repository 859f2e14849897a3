using Workflow.Domain.Common;

namespace Workflow.Domain.Catalog;

/// <summary>The catalogue a plan of a fiscal year uses, and whether it is only provisional.</summary>
/// <param name="Notice">Vietnamese, for every page and export of the plan; null when the period covers the year.</param>
public sealed record CatalogueChoice(ProgrammePeriod Period, bool Provisional, string? Notice);

/// <summary>
/// Every programme period loaded (the newest version of each) and the rule that picks one for a fiscal year: the
/// period covering the year; failing that — e.g. a 2026 plan before the 2026–2030 list is issued and loaded — the
/// latest period that ended before the year, provisionally, with a notice saying so.
/// </summary>
public sealed class ProgrammeCatalogue
{
    public ProgrammeCatalogue(IEnumerable<ProgrammePeriod> periods)
    {
        Periods = periods.GroupBy(p => p.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(p => p.Version)!)
            .OrderBy(p => p.FromYear)
            .ToList();
        if (Periods.Count == 0) throw new ArgumentException("A programme catalogue needs at least one period.", nameof(periods));
    }

    /// <summary>The newest version of each period, earliest period first.</summary>
    public IReadOnlyList<ProgrammePeriod> Periods { get; }

    public CatalogueChoice For(int fiscalYear)
    {
        if (Periods.FirstOrDefault(p => p.Covers(fiscalYear)) is { } covering) return new(covering, false, null);
        var used = Periods.LastOrDefault(p => p.ToYear < fiscalYear) ?? Periods[0];
        return new(used, true, ProvisionalNotice(fiscalYear, used));
    }

    public static string ProvisionalNotice(int fiscalYear, ProgrammePeriod used) =>
        $"Tạm thời: chưa có danh mục chương trình của giai đoạn gồm năm {fiscalYear}; kế hoạch dùng tạm danh mục giai đoạn {used.Years} " +
        $"({used.LegalBasis}). Khi danh mục giai đoạn mới được ban hành và nạp vào hệ thống, kế hoạch sẽ được đối chiếu lại.";

    /// <summary>
    /// Whether <paramref name="candidate"/> may join <paramref name="others"/>: a different period may not share a
    /// year with any of them (one year, one list). Versions of the same period replace each other.
    /// </summary>
    public static IReadOnlyList<Violation> CheckOverlap(ProgrammePeriod candidate, IEnumerable<ProgrammePeriod> others)
    {
        var v = new List<Violation>();
        foreach (var other in others.Where(o => o.Id != candidate.Id).DistinctBy(o => o.Id))
            if (candidate.FromYear <= other.ToYear && other.FromYear <= candidate.ToYear)
                v.Add(new("fromYear", $"Giai đoạn {candidate.Years} trùng năm với giai đoạn {other.Years} đã có; mỗi năm chỉ thuộc một giai đoạn."));
        return v;
    }
}
