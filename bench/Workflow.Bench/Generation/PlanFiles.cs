using Workflow.Domain.Catalog;
using Workflow.Domain.Plans;

namespace Workflow.Bench.Generation;

/// <summary>
/// A commune's plan for a year: seven lines of the 2026 programme led by its two lead agencies, central money per line
/// with the province's 10 % provincial and 5 % commune shares (the policy's counterpart, as in the Đồng Nai demo),
/// 5 billion đồng of central money in all — about what the programme gives a poor commune in a year.
/// </summary>
public static class PlanFiles
{
    /// <summary>Component, whether the agricultural centre leads it (the culture-society office otherwise), central money.</summary>
    public static readonly IReadOnlyList<(string Component, bool Agriculture, long Central)> Lines =
    [
        ("DA2", true, 1_600_000_000), ("DA3.1", true, 1_200_000_000), ("DA3.2", true, 800_000_000),
        ("DA4.1", false, 600_000_000), ("DA4.3", false, 400_000_000), ("DA6.1", false, 200_000_000), ("DA7.1", false, 200_000_000),
    ];

    public static PlanContent Content(CommuneOrg commune, int fiscalYear, DateTimeOffset decided) =>
        Content(commune.Code, commune.Name, commune.Province.Code, commune.Province.Name, commune.AgricultureName, commune.CultureName, fiscalYear, decided);

    public static PlanContent Content(string code, string name, string provinceCode, string provinceName, string agricultureName, string cultureName,
        int fiscalYear, DateTimeOffset decided)
    {
        static Dictionary<FundingSource, long> Split(long central) => new()
        {
            [FundingSource.Central] = central,
            [FundingSource.Provincial] = central / 10,
            [FundingSource.Commune] = central / 20,
        };
        var lines = Lines.Select(l => new PlanLineContent(l.Component, l.Agriculture ? agricultureName : cultureName, Split(l.Central))).ToList();
        return new PlanContent(
            fiscalYear,
            new UnitRef(code, name, AdminLevel.Commune, new UnitRef(provinceCode, provinceName, AdminLevel.Province, null)),
            new DecisionInfo("01/QĐ-UBND", DateOnly.FromDateTime(decided.UtcDateTime), $"UBND {Lower(name)}",
                $"Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm {fiscalYear} trên địa bàn {Lower(name)}",
                $"Chính sách của {Lower(provinceName)} năm {fiscalYear}"),
            null,
            lines,
            Split(Lines.Sum(l => l.Central)));
    }

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
