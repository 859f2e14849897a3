namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// Targets that state the same aim in different ways agree with each other and with the baseline: a reduction in
/// households and a reduction in points ("giảm 10 hộ cận nghèo, 0,15 %": 10 of 7,188 households is 0,14 points), a
/// reduction and an end count, an end count and an end rate. Each pair that disagrees is one warning with both numbers.
/// </summary>
public static class TargetsAgree
{
    /// <summary>Two targets of the same kind for the same thing and year with different values (Mỹ Thạnh 2024: the city's −9, the ward's −10).</summary>
    public static IEnumerable<ConsistencyWarning> Check(IReadOnlyList<MonitoringTarget> targets)
    {
        foreach (var same in targets.GroupBy(t => (t.UnitCode, t.SubUnitCode, t.Year, t.Kind, t.Subject, t.Group)).Where(g => g.Select(t => t.Value).Distinct().Count() > 1))
        {
            var (unit, sub, year, kind, subject, group) = same.Key;
            yield return new(nameof(TargetsAgree), $"{(sub is null ? "" : $"subUnits[{sub}].")}targets.{subject}",
                $"Có {same.Count()} chỉ tiêu {kind} {subject} năm {year}{(group is null ? "" : $" ({TargetGroups.Name(group)})")} với giá trị khác nhau: {string.Join("; ", same.Select(t => t.Value).Order().Select(v => Figures.N(v)))}.");
        }
    }

    public static IEnumerable<ConsistencyWarning> Check(PovertyCensus baseline, IReadOnlyList<MonitoringTarget> targets)
    {
        foreach (var (households, rate, start, label) in new[]
                 {
                     (TargetSubjects.PoorHouseholds, TargetSubjects.PoorRate, baseline.Poor?.Households, "hộ nghèo"),
                     (TargetSubjects.NearPoorHouseholds, TargetSubjects.NearPoorRate, baseline.NearPoor?.Households, "hộ cận nghèo"),
                 })
        {
            var mine = targets.Where(t => t.UnitCode == baseline.UnitCode && t.SubUnitCode == baseline.SubUnitCode && t.Year == baseline.Year + 1 && t.Group is null).ToList();
            var reduce = mine.FirstOrDefault(t => t.Kind == TargetKind.ReduceCount && t.Subject == households);
            var endCount = mine.FirstOrDefault(t => t.Kind == TargetKind.EndCount && t.Subject == households);
            var points = mine.FirstOrDefault(t => t.Kind == TargetKind.ReducePoints && t.Subject == rate);
            var endRate = mine.FirstOrDefault(t => t.Kind == TargetKind.EndRate && t.Subject == rate);
            var total = baseline.TotalHouseholds;
            var path = $"{FlowsBalance.Where(baseline)}targets.{households}";

            if (reduce is not null && endCount is not null && start is { } s && s - reduce.Value != endCount.Value)
                yield return new(nameof(TargetsAgree), path,
                    $"Giảm {Figures.N(reduce.Value)} {label} từ {Figures.N(s)} còn {Figures.N(s - reduce.Value)}, nhưng chỉ tiêu cuối năm {baseline.Year + 1} ghi {Figures.N(endCount.Value)}.");
            if (reduce is not null && points is not null && total is { } t1 && !PovertyRate.Agrees(points.Value, (long)reduce.Value, t1))
                yield return new(nameof(TargetsAgree), path,
                    $"Giảm {Figures.N(reduce.Value)} {label} trên {Figures.N(t1)} hộ là {PovertyRate.Format(PovertyRate.Percent((long)reduce.Value, t1)!.Value)}, nhưng chỉ tiêu ghi giảm {Figures.N(points.Value)} %.");
            var end = endCount?.Value ?? (reduce is not null && start is { } s2 ? s2 - reduce.Value : null);
            // "below x %" is met by any lower count, so an end rate is compared as a ceiling, not for equality
            if (end is { } e && endRate is not null && total is { } t2 && PovertyRate.Percent((long)e, t2) > endRate.Value)
                yield return new(nameof(TargetsAgree), path,
                    $"Còn {Figures.N(e)} {label} trên {Figures.N(t2)} hộ là {PovertyRate.Format(PovertyRate.Percent((long)e, t2)!.Value)}, cao hơn tỷ lệ chỉ tiêu {Figures.N(endRate.Value)} %.");
        }
    }
}
