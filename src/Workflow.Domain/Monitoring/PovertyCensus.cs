using Workflow.Domain.Common;
using Workflow.Domain.Plans;

namespace Workflow.Domain.Monitoring;

/// <summary>One group of households in a census (poor, or near-poor): the count and the breakdowns the forms ask for.</summary>
/// <param name="Households">Number of households (hộ).</param>
/// <param name="Persons">Number of people in them (khẩu), when known.</param>
/// <param name="UnableToWork">Households with no member able to work (không có khả năng lao động).</param>
/// <param name="SocialProtection">Households living on social protection (thuộc diện bảo trợ xã hội).</param>
/// <param name="Khmer">Khmer households, a part of <paramref name="EthnicMinority"/> the Mekong delta's documents count.</param>
/// <param name="MeritFamily">Households of people with meritorious service (gia đình có công với cách mạng).</param>
public sealed record HouseholdCounts(
    int Households, int? Persons = null, int? Rural = null, int? Urban = null, int? EthnicMinority = null,
    int? UnableToWork = null, int? SocialProtection = null, int? Khmer = null, int? MeritFamily = null);

/// <summary>What moved between two reviews (biến động): households leaving and entering poverty and near-poverty.</summary>
public sealed record PovertyFlows(
    int? EscapedPoor = null, int? EscapedNearPoor = null, int? NewlyPoor = null, int? RePoor = null, int? NewlyNearPoor = null);

/// <summary>How many poor and near-poor households lack one indicator of the standard.</summary>
public sealed record DeprivationCount(string Indicator, int? Poor, int? NearPoor);

/// <summary>
/// A rate as the source document printed it, kept beside the counts: the system shows the computed rate and keeps this
/// one as a note. <see cref="Of"/> is <c>poor</c> or <c>nearPoor</c> (of all households), a breakdown such as
/// <c>poor.unableToWork</c> (of that group), or <c>{indicator}.poor</c> / <c>{indicator}.nearPoor</c> (of that group).
/// </summary>
/// <param name="Per">What the document divided by, when it says (<c>totalHouseholds</c>…).</param>
public sealed record StatedRate(string Of, decimal Rate, string? Text = null, string? Per = null);

/// <summary>
/// The approved poverty census of a unit, or of one of its hamlets or residential groups, for a year (kết quả rà soát hộ
/// nghèo, hộ cận nghèo): the baseline every target and result is measured from. Counts only; rates are computed
/// (<see cref="PovertyRate"/>).
/// </summary>
public sealed class PovertyCensus
{
    private PovertyCensus()
    {
        UnitCode = UnitName = Scope = StandardCode = RecordedBy = "";
        Deprivations = [];
        StatedRates = [];
        Notes = [];
    }

    private PovertyCensus(Guid id, string unitCode, string unitName, string? subUnitCode, int year, DateOnly? asOf, string standardCode, string? basis,
        int? totalHouseholds, HouseholdCounts? poor, HouseholdCounts? nearPoor, PovertyFlows? flows,
        IReadOnlyList<DeprivationCount> deprivations, IReadOnlyList<StatedRate> statedRates, IReadOnlyList<string> notes,
        string recordedBy, DateTimeOffset recordedAt)
    {
        Id = id;
        UnitCode = unitCode;
        UnitName = unitName;
        SubUnitCode = subUnitCode;
        Scope = subUnitCode ?? "";
        Year = year;
        AsOf = asOf;
        StandardCode = standardCode;
        Basis = basis;
        TotalHouseholds = totalHouseholds;
        Poor = poor;
        NearPoor = nearPoor;
        Flows = flows;
        Deprivations = [.. deprivations];
        StatedRates = [.. statedRates];
        Notes = [.. notes];
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        Revision = 1;
    }

    public Guid Id { get; private set; }
    public string UnitCode { get; private set; }

    /// <summary>The unit's name as the census was recorded: a unit merged since keeps its name in its history.</summary>
    public string UnitName { get; private set; }

    /// <summary>The hamlet or residential group (thôn, ấp, tổ dân phố…) of <see cref="UnitCode"/>; null for the unit as a whole.</summary>
    public string? SubUnitCode { get; private set; }

    /// <summary><see cref="SubUnitCode"/>, or "" for the whole unit: one census per unit, part and year is a unique key on every engine.</summary>
    public string Scope { get; private set; }

    /// <summary>The year of the review (rà soát cuối năm): its figures are the baseline of the year after.</summary>
    public int Year { get; private set; }

    /// <summary>The day the figures stand at (usually 31/12 of <see cref="Year"/>).</summary>
    public DateOnly? AsOf { get; private set; }
    public string StandardCode { get; private set; }

