namespace Workflow.Domain.Monitoring.Checks;

/// <summary>Every consistency check over one unit's censuses and targets, in a stable order (docs/monitoring.md lists them).</summary>
public static class MonitoringChecks
{
    public static IReadOnlyList<ConsistencyWarning> Run(IReadOnlyList<PovertyCensus> censuses, IReadOnlyList<MonitoringTarget> targets)
    {
        // whatever order the figures were read in, the same figures give the same warnings in the same order
        targets = [.. targets.OrderBy(t => t.UnitCode, StringComparer.Ordinal).ThenBy(t => t.SubUnitCode, StringComparer.Ordinal).ThenBy(t => t.Year)
            .ThenBy(t => t.Kind).ThenBy(t => t.Subject, StringComparer.Ordinal).ThenBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Value)];
        var warnings = new List<ConsistencyWarning>();
        foreach (var census in censuses.OrderBy(c => c.UnitCode, StringComparer.Ordinal).ThenBy(c => c.Year).ThenBy(c => c.SubUnitCode, StringComparer.Ordinal))
        {
            warnings.AddRange(StatedRatesMatchCounts.Check(census));
            var previous = censuses.FirstOrDefault(c => c.UnitCode == census.UnitCode && c.SubUnitCode == census.SubUnitCode && c.Year == census.Year - 1);
            if (previous is not null) warnings.AddRange(FlowsBalance.Check(previous, census));
            warnings.AddRange(TargetsAgree.Check(census, targets));
            if (census.SubUnitCode is null) warnings.AddRange(SubUnitsAddUp.Check(census, censuses));
        }
        warnings.AddRange(SubUnitsAddUp.Check(targets));
        warnings.AddRange(TargetGroupsAddUp.Check(targets));
        warnings.AddRange(TargetsAgree.Check(targets));
        return warnings;
    }
}
