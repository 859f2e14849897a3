using Workflow.Domain.Catalog;

namespace Workflow.Domain.Plans;

/// <summary>
/// A province's counterpart policy from a fiscal year on. Data, not code: provinces set their band and rates by
/// resolution, and an administrator can add a year. The policy in force for a year is the latest one not after it.
/// </summary>
public sealed class CounterpartPolicy
{
    private CounterpartPolicy() { ProvinceCode = ""; }

    public CounterpartPolicy(string provinceCode, int fromFiscalYear, CounterpartTerms terms, string basis)
    {
        ProvinceCode = provinceCode;
        FromFiscalYear = fromFiscalYear;
        MinimumLocalRate = terms.MinimumLocalRate;
        RoundingUnit = terms.RoundingUnit;
        Rates = FundingSources.LocalBudget.Where(terms.Rates.ContainsKey).ToDictionary(s => s, s => terms.Rates[s]);
        Basis = basis;
    }

    public int Id { get; private set; }
    public string ProvinceCode { get; private set; }
    public int FromFiscalYear { get; private set; }
    public decimal MinimumLocalRate { get; private set; }
    public long RoundingUnit { get; private set; }
    public IReadOnlyDictionary<FundingSource, decimal> Rates { get; private set; } = new Dictionary<FundingSource, decimal>();
    public string? Basis { get; private set; }

    public CounterpartTerms Terms => new(MinimumLocalRate, Rates, RoundingUnit);

    /// <summary>
    /// QĐ 02/2022/QĐ-TTg bands: 3 % for provinces receiving ≥ 70 % of their budget from the centre, 10 % for
    /// 50–70 %, 15 % below 50 % (and Quảng Ngãi, Quảng Nam).
    /// </summary>
    public static readonly IReadOnlyList<decimal> MinimumLocalRateBands = [0.03m, 0.10m, 0.15m];
}
