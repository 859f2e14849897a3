using Workflow.Domain.Catalog;
using Workflow.Domain.Money;

namespace Workflow.Domain.Monitoring.Reports;

/// <summary>Allocation and disbursement of one component from one funding source, in whole đồng.</summary>
/// <param name="Allocated">Kế hoạch vốn giao: what the plans in force allocate (carry-overs in included).</param>
/// <param name="Disbursed">Đã giải ngân: payments confirmed by the treasury.</param>
public sealed record MoneyLine(string Component, string ComponentName, FundingSource Source, long Allocated, long Disbursed);

/// <summary>A money row as a report prints it: the đồng it comes from and the triệu đồng it shows.</summary>
public sealed record MoneyRow(string Component, string ComponentName, FundingSource Source, long Allocated, long Disbursed,
    decimal AllocatedMillions, decimal DisbursedMillions, decimal DisbursementRate);

public sealed record MoneyTable(IReadOnlyList<MoneyRow> Rows, long Allocated, long Disbursed, decimal AllocatedMillions, decimal DisbursedMillions, decimal DisbursementRate);

/// <summary>
/// Money in a report is printed in triệu đồng, rounded by largest remainder (<see cref="Vnd.RoundMillionsAddingUp"/>)
/// column by column, so the printed rows add up to the printed total.
/// </summary>
public static class ReportMoney
{
    /// <summary>Lines of the same component and source added together, in the order components and sources are listed.</summary>
    public static IReadOnlyList<MoneyLine> Combine(IEnumerable<MoneyLine> lines) =>
        [.. lines.GroupBy(l => (l.Component, l.Source))
            .Select(g => new MoneyLine(g.Key.Component, g.First().ComponentName, g.Key.Source,
                g.Aggregate(0L, (s, l) => checked(s + l.Allocated)), g.Aggregate(0L, (s, l) => checked(s + l.Disbursed))))
            .OrderBy(l => l.Component, StringComparer.Ordinal).ThenBy(l => l.Source)];

    public static MoneyTable Table(IReadOnlyList<MoneyLine> lines, int decimals)
    {
        var allocated = Vnd.RoundMillionsAddingUp([.. lines.Select(l => l.Allocated)], decimals);
        var disbursed = Vnd.RoundMillionsAddingUp([.. lines.Select(l => l.Disbursed)], decimals);
        var rows = lines.Select((l, i) => new MoneyRow(l.Component, l.ComponentName, l.Source, l.Allocated, l.Disbursed,
            Millions(allocated[i]), Millions(disbursed[i]), Rate(l.Disbursed, l.Allocated))).ToList();
        var totalAllocated = lines.Aggregate(0L, (s, l) => checked(s + l.Allocated));
        var totalDisbursed = lines.Aggregate(0L, (s, l) => checked(s + l.Disbursed));
        return new(rows, totalAllocated, totalDisbursed, rows.Sum(r => r.AllocatedMillions), rows.Sum(r => r.DisbursedMillions), Rate(totalDisbursed, totalAllocated));
    }

    /// <summary>Disbursed over allocated in percent with two decimals; 0 when nothing is allocated.</summary>
    public static decimal Rate(long disbursed, long allocated) =>
        allocated == 0 ? 0m : Math.Round(100m * disbursed / allocated, 2, MidpointRounding.AwayFromZero);

    private static decimal Millions(long roundedDong) => MonitoringTarget.WithoutTrailingZeros((decimal)roundedDong / Vnd.OneMillion);
}
