using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Domain.Plans;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Seeding;

/// <summary>
/// The two-level demo organisation (from 1/7/2025): the merged province of Đồng Nai (NQ 1662/NQ-UBTVQH15 of 16/6/2025:
/// 72 communes, 23 wards, Bình Phước merged into it) and two of the communes that succeeded the former Hớn Quản district.
/// That Xã Tân Khai was formed from thị trấn Tân Khai, Tân Hiệp and Đồng Nơ, and Xã Tân Hưng from Tân Hưng, An Khương and
/// Thanh An, comes from public datasets of the new units, not from the resolution's text. Agency names marked
/// illustrative stand for offices whose exact names vary by commune.
/// </summary>
public static class DongNai2026
{
    public const string Province = "DN";
    public const string TanKhai = "DN.TK";
    public const string TanHung = "DN.TH";
    public const int FirstYear = 2026;

    /// <summary>The day the communes' offices took over from the district's.</summary>
    public static readonly DateOnly TwoLevelsFrom = new(2025, 7, 1);

    public const string TanKhaiAgriculture = "DN.TK.DVNN";
    public const string TanKhaiCulture = "DN.TK.VHXH";
    public const string TanKhaiEconomy = "DN.TK.KT";
    public const string TanKhaiCommittee = "DN.TK.UBND";
    public const string TanHungAgriculture = "DN.TH.DVNN";
    public const string TanHungEconomy = "DN.TH.KT";
    public const string TanHungCommittee = "DN.TH.UBND";
    public const string RegionalTreasury = "DN.KBKV";
    public const string ProvinceDepartment = "DN.SNNMT";
    public const string ProvinceAdministration = "DN.QTHT";

