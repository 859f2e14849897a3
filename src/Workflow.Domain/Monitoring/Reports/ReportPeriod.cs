using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Monitoring.Reports;

/// <summary>The periods TT 10/2022 reports cover: the first six months of a year, and the whole year.</summary>
public enum ReportPeriodKind
{
    /// <summary>6 tháng đầu năm: 1 January to 30 June.</summary>
    HalfYear,

    /// <summary>Cả năm: 1 January to 31 December.</summary>
    Year,
}

/// <summary>
/// A reporting period, written <c>2026-H1</c> (first six months) or <c>2026</c> (the year). The second half has no report
/// of its own: the annual report covers it.
/// </summary>
public readonly partial record struct ReportPeriod(int Year, ReportPeriodKind Kind)
{
    public const int FirstYear = 2021;
    public const int LastYear = 2100;

    public DateOnly Start => new(Year, 1, 1);

    public DateOnly End => Kind == ReportPeriodKind.HalfYear ? new(Year, 6, 30) : new(Year, 12, 31);

    /// <summary>As the API and files write it: <c>2026-H1</c>, <c>2026</c>.</summary>
    public string Code => Kind == ReportPeriodKind.HalfYear ? $"{Year}-H1" : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>As a report's title says it.</summary>
    public string Name => Kind == ReportPeriodKind.HalfYear ? $"6 tháng đầu năm {Year}" : $"năm {Year}";

    public override string ToString() => Code;

    /// <summary>Reads <c>2026-H1</c> or <c>2026</c>; anything else is a violation at <paramref name="path"/> saying what is accepted.</summary>
    public static (ReportPeriod? Period, Violation? Problem) Parse(string? text, string path = "period")
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
            return (null, new(path, $"Kỳ báo cáo '{text}' không hợp lệ: ghi 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm)."));
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear)
            return (null, new(path, $"Năm báo cáo {year} ngoài khoảng {FirstYear}–{LastYear}."));
        return (new ReportPeriod(year, match.Groups["half"].Success ? ReportPeriodKind.HalfYear : ReportPeriodKind.Year), null);
    }

    /// <summary>As <see cref="Parse"/>, throwing the violation.</summary>
    public static ReportPeriod ParseOrThrow(string? text, string path = "period")
    {
        var (period, problem) = Parse(text, path);
        return period ?? throw new ValidationFailedException([problem!]);
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?<half>-H1)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

/// <summary>
/// When a report is due (TT 10/2022 Art. 4(2)(a)): each agency reports to the standing agency of its own level within 15
/// working days after the period ends; provinces and ministries report to the central ministries before 1 June (the
/// 6-month report) and before 1 December (the annual report).
/// </summary>
public static class ReportDeadlines
{
    public const int WorkingDaysAfterPeriodEnd = 15;

    /// <summary>The last day to report to the standing agency of the same level: the 15th working day after the period's end.</summary>
    public static DateOnly ToSameLevel(ReportPeriod period, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(period.End, WorkingDaysAfterPeriodEnd);

    /// <summary>
    /// The last day for a province's report to the central ministries: the day before 1 June or 1 December of the period's
    /// year. The 6-month date falls before the period ends, so that report gives the figures as compiled on the day.
    /// </summary>
    public static DateOnly ToCentral(ReportPeriod period) =>
        period.Kind == ReportPeriodKind.HalfYear ? new DateOnly(period.Year, 6, 1).AddDays(-1) : new DateOnly(period.Year, 12, 1).AddDays(-1);

    /// <summary>
    /// The first day the unit's standing office is reminded of a report: the first of the 15 working days up to its due
    /// date, the time a unit has after the period's end. A commune is reminded on the first working day after the
    /// period; a province, whose central date falls earlier, 15 working days before that date.
    /// </summary>
    public static DateOnly RemindFrom(DateOnly due, WorkingCalendar calendar)
    {
        var day = due.AddDays(1);
        for (var counted = 0; counted < WorkingDaysAfterPeriodEnd;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>A province reports to the centre; every other unit to the standing agency of its own level.</summary>
    public static DateOnly For(ReportPeriod period, bool reportsToCentral, WorkingCalendar calendar) =>
        reportsToCentral ? ToCentral(period) : ToSameLevel(period, calendar);
}
