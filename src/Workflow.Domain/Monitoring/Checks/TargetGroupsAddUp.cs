namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// A target split by group adds up: the ethnic-minority and Kinh parts of "giảm 68 hộ nghèo" make 68 (Hớn Quản 2024:
/// 43 + 25), and a part is never larger than the whole.
/// </summary>
public static class TargetGroupsAddUp
{
    public static IEnumerable<ConsistencyWarning> Check(IReadOnlyList<MonitoringTarget> targets)
    {
        foreach (var whole in targets.Where(t => t.Group is null && t.Kind is TargetKind.ReduceCount or TargetKind.EndCount or TargetKind.Absolute))
        {
            var same = targets.Where(t => t.Group is not null && t.UnitCode == whole.UnitCode && t.SubUnitCode == whole.SubUnitCode
                && t.Year == whole.Year && t.Kind == whole.Kind && t.Subject == whole.Subject).ToList();
            var minority = same.FirstOrDefault(t => t.Group == TargetGroups.EthnicMinority);
            var kinh = same.FirstOrDefault(t => t.Group == TargetGroups.Kinh);
            if (minority is not null && kinh is not null && minority.Value + kinh.Value != whole.Value)
                yield return new(nameof(TargetGroupsAddUp), $"targets[{whole.Kind}.{whole.Subject}]",
                    $"Chỉ tiêu {whole.Subject} năm {whole.Year}: dân tộc thiểu số {Figures.N(minority.Value)} + dân tộc Kinh {Figures.N(kinh.Value)} = {Figures.N(minority.Value + kinh.Value)}, khác chỉ tiêu chung {Figures.N(whole.Value)}.");
            foreach (var part in same.Where(p => p.Value > whole.Value))
                yield return new(nameof(TargetGroupsAddUp), $"targets[{whole.Kind}.{whole.Subject}.{part.Group}]",
                    $"Chỉ tiêu {whole.Subject} năm {whole.Year} cho {TargetGroups.Name(part.Group)} ({Figures.N(part.Value)}) lớn hơn chỉ tiêu chung ({Figures.N(whole.Value)}).");
        }
    }
}
