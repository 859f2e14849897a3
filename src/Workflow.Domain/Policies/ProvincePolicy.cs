using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Plans;
using Workflow.Domain.Proposals;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Policies;

/// <summary>One parameter of a province's policy: its value, the legal text it comes from, and whether the value is only illustrative (not yet confirmed in a resolution).</summary>
public sealed record PolicyValue<T>(T Value, string Basis, bool Illustrative = false)
{
    /// <summary>The basis as refusals and pages cite it: an illustrative value says so.</summary>
    public string Cited => Illustrative ? $"{Basis} — giá trị minh họa, chưa đối chiếu văn bản" : Basis;
}

/// <summary>
/// Every numeric rule parameter a province sets for a fiscal year (RULES.md preamble): counterpart (rules 4–5),
/// support caps and beneficiary shares (10–11), the advance cap (14), the amount above which the Approver must also
/// approve a disbursement (optional: none, no Approver step), deadlines per workflow state in working days (21, optional: they replace the
/// definition's) and the
/// end of the adjustment period that closes the year (19).
/// </summary>
public sealed record PolicyValues(
    PolicyValue<decimal> MinimumLocalRate,
    PolicyValue<IReadOnlyDictionary<FundingSource, decimal>> CounterpartRates,
    PolicyValue<long> RoundingUnit,
    PolicyValue<IReadOnlyDictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>>> SupportCapRates,
    PolicyValue<long> TaskBasedMaximum,
    PolicyValue<decimal> MinimumBeneficiaryShare,
    PolicyValue<decimal> PriorityBeneficiaryShare,
    PolicyValue<long> AdvanceContractAbove,
    PolicyValue<decimal> AdvanceMaxRate,
    PolicyValue<long>? ApproverAlsoAbove,
    PolicyValue<IReadOnlyDictionary<string, int>>? DeadlineDays,
    PolicyValue<DateOnly> AdjustmentPeriodEnd,
    PolicyValue<int>? PersonalDataRetentionYears = null)
{
    /// <summary>The longest retention period a province may set for personal-data files, in years.</summary>
    public const int MaxRetentionYears = 50;

    /// <summary>The basis of the adjustment period when a version does not state one.</summary>
    public const string AdjustmentPeriodBasis = "Luật NSNN 2015; NĐ 163/2016/NĐ-CP (chỉnh lý quyết toán đến 31/01 năm sau)";

    /// <summary>31 January of the year after the fiscal year: the end of chỉnh lý quyết toán.</summary>
    public static DateOnly DefaultAdjustmentPeriodEnd(int fiscalYear) => new(fiscalYear + 1, 1, 31);

    public CounterpartTerms Counterpart => new(MinimumLocalRate.Value, CounterpartRates.Value, RoundingUnit.Value)
    {
        Bases = new(MinimumLocalRate.Cited, CounterpartRates.Cited, RoundingUnit.Cited),
    };

    public SupportPolicy Support => new(SupportCapRates.Value, TaskBasedMaximum.Value, MinimumBeneficiaryShare.Value, PriorityBeneficiaryShare.Value)
    {
        Bases = new(SupportCapRates.Cited, TaskBasedMaximum.Cited, MinimumBeneficiaryShare.Cited),
    };

    /// <summary>The working days a task of <paramref name="definitionId"/>'s <paramref name="state"/> gets (key <c>proposal.Submitted</c>); null to keep the definition's.</summary>
    public int? DeadlineFor(string definitionId, string state) =>
        DeadlineDays?.Value.TryGetValue($"{definitionId}.{state}", out var days) == true ? days : null;

    public AdvanceCapPolicy Advance => new(AdvanceContractAbove.Value, AdvanceMaxRate.Value) { Basis = AdvanceMaxRate.Cited };

    /// <summary>What RULES.md says before any province decides: the values a new policy starts from.</summary>
    public static PolicyValues Defaults(int fiscalYear, CounterpartTerms counterpart, string counterpartBasis, SupportPolicy support, string supportBasis) => new(
        new(counterpart.MinimumLocalRate, counterpartBasis),
        new(FundingSources.LocalBudget.Where(counterpart.Rates.ContainsKey).ToDictionary(s => s, s => counterpart.Rates[s]), counterpartBasis),
        new(counterpart.RoundingUnit, counterpartBasis),
        new(support.CapRates, supportBasis),
        new(support.TaskBasedMaximum, supportBasis),
        new(support.MinimumBeneficiaryShare, supportBasis),
        new(support.PriorityBeneficiaryShare, supportBasis),
        new(AdvanceCapPolicy.National.ContractAbove, AdvanceCap.Source),
        new(AdvanceCapPolicy.National.MaxRate, AdvanceCap.Source),
        null,
        null,
        new(DefaultAdjustmentPeriodEnd(fiscalYear), AdjustmentPeriodBasis));

    /// <summary>
    /// Checks of the values themselves (rates 0–1, amounts ≥ 0, a basis for each value, the priority share not below
    /// the minimum, the adjustment period after the year), each at its JSON path under <paramref name="path"/>.
    /// </summary>
    public IEnumerable<Violation> Check(int fiscalYear, string path = "values")
    {
        var v = new List<Violation>();
        Rate(MinimumLocalRate, $"{path}.minimumLocalRate", v);
        Basis(CounterpartRates.Basis, $"{path}.counterpartRates", v);
        foreach (var (source, rate) in CounterpartRates.Value)
        {
            if (!FundingSources.LocalBudget.Contains(source))
                v.Add(new($"{path}.counterpartRates.value.{source}", $"Chỉ ngân sách địa phương (Provincial, District, Commune) có tỷ lệ đối ứng; '{source}' không hợp lệ."));
            else if (rate is < 0 or > 1)
                v.Add(new($"{path}.counterpartRates.value.{source}", $"Tỷ lệ phải từ 0 đến 1 (đã ghi {rate})."));
            else if (source == FundingSource.District && Plans.Rules.TwoLevelGovernment.CheckPolicyRate(fiscalYear, rate, $"{path}.counterpartRates.value.{source}") is { } twoLevel)
                v.Add(twoLevel);
        }
        if (RoundingUnit.Value is <= 0 or > 1_000_000_000)
            v.Add(new($"{path}.roundingUnit.value", "Đơn vị làm tròn phải lớn hơn 0 và không quá 1.000.000.000 đồng."));
        Basis(RoundingUnit.Basis, $"{path}.roundingUnit", v);
        Basis(SupportCapRates.Basis, $"{path}.supportCapRates", v);
        foreach (var (kind, areas) in SupportCapRates.Value)
            foreach (var (area, rate) in areas)
                if (rate is < 0 or > 1)
                    v.Add(new($"{path}.supportCapRates.value.{kind}.{area}", $"Tỷ lệ hỗ trợ phải từ 0 đến 1 (đã ghi {rate})."));
        Amount(TaskBasedMaximum, $"{path}.taskBasedMaximum", v);
        Rate(MinimumBeneficiaryShare, $"{path}.minimumBeneficiaryShare", v);
        Rate(PriorityBeneficiaryShare, $"{path}.priorityBeneficiaryShare", v);
        if (PriorityBeneficiaryShare.Value < MinimumBeneficiaryShare.Value)
            v.Add(new($"{path}.priorityBeneficiaryShare.value", $"Tỷ lệ được ưu tiên ({PriorityBeneficiaryShare.Value}) không thấp hơn tỷ lệ tối thiểu ({MinimumBeneficiaryShare.Value})."));
        Amount(AdvanceContractAbove, $"{path}.advanceContractAbove", v);
        Rate(AdvanceMaxRate, $"{path}.advanceMaxRate", v);
        if (ApproverAlsoAbove is { } approver) Amount(approver, $"{path}.approverAlsoAbove", v);
        if (DeadlineDays is { } deadlines)
        {
            Basis(deadlines.Basis, $"{path}.deadlineDays", v);
            foreach (var (state, days) in deadlines.Value)
                if (state.Split('.') is not [{ Length: > 0 }, { Length: > 0 }])
                    v.Add(new($"{path}.deadlineDays.value.{state}", $"Khóa '{state}' ghi quy trình.trạng thái, ví dụ proposal.Submitted."));
                else if (days is < 1 or > 365)
                    v.Add(new($"{path}.deadlineDays.value.{state}", $"Thời hạn phải từ 1 đến 365 ngày làm việc (đã ghi {days})."));
        }
        if (AdjustmentPeriodEnd.Value < new DateOnly(fiscalYear, 12, 31) || AdjustmentPeriodEnd.Value > new DateOnly(fiscalYear + 1, 12, 31))
            v.Add(new($"{path}.adjustmentPeriodEnd.value", $"Hết thời gian chỉnh lý quyết toán phải trong khoảng 31/12/{fiscalYear} – 31/12/{fiscalYear + 1} (đã ghi {AdjustmentPeriodEnd.Value:dd/MM/yyyy})."));
        Basis(AdjustmentPeriodEnd.Basis, $"{path}.adjustmentPeriodEnd", v);
        if (PersonalDataRetentionYears is { } retention)
        {
            if (retention.Value is < 1 or > MaxRetentionYears)
                v.Add(new($"{path}.personalDataRetentionYears.value", $"Thời hạn lưu tệp có dữ liệu cá nhân phải từ 1 đến {MaxRetentionYears} năm sau khi hồ sơ kết thúc (đã ghi {retention.Value})."));
            Basis(retention.Basis, $"{path}.personalDataRetentionYears", v);
        }
        return v;
    }

    private static void Rate(PolicyValue<decimal> value, string path, List<Violation> v)
    {
        if (value.Value is < 0 or > 1) v.Add(new($"{path}.value", $"Tỷ lệ phải từ 0 đến 1 (đã ghi {value.Value})."));
        Basis(value.Basis, path, v);
    }

    private static void Amount(PolicyValue<long> value, string path, List<Violation> v)
    {
        if (value.Value is < 0 or > Money.Vnd.MaxAmount) v.Add(new($"{path}.value", $"Số tiền phải từ 0 đến {Money.Vnd.Format(Money.Vnd.MaxAmount)} (đã ghi {value.Value})."));
        Basis(value.Basis, path, v);
    }

    public const int MaxBasisLength = 512;

    private static void Basis(string? basis, string path, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(basis)) v.Add(new($"{path}.basis", "Nêu căn cứ pháp lý của giá trị này (số, ký hiệu văn bản)."));
        else if (basis.Length > MaxBasisLength) v.Add(new($"{path}.basis", $"Căn cứ dài quá {MaxBasisLength} ký tự."));
    }
}

