using System.Globalization;
using System.Text.Json;

namespace Workflow.Domain.Workflows;

/// <summary>A named calendar date: a public holiday (day off) or a make-up working day (ngày làm bù).</summary>
public sealed record CalendarDay(DateOnly Date, string Name);

/// <summary>
/// Working days for deadlines (RULES.md 21): Saturday, Sunday and public holidays are not working days; a
/// make-up day (a Saturday or Sunday officially worked in exchange for a bridge day) is. The holidays are data
/// (<c>workflows/holidays.json</c>), read with <see cref="FromJson"/>. Deadlines end at the close of the due day in
/// Vietnam time, a fixed UTC+07:00 (Vietnam has no daylight saving time).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Vietnam's offset from UTC (Indochina Time, no DST).</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Today's date in Vietnam by <paramref name="clock"/>: what "today" means for assignments, policies and deadlines.</summary>
    public static DateOnly VietnamToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietnamOffset).DateTime);

    private readonly Dictionary<DateOnly, string> holidays;
    private readonly Dictionary<DateOnly, string> makeUpDays;

    /// <param name="holidays">Days off (public holidays, compensation and swapped days). A date may appear once.</param>
    /// <param name="makeUpWorkingDays">Weekend days that are worked (làm bù). Each must be a Saturday or Sunday and not also a holiday.</param>
    public WorkingCalendar(IEnumerable<CalendarDay> holidays, IEnumerable<CalendarDay>? makeUpWorkingDays = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        this.holidays = [];
        makeUpDays = [];
        foreach (var day in holidays)
        {
            if (!this.holidays.TryAdd(day.Date, day.Name))
                throw new ArgumentException($"holiday {Iso(day.Date)} is listed twice", nameof(holidays));
        }
        foreach (var day in makeUpWorkingDays ?? [])
        {
            if (!IsWeekend(day.Date))
                throw new ArgumentException($"make-up working day {Iso(day.Date)} is a {day.Date.DayOfWeek}, not a weekend day", nameof(makeUpWorkingDays));
            if (this.holidays.ContainsKey(day.Date))
                throw new ArgumentException($"{Iso(day.Date)} is both a holiday and a make-up working day", nameof(makeUpWorkingDays));
            if (!makeUpDays.TryAdd(day.Date, day.Name))
                throw new ArgumentException($"make-up working day {Iso(day.Date)} is listed twice", nameof(makeUpWorkingDays));
        }
    }

    /// <summary>Weekends only: no holidays, no make-up days.</summary>
    public static WorkingCalendar Empty { get; } = new([]);

    /// <summary>Holidays by date, with their names.</summary>
    public IReadOnlyDictionary<DateOnly, string> Holidays => holidays;

    /// <summary>Make-up working days (weekend days worked) by date, with their names.</summary>
    public IReadOnlyDictionary<DateOnly, string> MakeUpWorkingDays => makeUpDays;

    public bool IsWorkingDay(DateOnly day) =>
        makeUpDays.ContainsKey(day) || (!IsWeekend(day) && !holidays.ContainsKey(day));

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/> (the start itself not counted); <paramref name="start"/> when 0.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative (the count
    /// after <paramref name="to"/> up to and including <paramref name="from"/>) when <paramref name="to"/> is earlier.
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day)) count++;
        }
        return count;
    }

    /// <summary>
    /// The deadline for a task opened at <paramref name="openedAt"/> with <paramref name="workingDays"/> working days:
    /// the last moment (23:59:59.999999, +07:00) of the <paramref name="workingDays"/>-th working day after the
    /// opening day, the opening day being taken in Vietnam time.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset openedAt, int workingDays)
    {
        var openedDay = DateOnly.FromDateTime(openedAt.ToOffset(VietnamOffset).DateTime);
        return EndOf(AddWorkingDays(openedDay, workingDays));
    }

    /// <summary>
    /// The last moment of <paramref name="day"/> in Vietnam (23:59:59.999999, +07:00): when a deadline on that day passes.
    /// To the microsecond, the finest time PostgreSQL keeps, so a deadline reads back on either engine as it was set.
    /// </summary>
    public static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamOffset).AddTicks(-TimeSpan.TicksPerMicrosecond);

    /// <summary>
    /// Reads the holiday data file: <c>{"description": "...", "holidays": [{"date": "2024-02-08", "name": "..."}],
    /// "workingDays": [{"date": "2024-05-04", "name": "..."}]}</c>. Throws <see cref="FormatException"/> naming the
    /// offending entry when the file is not of that shape.
    /// </summary>
    public static WorkingCalendar FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("the holiday calendar is a JSON object");
            var holidays = ReadDays(root, "holidays");
            var workingDays = ReadDays(root, "workingDays");
            try
            {
                return new WorkingCalendar(holidays, workingDays);
            }
            catch (ArgumentException e)
            {
                throw new FormatException(e.Message, e);
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    private static List<CalendarDay> ReadDays(JsonElement root, string property)
    {
        var days = new List<CalendarDay>();
        if (!root.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null) return days;
        if (array.ValueKind != JsonValueKind.Array)
            throw new FormatException($"$.{property} must be an array");
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"$.{property}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
                throw new FormatException($"{path} must be an object with 'date' and 'name'");
            if (!item.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"{path}.date must be a date written yyyy-MM-dd");
            if (!item.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(nameElement.GetString()))
                throw new FormatException($"{path}.name must be a non-empty string");
            days.Add(new CalendarDay(date, nameElement.GetString()!));
        }
        return days;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
