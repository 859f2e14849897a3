namespace Workflow.Domain.Monitoring.Indicators;

/// <summary>A compiled indicator: a count, or a percent with the numerator and denominator it was computed from.</summary>
public sealed record IndicatorValue(string Indicator, long? Count, decimal? Percent, long? Numerator, long? Denominator);

/// <summary>
/// Adds children's figures into a parent's: counts add; a ratio is recomputed from the summed numerator and summed
/// denominator — never an average of the children's rates, which weighs a hamlet of 10 households like one of 1,000.
/// </summary>
public static class IndicatorAggregation
{
    /// <param name="parts">Each child's counts by indicator code; a ratio's own value in a part is ignored.</param>
    /// <returns>Every indicator of the catalogue that some part counts, or that is a ratio of counted parts.</returns>
    public static IReadOnlyList<IndicatorValue> Aggregate(IndicatorCatalogue catalogue, IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (code, value) in part)
                if (catalogue.Find(code) is { IsCount: true })
                    sums[code] = checked(sums.GetValueOrDefault(code) + value);
        var values = new List<IndicatorValue>();
        foreach (var indicator in catalogue.Indicators)
        {
            if (indicator.IsCount)
            {
                if (sums.TryGetValue(indicator.Code, out var sum)) values.Add(new(indicator.Code, sum, null, null, null));
                continue;
            }
            var hasNumerator = sums.TryGetValue(indicator.Numerator!, out var numerator);
            var hasDenominator = sums.TryGetValue(indicator.Denominator!, out var denominator);
            if (hasNumerator || hasDenominator)
                values.Add(new(indicator.Code, null, PovertyRate.Percent(hasNumerator ? numerator : null, hasDenominator ? denominator : null),
                    hasNumerator ? numerator : null, hasDenominator ? denominator : null));
        }
        return values;
    }
}
