namespace Workflow.Domain.Monitoring.Checks;

/// <summary>Every consistency check over one unit's censuses and targets, in a stable order (docs/monitoring.md lists them).</summary>
public static class MonitoringChecks
{
    public static IReadOnlyList<ConsistencyWarning> Run(IReadOnlyList<PovertyCensus> censuses, IReadOnlyList<MonitoringTarget> targets)
    {
        var warnings = new List<ConsistencyWarning>();
        foreach (var census in censuses.OrderBy(c => c.UnitCode).ThenBy(c => c.Year).ThenBy(c => c.SubUnitCode))
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
