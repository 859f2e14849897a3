using Workflow.Domain.Monitoring.Checks;

namespace Workflow.Domain.Monitoring.Reports;

/// <summary>An output indicator's totals: planned by the committed proposals, accepted by their settlements.</summary>
public sealed record ReportOutput(string Indicator, string Name, string Unit, long? Planned, long? Actual);

/// <summary>Funds of a component that do not pass through the system, in đồng.</summary>
public sealed record ReportDeclaredFunds(string Component, long Integrated, long Credit, long Contribution)
{
    public long Total => checked(Integrated + Credit + Contribution);
}

/// <summary>
/// The poverty counts a report rests on, as counts so a parent can add them: the review before the year (baseline), the
/// year's targets, the review of the year (result, once it is done).
/// </summary>
public sealed record PovertyFigures(
    int? BaselineHouseholds, int? BaselinePoor, int? BaselineNearPoor,
    int? TargetPoor, int? TargetNearPoor, decimal? TargetPoorRate, decimal? TargetNearPoorRate,
    int? ActualHouseholds, int? ActualPoor, int? ActualNearPoor)
{
    public static readonly PovertyFigures None = new(null, null, null, null, null, null, null, null, null, null);
}

/// <summary>A row of the poverty table: a count or a rate recomputed from counts (percent, two decimals).</summary>
public sealed record PovertyRow(string Indicator, string Name, string Unit, decimal? Baseline, decimal? Target, decimal? Actual);

/// <summary>Households out of poverty after a sub-project's support, at each proposal's latest review.</summary>
public sealed record EscapedFigures(int Proposals, long Households, long Of)
{
    public static readonly EscapedFigures None = new(0, 0, 0);

    public decimal? Percent => PovertyRate.Percent(Households, Of);
}

/// <summary>A unit below whose latest submitted report is summed into this one.</summary>
public sealed record ReportChild(string Unit, string UnitName, Guid ReportId, int Version, DateTimeOffset SubmittedAt, long Allocated, long Disbursed);

/// <summary>A unit below with no submitted report for the period and template: listed, not counted.</summary>
public sealed record MissingChild(string Unit, string UnitName);

/// <summary>What a unit's own data gives for a period, before its children's reports are added.</summary>
public sealed record ReportFigures(
    IReadOnlyList<MoneyLine> Money, IReadOnlyList<ReportOutput> Outputs, IReadOnlyList<ReportDeclaredFunds> DeclaredFunds,
    PovertyFigures Poverty, EscapedFigures Escaped, IReadOnlyList<ConsistencyWarning> Warnings);

/// <summary>Who and what a report is about, printed at its head.</summary>
public sealed record ReportHeader(
    string Unit, string UnitName, string Period, string PeriodName, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate,
    string Template, int TemplateVersion, string Form, string Title, string TemplateSource, TemplateCertainty Certainty, DateTimeOffset CompiledAt);

/// <summary>
/// A report's compiled content: the snapshot that is frozen at submission and that a parent's report adds up. Money is
/// held in đồng beside the triệu đồng it prints (<see cref="MoneyTable"/>), so sums over reports are exact.
/// </summary>
public sealed record ReportContent(
    ReportHeader Header, MoneyTable Money, IReadOnlyList<ReportOutput> Outputs, IReadOnlyList<ReportDeclaredFunds> DeclaredFunds,
    PovertyFigures PovertyFigures, IReadOnlyList<PovertyRow> Poverty, EscapedFigures EscapedAfterSupport, IReadOnlyList<ConsistencyWarning> Warnings,
    IReadOnlyList<ReportChild> Children, IReadOnlyList<MissingChild> Missing)
{
    public IEnumerable<MoneyLine> MoneyLines() => Money.Rows.Select(r => new MoneyLine(r.Component, r.ComponentName, r.Source, r.Allocated, r.Disbursed));
}

