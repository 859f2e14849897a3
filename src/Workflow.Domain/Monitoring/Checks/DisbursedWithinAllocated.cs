using Workflow.Domain.Catalog;
using Workflow.Domain.Money;
using Workflow.Domain.Monitoring.Reports;

namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// A report never shows more disbursed than allocated for a component and funding source (research/monitoring.md §6.4):
/// when it does, a payment was booked against the wrong line or the allocation was not carried over.
/// </summary>
public static class DisbursedWithinAllocated
{
    public static IEnumerable<ConsistencyWarning> Check(IEnumerable<MoneyLine> lines)
    {
        foreach (var line in lines.Where(l => l.Disbursed > l.Allocated))
            yield return new(nameof(DisbursedWithinAllocated), $"money[{line.Component}.{line.Source}]",
                $"{line.Component} – {FundingSources.NameOf(line.Source)}: đã giải ngân {Vnd.Format(line.Disbursed)}, vượt kế hoạch vốn giao {Vnd.Format(line.Allocated)} " +
                $"(vượt {Vnd.Format(line.Disbursed - line.Allocated)}).");
    }
}