    public static readonly IReadOnlyList<Agency> Agencies =
    [
        // illustrative: the public agricultural service that works for the commune
        new(TanKhaiAgriculture, "Trung tâm Dịch vụ nông nghiệp khu vực Tân Khai", AgencyKind.LeadAgency, TanKhai),
        new(TanKhaiCulture, "Phòng Văn hóa - Xã hội xã Tân Khai", AgencyKind.LeadAgency, TanKhai),
        new(TanKhaiEconomy, "Phòng Kinh tế xã Tân Khai", AgencyKind.FinanceOffice, TanKhai),
        new(TanKhaiCommittee, "UBND xã Tân Khai", AgencyKind.PeoplesCommittee, TanKhai),
        new(TanHungAgriculture, "Trung tâm Dịch vụ nông nghiệp khu vực Tân Hưng", AgencyKind.LeadAgency, TanHung),
        new(TanHungEconomy, "Phòng Kinh tế xã Tân Hưng", AgencyKind.FinanceOffice, TanHung),
        new(TanHungCommittee, "UBND xã Tân Hưng", AgencyKind.PeoplesCommittee, TanHung),
        // illustrative: the State Treasury's regional transaction office that serves both communes
        new(RegionalTreasury, "Phòng Giao dịch Kho bạc Nhà nước khu vực Tân Khai - Tân Hưng", AgencyKind.Treasury, Province),
        new(ProvinceDepartment, "Sở Nông nghiệp và Môi trường tỉnh Đồng Nai", AgencyKind.StandingOffice, Province),
        new(ProvinceAdministration, "Bộ phận quản trị hệ thống tỉnh Đồng Nai", AgencyKind.Administration, Province),
    ];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("tk.nongnghiep", "Cán bộ Trung tâm Dịch vụ nông nghiệp (Tân Khai)", TanKhaiAgriculture, TanKhai, [Roles.LeadAgency]),
        new("tk.vanhoa", "Cán bộ Phòng Văn hóa - Xã hội xã Tân Khai", TanKhaiCulture, TanKhai, [Roles.LeadAgency]),
        new("tk.kinhte", "Cán bộ Phòng Kinh tế xã Tân Khai", TanKhaiEconomy, TanKhai, [Roles.FinanceOffice]),
        new("tk.kinhte2", "Cán bộ Phòng Kinh tế xã Tân Khai (2)", TanKhaiEconomy, TanKhai, [Roles.FinanceOffice]),
        new("tk.chutich", "Chủ tịch UBND xã Tân Khai", TanKhaiCommittee, TanKhai, [Roles.Approver]),
        // the commune's standing office for the programme's monitoring (TT 10/2022 Art. 4): enters the poverty census and targets
        new("tk.giamsat", "Cán bộ giám sát, đánh giá xã Tân Khai (Phòng Kinh tế)", TanKhaiEconomy, TanKhai, [Roles.MonitoringOfficer]),
        new("th.nongnghiep", "Cán bộ Trung tâm Dịch vụ nông nghiệp (Tân Hưng)", TanHungAgriculture, TanHung, [Roles.LeadAgency]),
        new("th.kinhte", "Cán bộ Phòng Kinh tế xã Tân Hưng", TanHungEconomy, TanHung, [Roles.FinanceOffice]),
        new("th.chutich", "Chủ tịch UBND xã Tân Hưng", TanHungCommittee, TanHung, [Roles.Approver]),
        new("khobac.kv", "Cán bộ Phòng Giao dịch Kho bạc Nhà nước khu vực", RegionalTreasury, Province, [Roles.Treasury]),
        new("dn.giamsat", "Cán bộ Sở Nông nghiệp và Môi trường", ProvinceDepartment, Province, [Roles.Monitor]),
        // the province's standing office compiles the communes' submitted reports into the province's (TT 10/2022 Art. 4)
        new("dn.tonghop", "Cán bộ tổng hợp giám sát, đánh giá tỉnh Đồng Nai (Sở Nông nghiệp và Môi trường)", ProvinceDepartment, Province, [Roles.MonitoringOfficer]),
        new("dn.quantri", "Quản trị hệ thống tỉnh Đồng Nai", ProvinceAdministration, Province, [Roles.Admin]),
    ];

    /// <summary>Each commune's finance office appraises, its People's Committee approves, the regional treasury pays (RULES.md 22).</summary>
    public static IReadOnlyList<UnitAssignment> Assignments() =>
    [
        new(TanKhai, UnitPart.Appraiser, TanKhaiEconomy, TwoLevelsFrom),
        new(TanKhai, UnitPart.Approver, TanKhaiCommittee, TwoLevelsFrom),
        new(TanKhai, UnitPart.Treasury, RegionalTreasury, TwoLevelsFrom),
        new(TanHung, UnitPart.Appraiser, TanHungEconomy, TwoLevelsFrom),
        new(TanHung, UnitPart.Approver, TanHungCommittee, TwoLevelsFrom),
        new(TanHung, UnitPart.Treasury, RegionalTreasury, TwoLevelsFrom),
    ];

    private const string Illustrative2026 = "QĐ 16/2026/QĐ-TTg (tỷ lệ đối ứng giai đoạn 2026–2035, chưa đối chiếu); thay bằng nghị quyết của HĐND tỉnh";
    /// <summary>Disbursements above 500 million đồng also go to the chairman (PROCESSES.md's example figure).</summary>
    public const long ApproverAlsoAbove = 500_000_000;
    private const string ApproverBasis = "Quy chế phân cấp duyệt chi của UBND tỉnh (mức minh họa theo PROCESSES.md)";
    private const string CapsBasis = "NĐ 27/2022/NĐ-CP, NĐ 38/2023/NĐ-CP (giai đoạn 2021–2025; áp dụng tạm cho năm {0} đến khi có quy định mới)";

    /// <summary>
    /// The province's policy for a fiscal year, its counterpart values illustrative: 15 % minimum as under QĐ 02/2022's
    /// band for a province that relies on the centre for under half its budget, 10 % on the province and 5 % on the commune;
    /// disbursements above 500 million also approved by the commune's chairman.
    /// </summary>
    public static PolicyValues PolicyValues(int fiscalYear)
    {
        var terms = new CounterpartTerms(0.15m, new Dictionary<FundingSource, decimal>
        {
            [FundingSource.Provincial] = 0.10m,
            [FundingSource.Commune] = 0.05m,
        }, 1_000_000);
        var values = Domain.Policies.PolicyValues.Defaults(fiscalYear, terms, Illustrative2026, SupportPolicy.National, string.Format(CapsBasis, fiscalYear));
        return values with
        {
            MinimumLocalRate = values.MinimumLocalRate with { Illustrative = true },
            CounterpartRates = values.CounterpartRates with { Illustrative = true },
            RoundingUnit = values.RoundingUnit with { Illustrative = true },
            SupportCapRates = values.SupportCapRates with { Illustrative = true },
            TaskBasedMaximum = values.TaskBasedMaximum with { Illustrative = true },
            ApproverAlsoAbove = new(ApproverAlsoAbove, ApproverBasis, Illustrative: true),
        };
    }

    /// <summary>A commune's plan for a year: central money per line with the policy's 10 % provincial and 5 % commune shares.</summary>
    public static PlanContent Plan(string unit, int fiscalYear)
    {
        var (name, lines) = unit == TanKhai
            ? ("Xã Tân Khai", new (string Component, string Agency, long Central)[]
            {
                ("DA2", "Trung tâm Dịch vụ nông nghiệp khu vực Tân Khai", 1_200_000_000),
                ("DA3.1", "Trung tâm Dịch vụ nông nghiệp khu vực Tân Khai", 800_000_000),
                ("DA4.3", "Phòng Văn hóa - Xã hội xã Tân Khai", 300_000_000),
                ("DA6", "Phòng Văn hóa - Xã hội xã Tân Khai", 200_000_000),
            })
            : ("Xã Tân Hưng", new (string Component, string Agency, long Central)[]
            {
                ("DA2", "Trung tâm Dịch vụ nông nghiệp khu vực Tân Hưng", 1_000_000_000),
                ("DA3.1", "Trung tâm Dịch vụ nông nghiệp khu vực Tân Hưng", 600_000_000),
            });
        static Dictionary<FundingSource, long> Split(long central) => new()
        {
            [FundingSource.Central] = central,
            [FundingSource.Provincial] = central / 10,
            [FundingSource.Commune] = central / 20,
        };
        var planLines = lines.Select(l => new PlanLineContent(l.Component, l.Agency, Split(l.Central))).ToList();
        return new PlanContent(
            fiscalYear,
            new UnitRef(unit, name, AdminLevel.Commune, new UnitRef(Province, "Tỉnh Đồng Nai", AdminLevel.Province, null)),
            new DecisionInfo(null, null, $"UBND {Lower(name)}",
                $"Kế hoạch thực hiện Chương trình mục tiêu quốc gia năm {fiscalYear} trên địa bàn {Lower(name)} (số liệu minh họa)",
                $"Chính sách của tỉnh Đồng Nai năm {fiscalYear}"),
            null,
            planLines,
            Split(lines.Sum(l => l.Central)));
    }

    /// <summary>"Xã Tân Khai" as it reads inside a sentence: "xã Tân Khai".</summary>
    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>A demo account: its agency and unit, and its roles.</summary>
public sealed record DemoUser(string UserName, string DisplayName, string Agency, string Unit, string[] Roles);