/// <summary>
/// Builds a report's content from a unit's own figures and the latest submitted reports of the units below it (docs/monitoring.md,
/// "Compiling"): money, outputs, declared funds and escapes add up; poverty counts are the unit's own where it has them,
/// else its children's sum when every child has the count; rates are recomputed from the summed counts, never averaged.
/// </summary>
public static class ReportCompilation
{
    public static ReportContent Compile(ReportHeader header, int moneyDecimals, ReportFigures own,
        IReadOnlyList<(ReportChild Child, ReportContent Content)> children, IReadOnlyList<MissingChild> missing)
    {
        var contents = children.Select(c => c.Content).ToList();
        var money = ReportMoney.Table(ReportMoney.Combine(own.Money.Concat(contents.SelectMany(c => c.MoneyLines()))), moneyDecimals);
        var outputs = own.Outputs.Concat(contents.SelectMany(c => c.Outputs))
            .GroupBy(o => o.Indicator, StringComparer.Ordinal)
            .Select(g => new ReportOutput(g.Key, g.First().Name, g.First().Unit, SumOrNull(g.Select(o => o.Planned)), SumOrNull(g.Select(o => o.Actual))))
            .OrderBy(o => o.Indicator, StringComparer.Ordinal).ToList();
        var funds = own.DeclaredFunds.Concat(contents.SelectMany(c => c.DeclaredFunds))
            .GroupBy(f => f.Component, StringComparer.Ordinal)
            .Select(g => new ReportDeclaredFunds(g.Key, g.Sum(f => f.Integrated), g.Sum(f => f.Credit), g.Sum(f => f.Contribution)))
            .OrderBy(f => f.Component, StringComparer.Ordinal).ToList();
        var poverty = Poverty(own.Poverty, [.. contents.Select(c => c.PovertyFigures)]);
        var escaped = contents.Select(c => c.EscapedAfterSupport).Aggregate(own.Escaped, (a, b) => new EscapedFigures(a.Proposals + b.Proposals, a.Households + b.Households, a.Of + b.Of));
        var warnings = own.Warnings.Concat(children.SelectMany(c => c.Content.Warnings.Select(w => w with { Path = $"children[{c.Child.Unit}].{w.Path}" }))).ToList();
        var included = children.Select(c => c.Child with { Allocated = c.Content.Money.Allocated, Disbursed = c.Content.Money.Disbursed }).OrderBy(c => c.Unit, StringComparer.Ordinal).ToList();
        return new ReportContent(header, money, outputs, funds, poverty, Rows(poverty, escaped), escaped, warnings, included,
            [.. missing.OrderBy(m => m.Unit, StringComparer.Ordinal)]);
    }

    /// <summary>Each count is the unit's own, or else the sum of its children's when every child has it.</summary>
    public static PovertyFigures Poverty(PovertyFigures own, IReadOnlyList<PovertyFigures> children)
    {
        int? Pick(int? mine, Func<PovertyFigures, int?> figure) =>
            mine ?? (children.Count > 0 && children.All(c => figure(c) is not null) ? children.Sum(c => figure(c)!.Value) : null);
        return new(
            Pick(own.BaselineHouseholds, c => c.BaselineHouseholds), Pick(own.BaselinePoor, c => c.BaselinePoor), Pick(own.BaselineNearPoor, c => c.BaselineNearPoor),
            Pick(own.TargetPoor, c => c.TargetPoor), Pick(own.TargetNearPoor, c => c.TargetNearPoor),
            // a ceiling rate is a unit's own decision: the communes' ceilings do not make the province's
            own.TargetPoorRate, own.TargetNearPoorRate,
            Pick(own.ActualHouseholds, c => c.ActualHouseholds), Pick(own.ActualPoor, c => c.ActualPoor), Pick(own.ActualNearPoor, c => c.ActualNearPoor));
    }

    public static IReadOnlyList<PovertyRow> Rows(PovertyFigures p, EscapedFigures escaped) =>
    [
        new("poverty.households", "Tổng số hộ dân cư", "hộ", p.BaselineHouseholds, null, p.ActualHouseholds),
        new("poverty.poorHouseholds", "Số hộ nghèo", "hộ", p.BaselinePoor, p.TargetPoor, p.ActualPoor),
        new("poverty.poorRate", "Tỷ lệ hộ nghèo", "%", PovertyRate.Percent(p.BaselinePoor, p.BaselineHouseholds),
            p.TargetPoorRate ?? PovertyRate.Percent(p.TargetPoor, p.BaselineHouseholds), PovertyRate.Percent(p.ActualPoor, p.ActualHouseholds)),
        new("poverty.nearPoorHouseholds", "Số hộ cận nghèo", "hộ", p.BaselineNearPoor, p.TargetNearPoor, p.ActualNearPoor),
        new("poverty.nearPoorRate", "Tỷ lệ hộ cận nghèo", "%", PovertyRate.Percent(p.BaselineNearPoor, p.BaselineHouseholds),
            p.TargetNearPoorRate ?? PovertyRate.Percent(p.TargetNearPoor, p.BaselineHouseholds), PovertyRate.Percent(p.ActualNearPoor, p.ActualHouseholds)),
        new("support.escapedAfterSupport", "Số hộ thoát nghèo sau hỗ trợ", "hộ", null, null, escaped.Proposals == 0 ? null : escaped.Households),
        new("support.escapedAfterSupportRate", "Tỷ lệ hộ thoát nghèo sau hỗ trợ", "%", null, null, escaped.Percent),
    ];

    private static long? SumOrNull(IEnumerable<long?> values)
    {
        long? sum = null;
        foreach (var v in values)
            if (v is { } x) sum = checked((sum ?? 0) + x);
        return sum;
    }
}
