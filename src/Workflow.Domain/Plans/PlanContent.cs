using Workflow.Domain.Catalog;

namespace Workflow.Domain.Plans;

/// <summary>What a plan file says (DESIGN.md §6): the import format, the export format and what a revision carries.</summary>
public sealed record PlanContent(
    int FiscalYear,
    UnitRef Unit,
    DecisionInfo Decision,
    CounterpartTerms? Counterpart,
    IReadOnlyList<PlanLineContent> Lines,
    IReadOnlyDictionary<FundingSource, long> Totals);

public sealed record UnitRef(string Code, string Name, AdminLevel Level, UnitRef? Parent);

public sealed record DecisionInfo(string? Number, DateOnly? Date, string? Issuer, string? Title, string? Basis);

/// <summary>
/// The counterpart policy a plan applies: the minimum local share of central funds (QĐ 02/2022/QĐ-TTg),
/// the rate of each local source, and the rounding unit rows may deviate by (RULES.md 4–5).
/// </summary>
public sealed record CounterpartTerms(decimal MinimumLocalRate, IReadOnlyDictionary<FundingSource, decimal> Rates, long RoundingUnit)
{
    public decimal RateOf(FundingSource source) => Rates.GetValueOrDefault(source);

    /// <summary>The legal basis of each value when the terms are a province's policy; null for a plan file's own block.</summary>
    public CounterpartBases? Bases { get; init; }
}

/// <summary>Where each counterpart value of a province's policy comes from.</summary>
public sealed record CounterpartBases(string MinimumLocalRate, string Rates, string RoundingUnit);

public sealed record PlanLineContent(string Component, string LeadAgency, IReadOnlyDictionary<FundingSource, long> Amounts)
{
    public long AmountOf(FundingSource source) => Amounts.GetValueOrDefault(source);
}