/// <summary>
/// A province's policy for one fiscal year, one version of it: a new version applies from its effective date on, and
/// what was checked before keeps the version it was checked against (plans, proposals and disbursements record its id).
/// Data an administrator or the province's finance office adds to; never edited in place.
/// </summary>
public sealed class ProvincePolicy
{
    private ProvincePolicy() { ProvinceCode = ""; Values = null!; }

    public ProvincePolicy(string provinceCode, int fiscalYear, int version, DateOnly effectiveFrom, PolicyValues values, string createdBy, DateTimeOffset createdAt)
    {
        ProvinceCode = provinceCode;
        FiscalYear = fiscalYear;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Values = values;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string ProvinceCode { get; private set; }
    public int FiscalYear { get; private set; }
    /// <summary>1, 2, … per province and fiscal year.</summary>
    public int Version { get; private set; }
    /// <summary>The first day (Vietnam time) the version applies.</summary>
    public DateOnly EffectiveFrom { get; private set; }
    public PolicyValues Values { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset EffectiveAt => new(EffectiveFrom.ToDateTime(TimeOnly.MinValue), WorkingCalendar.VietnamOffset);

    /// <summary>
    /// The end of the adjustment period for <paramref name="fiscalYear"/>: a policy recorded for an earlier year and
    /// still in force carries its date forward by the difference in years.
    /// </summary>
    public PolicyValue<DateOnly> AdjustmentPeriodEndFor(int fiscalYear) =>
        Values.AdjustmentPeriodEnd with { Value = Values.AdjustmentPeriodEnd.Value.AddYears(fiscalYear - FiscalYear) };

    /// <summary>
    /// Of one province's versions, the one in force for <paramref name="fiscalYear"/> at <paramref name="at"/>: the
    /// latest fiscal year not after it (a year's policy holds until a later year has one), and of that year's
    /// versions the latest already effective — or, before any is, the year's first version: next year's plan is
    /// prepared before the year begins.
    /// </summary>
    public static ProvincePolicy? InForce(IEnumerable<ProvincePolicy> versions, int fiscalYear, DateTimeOffset at)
    {
        var year = versions.Where(p => p.FiscalYear <= fiscalYear).GroupBy(p => p.FiscalYear).MaxBy(g => g.Key);
        if (year is null) return null;
        return year.Where(p => p.EffectiveAt <= at).OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Version).FirstOrDefault()
            ?? year.OrderBy(p => p.EffectiveFrom).ThenBy(p => p.Version).First();
    }
}