    /// <summary>The decision approving the review's result, when known.</summary>
    public string? Basis { get; private set; }
    public int? TotalHouseholds { get; private set; }
    public HouseholdCounts? Poor { get; private set; }
    public HouseholdCounts? NearPoor { get; private set; }
    public PovertyFlows? Flows { get; private set; }
    public IReadOnlyList<DeprivationCount> Deprivations { get; private set; }
    public IReadOnlyList<StatedRate> StatedRates { get; private set; }
    public IReadOnlyList<string> Notes { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Replaces the figures with those of a checked census of the same unit, part and year; the revision counts corrections.</summary>
    public void Correct(PovertyCensus figures)
    {
        if (figures.UnitCode != UnitCode || figures.Scope != Scope || figures.Year != Year)
            throw new InvalidOperationException("A correction replaces the figures of the same unit, part and year.");
        (AsOf, StandardCode, Basis, TotalHouseholds, Poor, NearPoor, Flows) =
            (figures.AsOf, figures.StandardCode, figures.Basis, figures.TotalHouseholds, figures.Poor, figures.NearPoor, figures.Flows);
        (Deprivations, StatedRates, Notes, RecordedBy, RecordedAt) =
            (figures.Deprivations, figures.StatedRates, figures.Notes, figures.RecordedBy, figures.RecordedAt);
        Revision++;
    }

    public decimal? PoorRate => PovertyRate.Percent(Poor?.Households, TotalHouseholds);
    public decimal? NearPoorRate => PovertyRate.Percent(NearPoor?.Households, TotalHouseholds);

    /// <summary>Records a census after <see cref="Check"/>; throws <see cref="ValidationFailedException"/> with every problem.</summary>
    public static PovertyCensus Record(Guid id, string unitCode, string unitName, string? subUnitCode, int year, DateOnly? asOf, PovertyStandard? standard,
        string standardCode, string? basis, int? totalHouseholds, HouseholdCounts? poor, HouseholdCounts? nearPoor, PovertyFlows? flows,
        IReadOnlyList<DeprivationCount>? deprivations, IReadOnlyList<StatedRate>? statedRates, IReadOnlyList<string>? notes,
        string recordedBy, DateTimeOffset recordedAt)
    {
        deprivations ??= [];
        statedRates ??= [];
        var problems = Check(year, standard, standardCode, totalHouseholds, poor, nearPoor, flows, deprivations, statedRates);
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        return new PovertyCensus(id, unitCode, unitName, string.IsNullOrWhiteSpace(subUnitCode) ? null : subUnitCode.Trim(), year, asOf, standard!.Code,
            string.IsNullOrWhiteSpace(basis) ? null : basis.Trim(), totalHouseholds, poor, nearPoor, flows, deprivations, statedRates,
            notes ?? [], recordedBy, recordedAt);
    }

    /// <summary>
    /// Whether the figures can be true at all: counts not negative, parts within their whole, the standard in force for
    /// the year and its indicators. Plausible-but-inconsistent figures (a stated rate that does not match, sub-units
    /// that do not add up) are warnings, not errors: real approved documents have them (<see cref="Checks"/>).
    /// </summary>
    public static IReadOnlyList<Violation> Check(int year, PovertyStandard? standard, string standardCode, int? totalHouseholds,
        HouseholdCounts? poor, HouseholdCounts? nearPoor, PovertyFlows? flows, IReadOnlyList<DeprivationCount> deprivations,
        IReadOnlyList<StatedRate> statedRates)
    {
        var v = new List<Violation>();
        if (year < PlanRules.FirstFiscalYear - 2 || year > PlanRules.LastFiscalYear)
            v.Add(new("year", $"Năm {year} nằm ngoài các năm {PlanRules.FirstFiscalYear - 2}–{PlanRules.LastFiscalYear} mà hệ thống quản lý."));
        if (standard is null)
            v.Add(new("standard", $"Không có chuẩn nghèo mã '{standardCode}'."));
        else if (!standard.CountsReviewOf(year))
            v.Add(new("standard", $"Chuẩn nghèo {standard.Code} áp dụng từ {standard.ValidFrom:dd/MM/yyyy}{(standard.ValidTo is { } to ? $" đến {to:dd/MM/yyyy}" : "")}, không dùng cho kết quả rà soát cuối năm {year} (xác định hộ nghèo năm {year + 1})."));
        if (totalHouseholds is < 1) v.Add(new("totalHouseholds", $"Tổng số hộ phải lớn hơn 0 (đã nhập {totalHouseholds})."));
        if (poor is null && nearPoor is null) v.Add(new("$", "Kết quả rà soát cần ít nhất số hộ nghèo hoặc số hộ cận nghèo."));
        CheckGroup(poor, "poor", "hộ nghèo", v);
        CheckGroup(nearPoor, "nearPoor", "hộ cận nghèo", v);
        var inPoverty = (poor?.Households ?? 0) + (nearPoor?.Households ?? 0);
        if (totalHouseholds is { } total && inPoverty > total)
            v.Add(new("totalHouseholds", $"Hộ nghèo và cận nghèo ({inPoverty}) nhiều hơn tổng số hộ ({total})."));
        if (flows is not null)
            foreach (var (value, field) in new[] { (flows.EscapedPoor, "escapedPoor"), (flows.EscapedNearPoor, "escapedNearPoor"), (flows.NewlyPoor, "newlyPoor"), (flows.RePoor, "rePoor"), (flows.NewlyNearPoor, "newlyNearPoor") })
                if (value is < 0) v.Add(new($"flows.{field}", $"Số hộ không được âm (đã nhập {value})."));
        var seen = new HashSet<string>();
        for (var i = 0; i < deprivations.Count; i++)
        {
            var d = deprivations[i];
            if (d is null || string.IsNullOrWhiteSpace(d.Indicator))
            {
                v.Add(new($"deprivations[{i}].indicator", "Mỗi dòng thiếu hụt cần mã chỉ số (indicator)."));
                continue;
            }
            if (standard is not null && !standard.HasIndicator(d.Indicator))
                v.Add(new($"deprivations[{i}].indicator", $"Chuẩn nghèo {standard.Code} không có chỉ số '{d.Indicator}' (các chỉ số: {string.Join(", ", standard.Indicators.Select(x => x.Code))})."));
            if (!seen.Add(d.Indicator)) v.Add(new($"deprivations[{i}].indicator", $"Chỉ số '{d.Indicator}' đã có ở dòng trước."));
            if (d.Poor is < 0) v.Add(new($"deprivations[{i}].poor", $"Số hộ không được âm (đã nhập {d.Poor})."));
            if (d.NearPoor is < 0) v.Add(new($"deprivations[{i}].nearPoor", $"Số hộ không được âm (đã nhập {d.NearPoor})."));
            if (d.Poor is { } p && poor is not null && p > poor.Households)
                v.Add(new($"deprivations[{i}].poor", $"{p} hộ nghèo thiếu hụt chỉ số này, nhiều hơn số hộ nghèo ({poor.Households})."));
            if (d.NearPoor is { } n && nearPoor is not null && n > nearPoor.Households)
                v.Add(new($"deprivations[{i}].nearPoor", $"{n} hộ cận nghèo thiếu hụt chỉ số này, nhiều hơn số hộ cận nghèo ({nearPoor.Households})."));
        }
        for (var i = 0; i < statedRates.Count; i++)
        {
            if (statedRates[i] is null || string.IsNullOrWhiteSpace(statedRates[i].Of))
                v.Add(new($"statedRates[{i}].of", "Tỷ lệ văn bản nêu cần ghi là tỷ lệ của nhóm nào (of), ví dụ \"poor\" hoặc \"nearPoor.ethnicMinority\"."));
            else if (statedRates[i].Rate is < 0 or > 100)
                v.Add(new($"statedRates[{i}].rate", $"Tỷ lệ phải từ 0 đến 100 % (đã nhập {statedRates[i].Rate})."));
        }
        return v;
    }

    private static void CheckGroup(HouseholdCounts? group, string path, string label, List<Violation> v)
    {
        if (group is null) return;
        if (group.Households < 0) v.Add(new($"{path}.households", $"Số {label} không được âm (đã nhập {group.Households})."));
        foreach (var (value, field, name) in new[]
                 {
                     (group.Rural, "rural", "ở nông thôn"), (group.Urban, "urban", "ở thành thị"), (group.EthnicMinority, "ethnicMinority", "dân tộc thiểu số"),
                     (group.UnableToWork, "unableToWork", "không có khả năng lao động"), (group.SocialProtection, "socialProtection", "thuộc diện bảo trợ xã hội"),
                     (group.Khmer, "khmer", "là đồng bào Khmer"), (group.MeritFamily, "meritFamily", "là gia đình có công"),
                 })
        {
            if (value is < 0) v.Add(new($"{path}.{field}", $"Số hộ không được âm (đã nhập {value})."));
            else if (value > group.Households)
                v.Add(new($"{path}.{field}", $"{value} {label} {name}, nhiều hơn tổng số {label} ({group.Households})."));
        }
        if (group.Rural is { } r && group.Urban is { } u && r + u != group.Households)
            v.Add(new($"{path}.urban", $"{label} ở nông thôn ({r}) và thành thị ({u}) cộng lại {r + u}, khác tổng số {group.Households}."));
        if (group.Persons is { } persons && persons < group.Households)
            v.Add(new($"{path}.persons", $"Số khẩu ({persons}) ít hơn số hộ ({group.Households}): mỗi hộ có ít nhất một người."));
    }
}
