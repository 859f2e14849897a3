using Workflow.Domain.Catalog;
using Workflow.Domain.Plans;

namespace Workflow.Infrastructure.Seeding;

/// <summary>
/// Administrative units, the national administering agency and counterpart policies shipped with the application.
/// Units hang under the national root <c>VN</c> and cover the provinces of the seed plans, both before 1/7/2025
/// (province → district → commune) and after (province → commune).
/// </summary>
public static class ReferenceData
{
    private static readonly DateOnly DistrictsAbolished = new(2025, 7, 1);
    private static readonly DateOnly LastThreeLevelDay = new(2025, 6, 30);

    public static IReadOnlyList<AdminUnit> Units()
    {
        var units = new List<AdminUnit>
        {
            new(AdminUnit.NationalCode, "Việt Nam", AdminLevel.National, null),
            new("BP", "Tỉnh Bình Phước", AdminLevel.Province, AdminUnit.NationalCode, validTo: LastThreeLevelDay),
            new("BP.HQ", "Huyện Hớn Quản", AdminLevel.District, "BP", validTo: LastThreeLevelDay),
            new("AG", "Tỉnh An Giang", AdminLevel.Province, AdminUnit.NationalCode),
            new("AG.LX", "Thành phố Long Xuyên", AdminLevel.District, "AG", validTo: LastThreeLevelDay),
            new("AG.LX.MT", "Phường Mỹ Thạnh", AdminLevel.Commune, "AG.LX", validTo: LastThreeLevelDay),
            new("BG", "Tỉnh Bắc Giang", AdminLevel.Province, AdminUnit.NationalCode, validTo: LastThreeLevelDay),
            new("BG.VY", "Thị xã Việt Yên", AdminLevel.District, "BG", validTo: LastThreeLevelDay),
            new("BG.VY.QM", "Phường Quảng Minh", AdminLevel.Commune, "BG.VY", validTo: LastThreeLevelDay),
            new("TN", "Tỉnh Thái Nguyên", AdminLevel.Province, AdminUnit.NationalCode),
            new("TN.TPTN", "Thành phố Thái Nguyên", AdminLevel.District, "TN", validTo: LastThreeLevelDay),
            new("TN.TPTN.TD", "Xã Thịnh Đức", AdminLevel.Commune, "TN.TPTN", validTo: LastThreeLevelDay),
            new("TV", "Tỉnh Trà Vinh", AdminLevel.Province, AdminUnit.NationalCode, validTo: LastThreeLevelDay),
            new("TV.TC", "Huyện Trà Cú", AdminLevel.District, "TV", validTo: LastThreeLevelDay),
            // two levels from 1/7/2025: Bình Phước merged into Đồng Nai; communes report to the province
            new("DN", "Tỉnh Đồng Nai", AdminLevel.Province, AdminUnit.NationalCode),
            // Tân Khai (from thị trấn Tân Khai, Tân Hiệp, Đồng Nơ) and Tân Hưng (from Tân Hưng, An Khương, Thanh An): public
            // datasets of the new communes, not the text of NQ 1662/NQ-UBTVQH15
            new("DN.TK", "Xã Tân Khai", AdminLevel.Commune, "DN", validFrom: DistrictsAbolished),
            new("DN.TH", "Xã Tân Hưng", AdminLevel.Commune, "DN", validFrom: DistrictsAbolished),
        };

        string[][] honQuanCommunes =
        [
            ["TK", "Thị trấn Tân Khai"], ["DNO", "Xã Đồng Nơ"], ["TH", "Xã Tân Hiệp"], ["AK", "Xã An Khương"],
            ["TA", "Xã Thanh An"], ["AP", "Xã An Phú"], ["TL", "Xã Tân Lợi"], ["THG", "Xã Tân Hưng"],
            ["MD", "Xã Minh Đức"], ["MT", "Xã Minh Tâm"], ["PA", "Xã Phước An"], ["TB", "Xã Thanh Bình"], ["TQ", "Xã Tân Quan"],
        ];
        units.AddRange(honQuanCommunes.Select(c => new AdminUnit($"BP.HQ.{c[0]}", c[1], AdminLevel.Commune, "BP.HQ", validTo: LastThreeLevelDay)));
        foreach (var unit in units)
            if (Successors.TryGetValue(unit.Code, out var successor)) unit.RecordSuccessor(successor);
        return units;
    }

