namespace Workflow.Domain.Catalog;

/// <summary>Where money comes from (nguồn vốn). The first four are state budget and flow through plans and the ledger.</summary>
public enum FundingSource
{
    Central,
    Provincial,
    District,
    Commune,
    Participant,
    Integrated,
    Credit,
}

/// <param name="ShortName">As tables and charts head their columns: NSTW, NS tỉnh…</param>
public sealed record FundingSourceInfo(FundingSource Source, string Name, string ShortName, bool IsStateBudget, bool IsLocalCounterpart, string Note);

public static class FundingSources
{
    /// <summary>The state-budget sources a plan allocates, in the order plans list them.</summary>
    public static readonly IReadOnlyList<FundingSource> Budget =
        [FundingSource.Central, FundingSource.Provincial, FundingSource.District, FundingSource.Commune];

    public static readonly IReadOnlyList<FundingSource> LocalBudget =
        [FundingSource.Provincial, FundingSource.District, FundingSource.Commune];

    public static readonly IReadOnlyList<FundingSourceInfo> All =
    [
        new(FundingSource.Central, "Ngân sách trung ương (NSTW)", "NSTW", true, false, ""),
        new(FundingSource.Provincial, "Ngân sách tỉnh", "NS tỉnh", true, true, "vốn đối ứng địa phương"),
        new(FundingSource.District, "Ngân sách huyện (đối ứng)", "NS huyện", true, true, "cấp huyện chấm dứt hoạt động từ 01/7/2025"),
        new(FundingSource.Commune, "Ngân sách xã", "NS xã", true, true, "vốn đối ứng địa phương"),
        new(FundingSource.Participant, "Vốn đối ứng của người dân / đối tượng hưởng lợi", "Người dân", false, false, "tiền mặt, ngày công hoặc hiện vật"),
        new(FundingSource.Integrated, "Vốn lồng ghép", "Lồng ghép", false, false, "từ các chương trình khác"),
        new(FundingSource.Credit, "Vốn vay tín dụng chính sách (NHCSXH)", "Tín dụng", false, false, "theo dõi, không giải ngân qua hệ thống"),
    ];

    public static string NameOf(FundingSource source) => All.First(s => s.Source == source).Name;

    public static string ShortNameOf(FundingSource source) => All.First(s => s.Source == source).ShortName;

    /// <summary>Exact names only: Enum.TryParse would also take "0" for Central.</summary>
    public static bool TryParseBudget(string name, out FundingSource source)
    {
        source = Budget.FirstOrDefault(s => s.ToString() == name);
        return source.ToString() == name;
    }
}
