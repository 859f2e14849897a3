using Workflow.Domain.Catalog;

namespace Workflow.Domain.Money;

/// <summary>
/// Whole đồng in each state-budget source (<see cref="FundingSources.Budget"/>): a plan line's allocation, a
/// proposal's split, a disbursement's amounts or cash, a settlement's actual cost. Immutable; arithmetic is checked,
/// so an overflow throws instead of wrapping. The one place that maps a source to its amount.
/// </summary>
public sealed record SourceAmounts
{
    public static readonly SourceAmounts Zero = new(0, 0, 0, 0);

    public SourceAmounts(long central, long provincial, long district, long commune)
    {
        Central = central;
        Provincial = provincial;
        District = district;
        Commune = commune;
    }

    // persistence maps the four columns by these names
    public long Central { get; private init; }
    public long Provincial { get; private init; }
    public long District { get; private init; }
    public long Commune { get; private init; }

    public long this[FundingSource source] => source switch
    {
        FundingSource.Central => Central,
        FundingSource.Provincial => Provincial,
        FundingSource.District => District,
        FundingSource.Commune => Commune,
        _ => 0,
    };

    public long Total => checked(Central + Provincial + District + Commune);

    public bool IsZero => Central == 0 && Provincial == 0 && District == 0 && Commune == 0;

    /// <summary>Builds from a function of the source, e.g. a balance lookup.</summary>
    public static SourceAmounts Of(Func<FundingSource, long> amount) =>
        new(amount(FundingSource.Central), amount(FundingSource.Provincial), amount(FundingSource.District), amount(FundingSource.Commune));

    /// <summary>From per-source values; a missing source is zero and non-budget sources are ignored.</summary>
    public static SourceAmounts From(IReadOnlyDictionary<FundingSource, long> amounts) => Of(s => amounts.GetValueOrDefault(s));

    public SourceAmounts With(FundingSource source, long amount) => Of(s => s == source ? amount : this[s]);

    public SourceAmounts Map(Func<FundingSource, long, long> change) => Of(s => change(s, this[s]));

    public static SourceAmounts operator +(SourceAmounts a, SourceAmounts b) => Of(s => checked(a[s] + b[s]));

    public static SourceAmounts operator -(SourceAmounts a, SourceAmounts b) => Of(s => checked(a[s] - b[s]));

    public static SourceAmounts Sum(IEnumerable<SourceAmounts> amounts) => amounts.Aggregate(Zero, (a, b) => a + b);

    /// <summary>Per source, the larger of the two.</summary>
    public static SourceAmounts Max(SourceAmounts a, SourceAmounts b) => Of(s => Math.Max(a[s], b[s]));

    /// <summary>Each source floored at zero.</summary>
    public SourceAmounts AtLeastZero() => Map((_, v) => Math.Max(0, v));

    /// <summary>True when no source exceeds the other's amount in the same source.</summary>
    public bool FitsWithin(SourceAmounts limit) => FundingSources.Budget.All(s => this[s] <= limit[s]);

    /// <summary>The sources in which this exceeds <paramref name="limit"/>, with the excess.</summary>
    public IEnumerable<(FundingSource Source, long Excess)> ExcessOver(SourceAmounts limit) =>
        FundingSources.Budget.Where(s => this[s] > limit[s]).Select(s => (s, checked(this[s] - limit[s])));

    public IEnumerable<(FundingSource Source, long Amount)> Entries => FundingSources.Budget.Select(s => (s, this[s]));

    /// <summary>
    /// Splits <paramref name="total"/> in the ratio of these amounts with the largest-remainder method at
    /// <paramref name="granularity"/>: the parts add up to the total, ties go to the earlier source.
    /// </summary>
    public SourceAmounts Apportion(long total, long granularity)
    {
        var parts = Money.Apportion.ByRatio(total, FundingSources.Budget.Select(s => this[s]).ToArray(), granularity);
        return new(parts[0], parts[1], parts[2], parts[3]);
    }

    public IReadOnlyDictionary<FundingSource, long> ToDictionary() => FundingSources.Budget.ToDictionary(s => s, s => this[s]);

    public override string ToString() => string.Join(", ", Entries.Select(e => $"{e.Source} {Vnd.Format(e.Amount)}"));
}