    /// <summary>
    /// Who took over the units merged on 1/7/2025 (NQ 1662/NQ-UBTVQH15 for Đồng Nai): Bình Phước's policies and history
    /// pass to Đồng Nai; the former communes of Hớn Quản named here to the two new communes the demo knows. A district has
    /// no successor: its work went to the communes.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Successors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BP"] = "DN",
        ["BP.HQ.TK"] = "DN.TK", ["BP.HQ.TH"] = "DN.TK", ["BP.HQ.DNO"] = "DN.TK",
        ["BP.HQ.THG"] = "DN.TH", ["BP.HQ.AK"] = "DN.TH", ["BP.HQ.TA"] = "DN.TH",
    };

    public const string NationalAdministrationCode = "VN.QTHT";

    /// <summary>The agency the national administrators belong to (the root unit's administering agency).</summary>
    public static IReadOnlyList<Agency> Agencies() =>
    [
        new(NationalAdministrationCode, "Cơ quan quản trị hệ thống", AgencyKind.Administration, AdminUnit.NationalCode),
    ];

    /// <summary>Bình Phước applies the national caps (NĐ 27/2022, NĐ 38/2023); a province that sets lower ones adds a row.</summary>
    public static IReadOnlyList<Domain.Proposals.SupportPolicyRecord> SupportPolicies() =>
    [
        new("BP", 2022, Domain.Proposals.SupportPolicy.National, "NĐ 27/2022/NĐ-CP, NĐ 38/2023/NĐ-CP"),
    ];

    public static IReadOnlyList<CounterpartPolicy> CounterpartPolicies() =>
    [
        // Bình Phước relies on the centre for under half its budget: the 15 % band of QĐ 02/2022/QĐ-TTg;
        // the province's plan 81/KH-UBND puts 5 % on the province and 10 % on the district.
        new("BP", 2022,
            new CounterpartTerms(0.15m, new Dictionary<FundingSource, decimal> { [FundingSource.Provincial] = 0.05m, [FundingSource.District] = 0.10m }, 1_000_000),
            "QĐ 02/2022/QĐ-TTg; Kế hoạch 81/KH-UBND ngày 08/3/2024 của UBND tỉnh Bình Phước"),
    ];

    /// <summary>When the shipped policies apply: from the start of the programme's first fiscal year in the system.</summary>
    public static readonly DateOnly ShippedPoliciesEffectiveFrom = new(2022, 1, 1);

    /// <summary>
    /// The policies shipped as data (RULES.md preamble): one version per province and year that has a counterpart
    /// policy, with that province's support caps and the national advance cap and adjustment period. Also how a
    /// database whose values are still in <c>counterpart_policies</c> and <c>support_policies</c> gets them here.
    /// </summary>
    public static IReadOnlyList<Domain.Policies.ProvincePolicy> ProvincePolicies(DateTimeOffset now) =>
        FromRecords(CounterpartPolicies(), SupportPolicies(), now);

    public static IReadOnlyList<Domain.Policies.ProvincePolicy> FromRecords(
        IEnumerable<CounterpartPolicy> counterpart, IReadOnlyCollection<Domain.Proposals.SupportPolicyRecord> support, DateTimeOffset now) =>
        counterpart.Select(c =>
        {
            var caps = support.Where(s => s.ProvinceCode == c.ProvinceCode && s.FromFiscalYear <= c.FromFiscalYear)
                .OrderByDescending(s => s.FromFiscalYear).FirstOrDefault();
            var values = Domain.Policies.PolicyValues.Defaults(c.FromFiscalYear, c.Terms, c.Basis ?? "QĐ 02/2022/QĐ-TTg",
                caps?.Policy ?? Domain.Proposals.SupportPolicy.National, caps?.Basis ?? "NĐ 27/2022/NĐ-CP, NĐ 38/2023/NĐ-CP");
            var from = new DateOnly(c.FromFiscalYear, 1, 1);
            return new Domain.Policies.ProvincePolicy(c.ProvinceCode, c.FromFiscalYear, 1,
                from < ShippedPoliciesEffectiveFrom ? from : ShippedPoliciesEffectiveFrom, values, "system", now);
        }).ToList();
}
