namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// The hamlets or residential groups of a unit add up to the unit's own figures, for the same year: households, poor and
/// near-poor households, those unable to work; and their targets add up to the unit's target.
/// </summary>
public static class SubUnitsAddUp
{
    public static IEnumerable<ConsistencyWarning> Check(PovertyCensus unit, IReadOnlyList<PovertyCensus> subUnits)
    {
        var parts = subUnits.Where(s => s.SubUnitCode is not null && s.UnitCode == unit.UnitCode && s.Year == unit.Year).ToList();
        if (parts.Count == 0) yield break;
        foreach (var (name, path, whole, sum) in new (string, string, int?, int?)[]
                 {
                     ("Tổng số hộ", "totalHouseholds", unit.TotalHouseholds, Sum(parts, c => c.TotalHouseholds)),
                     ("Hộ nghèo", "poor.households", unit.Poor?.Households, Sum(parts, c => c.Poor?.Households)),
                     ("Hộ nghèo không có khả năng lao động", "poor.unableToWork", unit.Poor?.UnableToWork, Sum(parts, c => c.Poor?.UnableToWork)),
                     ("Hộ cận nghèo", "nearPoor.households", unit.NearPoor?.Households, Sum(parts, c => c.NearPoor?.Households)),
                 })
            if (whole is { } w && sum is { } s && w != s)
                yield return new(nameof(SubUnitsAddUp), path,
                    $"{name} năm {unit.Year} của {parts.Count} thôn/tổ cộng lại {Figures.N(s)}, khác số của đơn vị {Figures.N(w)} (chênh {Figures.Signed(s - w)}).");
    }

    public static IEnumerable<ConsistencyWarning> Check(IReadOnlyList<MonitoringTarget> targets)
    {
        foreach (var whole in targets.Where(t => t.SubUnitCode is null))
        {
            var parts = targets.Where(t => t.SubUnitCode is not null && t.UnitCode == whole.UnitCode && t.Year == whole.Year
                && t.Kind == whole.Kind && t.Subject == whole.Subject && t.Group == whole.Group).ToList();
            if (parts.Count == 0 || whole.Kind is not (TargetKind.ReduceCount or TargetKind.EndCount or TargetKind.Absolute)) continue;
            var sum = parts.Sum(t => t.Value);
            if (sum != whole.Value)
                yield return new(nameof(SubUnitsAddUp), $"targets[{whole.Kind}.{whole.Subject}]",
                    $"Chỉ tiêu {whole.Kind} {whole.Subject} năm {whole.Year} của {parts.Count} thôn/tổ cộng lại {Figures.N(sum)}, khác chỉ tiêu của đơn vị {Figures.N(whole.Value)}.");
        }
    }

    /// <summary>The sum when every part has the figure; null when any part lacks it (nothing to compare).</summary>
    private static int? Sum(IReadOnlyList<PovertyCensus> parts, Func<PovertyCensus, int?> figure) =>
        parts.All(p => figure(p) is not null) ? parts.Sum(p => figure(p)!.Value) : null;
}
