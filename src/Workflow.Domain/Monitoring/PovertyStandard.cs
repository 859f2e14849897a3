namespace Workflow.Domain.Monitoring;

/// <summary>
/// A multidimensional poverty standard (chuẩn nghèo đa chiều) as data: NĐ 07/2021/NĐ-CP for 2022–2026, NĐ 351/2025/NĐ-CP
/// from 2027. A census names the standard it counted by, and figures counted by different standards are never compared
/// without saying so (<see cref="Crosses"/>).
/// </summary>
public sealed record PovertyStandard(
    string Code,
    string Name,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Basis,
    long RuralIncomeThreshold,
    long UrbanIncomeThreshold,
    int PoorMinDeprivations,
    IReadOnlyList<DeprivationIndicator> Indicators,
    bool IndicatorsComplete = true,
    string? Note = null)
{
    public bool CoversYear(int year) => ValidFrom.Year <= year && (ValidTo is not { } to || year <= to.Year);

    /// <summary>
    /// Whether the year-end review of <paramref name="reviewYear"/> counts by this standard: a review classifies households
    /// for the year that follows it (the end-2021 review used the 2022–2025 standard; the end-2026 review, NĐ 351/2025's).
    /// </summary>
    public bool CountsReviewOf(int reviewYear) => CoversYear(reviewYear + 1);

    public bool HasIndicator(string code) => Indicators.Any(i => i.Code == code);

    /// <summary>Whether a series from <paramref name="fromYear"/> to <paramref name="toYear"/> spans this standard's start or end.</summary>
    public bool Crosses(int fromYear, int toYear) =>
        fromYear <= toYear && (CoversYear(fromYear) != CoversYear(toYear));
}

/// <summary>One of the standard's deprivation indicators (chỉ số đo lường mức thiếu hụt), in its dimension.</summary>
public sealed record DeprivationIndicator(string Code, string Dimension, string Name);

/// <summary>The standards in force over time; picks the one for a year.</summary>
public sealed class PovertyStandards(IReadOnlyList<PovertyStandard> standards)
{
    public IReadOnlyList<PovertyStandard> All { get; } = standards;

    public PovertyStandard? Find(string code) => All.FirstOrDefault(s => s.Code == code);

    public PovertyStandard? ForYear(int year) => All.FirstOrDefault(s => s.CoversYear(year));

    public PovertyStandard? ForReviewOf(int reviewYear) => All.FirstOrDefault(s => s.CountsReviewOf(reviewYear));
}
