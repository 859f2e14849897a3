namespace Workflow.Domain.Monitoring.Indicators;

/// <summary>Where an indicator sits in the results framework (TT 10/2022 Phụ lục III Biểu 01).</summary>
public enum IndicatorLevel { Impact, Outcome, Output }

/// <summary>How a parent's value is made from its children's: counts add; a ratio is its summed numerator over its summed denominator.</summary>
public enum IndicatorAggregationKind { Sum, Ratio }

/// <summary>
/// One row of a programme period's indicator catalogue (<c>catalogues/monitoring/indicators/{period}.json</c>).
/// </summary>
/// <param name="Component">The component it reports on (<c>DA2</c>, <c>DA4.1</c>), or null for the whole programme.</param>
/// <param name="Numerator">For a ratio: the sum indicator counted above the line.</param>
/// <param name="Denominator">For a ratio: the sum indicator counted below the line.</param>
/// <param name="Proposed">The row is proposed from practice, not read in the circular's annex (research notes mark it [U]).</param>
public sealed record Indicator(
    string Code, string Name, string Unit, IndicatorLevel Level, string? Component, IndicatorAggregationKind Aggregation,
    string? Numerator, string? Denominator, string? Source, bool Proposed)
{
    public bool IsCount => Aggregation == IndicatorAggregationKind.Sum;

    /// <summary>Planned and actual outputs of a sub-project are counts at output level, of its own component or of the whole programme.</summary>
    public bool MeasuresOutputOf(string component) =>
        Level == IndicatorLevel.Output && IsCount && (Component is null || Component == component);
}

/// <summary>A quantity of an output indicator: planned on a proposal, or reached at its acceptance.</summary>
public sealed record OutputQuantity(string Indicator, long Quantity);
