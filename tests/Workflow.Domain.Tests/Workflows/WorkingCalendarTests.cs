using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Workflows;

public class WorkingCalendarTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static readonly Lazy<string> ShippedJson = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays.json")));

    private static WorkingCalendar Shipped() => WorkingCalendar.FromJson(ShippedJson.Value);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Fact]
    public void AddWorkingDays_WhenStartIsFriday_SkipsTheWeekend()
    {
        Assert.Equal(D("2024-03-11"), WorkingCalendar.Empty.AddWorkingDays(D("2024-03-08"), 1));
        Assert.Equal(D("2024-03-15"), WorkingCalendar.Empty.AddWorkingDays(D("2024-03-08"), 5));
    }

    [Fact]
    public void AddWorkingDays_WhenStartIsSaturday_CountsFromMonday()
    {
        Assert.Equal(D("2024-03-11"), WorkingCalendar.Empty.AddWorkingDays(D("2024-03-09"), 1));
    }

    [Fact]
    public void AddWorkingDays_WhenZeroDays_ReturnsStart()
    {
        Assert.Equal(D("2024-03-09"), WorkingCalendar.Empty.AddWorkingDays(D("2024-03-09"), 0));
    }

    [Fact]
    public void AddWorkingDays_WhenNegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingCalendar.Empty.AddWorkingDays(D("2024-03-08"), -1));
    }

    [Fact]
    public void AddWorkingDays_WhenNextDayIsGioTo_SkipsIt()
    {
        var calendar = Shipped();
        Assert.False(calendar.IsWorkingDay(D("2024-04-18")));
        Assert.Equal(D("2024-04-19"), calendar.AddWorkingDays(D("2024-04-17"), 1));
    }

    [Fact]
    public void AddWorkingDays_WhenTet2024Follows_SkipsTheWholeBreak()
    {
        var calendar = Shipped();
        Assert.Equal(D("2024-02-15"), calendar.AddWorkingDays(D("2024-02-07"), 1));
        for (var day = D("2024-02-08"); day <= D("2024-02-14"); day = day.AddDays(1))
            Assert.False(calendar.IsWorkingDay(day), $"{day} should be a day off");
    }

    [Fact]
    public void IsWorkingDay_WhenMakeUpSaturday_IsTrue()
    {
        var calendar = Shipped();
        Assert.Equal(DayOfWeek.Saturday, D("2024-05-04").DayOfWeek);
        Assert.True(calendar.IsWorkingDay(D("2024-05-04")));
        Assert.False(calendar.IsWorkingDay(D("2024-05-11")));
    }

    [Fact]
    public void AddWorkingDays_WhenMakeUpSaturdayFollows_CountsIt()
    {
        var calendar = Shipped();
        // 26/4/2024 Fri → 29/4 (swapped), 30/4, 1/5 off → 2/5 Thu, 3/5 Fri, 4/5 Sat (làm bù), 6/5 Mon.
        Assert.Equal(D("2024-05-02"), calendar.AddWorkingDays(D("2024-04-26"), 1));
        Assert.Equal(D("2024-05-04"), calendar.AddWorkingDays(D("2024-04-26"), 3));
        Assert.Equal(D("2024-05-06"), calendar.AddWorkingDays(D("2024-04-26"), 4));
    }

    [Fact]
    public void IsWorkingDay_WhenCalendarBuiltInCode_AppliesHolidaysAndMakeUpDays()
    {
        var calendar = new WorkingCalendar(
            [new CalendarDay(D("2030-01-01"), "Tết Dương lịch")],
            [new CalendarDay(D("2030-01-05"), "Làm bù")]);
        Assert.False(calendar.IsWorkingDay(D("2030-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2030-01-05")));
        Assert.False(calendar.IsWorkingDay(D("2030-01-06")));
        Assert.True(calendar.IsWorkingDay(D("2030-01-02")));
        Assert.Equal("Tết Dương lịch", calendar.Holidays[D("2030-01-01")]);
    }

    [Fact]
    public void Constructor_WhenMakeUpDayIsAWeekday_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], [new CalendarDay(D("2030-01-07"), "Thứ Hai")]));
    }

    [Fact]
    public void Constructor_WhenHolidayListedTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(
            [new CalendarDay(D("2030-01-01"), "a"), new CalendarDay(D("2030-01-01"), "b")]));
    }

    [Fact]
    public void WorkingDaysBetween_WhenToIsEarlier_IsNegative()
    {
        var calendar = Shipped();
        Assert.Equal(1, calendar.WorkingDaysBetween(D("2024-02-07"), D("2024-02-15")));
        Assert.Equal(-1, calendar.WorkingDaysBetween(D("2024-02-15"), D("2024-02-07")));
        Assert.Equal(0, calendar.WorkingDaysBetween(D("2024-02-08"), D("2024-02-14")));
        Assert.Equal(0, calendar.WorkingDaysBetween(D("2024-02-15"), D("2024-02-15")));
    }

    [Fact]
    public void WorkingDaysBetween_WhenGivenAddWorkingDaysResult_ReturnsTheDays()
    {
        var calendar = Shipped();
        var random = new Random(20240208);
        var first = D("2021-12-01");
        for (var i = 0; i < 400; i++)
        {
            var start = first.AddDays(random.Next(0, 5 * 366));
            var days = random.Next(0, 60);
            var end = calendar.AddWorkingDays(start, days);
            Assert.Equal(days, calendar.WorkingDaysBetween(start, end));
            Assert.Equal(-days, calendar.WorkingDaysBetween(end, start));
            if (days > 0)
            {
                Assert.True(calendar.IsWorkingDay(end), $"{start} + {days} = {end} is not a working day");
                Assert.True(end > start);
                // The day before the result is strictly fewer working days away.
                Assert.Equal(days - 1, calendar.WorkingDaysBetween(start, end.AddDays(-1)));
            }
            var other = start.AddDays(random.Next(-90, 90));
            Assert.Equal(-calendar.WorkingDaysBetween(other, start), calendar.WorkingDaysBetween(start, other));
        }
    }

    [Fact]
    public void DueAt_WhenOpenedInVietnamDaytime_EndsAtMidnightOfTheDueDay()
    {
        var calendar = Shipped();
        var opened = new DateTimeOffset(2024, 4, 17, 9, 30, 0, Vietnam);
        var due = calendar.DueAt(opened, 1);
        Assert.Equal(new DateTimeOffset(2024, 4, 19, 23, 59, 59, Vietnam).AddTicks(9_999_990), due);
        Assert.Equal(Vietnam, due.Offset);
        Assert.Equal(new DateTimeOffset(2024, 4, 20, 0, 0, 0, Vietnam), due.AddTicks(TimeSpan.TicksPerMicrosecond));
    }

    [Fact]
    public void DueAt_WhenOpenedLateEveningUtc_TakesTheNextVietnamDayAsOpeningDay()
    {
        var calendar = WorkingCalendar.Empty;
        // Thursday 21:00 UTC is Friday 04:00 in Vietnam: one working day later is Monday, not Friday.
        var opened = new DateTimeOffset(2024, 3, 7, 21, 0, 0, TimeSpan.Zero);
        var due = calendar.DueAt(opened, 1);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 23, 59, 59, Vietnam).AddTicks(9_999_990), due);
        Assert.Equal(Vietnam, due.Offset);
    }

    [Fact]
    public void DueAt_WhenZeroDays_EndsTheOpeningDay()
    {
        var due = WorkingCalendar.Empty.DueAt(new DateTimeOffset(2024, 3, 9, 10, 0, 0, Vietnam), 0);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 23, 59, 59, Vietnam).AddTicks(9_999_990), due);
    }

    [Fact]
    public void FromJson_WhenShippedFile_ParsesWithEntriesForEveryYear()
    {
        var calendar = Shipped();
        for (var year = 2022; year <= 2026; year++)
        {
            var days = calendar.Holidays.Keys.Where(d => d.Year == year).ToList();
            Assert.True(days.Count >= 8, $"{year} has only {days.Count} holiday entries");
            Assert.Contains(days, d => d.Month is 1 or 2);          // Tết
            Assert.Contains(days, d => d.Month is 4 or 5);          // Giỗ Tổ, 30/4, 1/5
            Assert.Contains(days, d => d.Month is 8 or 9);          // Quốc khánh
        }
        Assert.All(calendar.Holidays.Values, name => Assert.False(string.IsNullOrWhiteSpace(name)));
    }

    [Fact]
    public void FromJson_WhenShippedFile_HasNoHolidayOnAWeekendAndOnlyWeekendMakeUpDays()
    {
        var calendar = Shipped();
        Assert.All(calendar.Holidays.Keys, d =>
            Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"holiday {d} falls on a {d.DayOfWeek}"));
        Assert.NotEmpty(calendar.MakeUpWorkingDays);
        Assert.All(calendar.MakeUpWorkingDays.Keys, d =>
            Assert.True(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"make-up day {d} is a {d.DayOfWeek}"));
    }

    [Fact]
    public void FromJson_WhenShippedFile_HasDescriptionAndKnownAnchors()
    {
        using var document = System.Text.Json.JsonDocument.Parse(ShippedJson.Value);
        Assert.False(string.IsNullOrWhiteSpace(document.RootElement.GetProperty("description").GetString()));
        var calendar = Shipped();
        foreach (var iso in new[] { "2024-01-01", "2024-04-18", "2024-04-30", "2024-05-01", "2024-09-02", "2025-01-29", "2025-04-07", "2026-02-17" })
            Assert.False(calendar.IsWorkingDay(D(iso)), $"{iso} should be a day off");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"holidays\": [{\"date\": \"2024-13-01\", \"name\": \"x\"}]}")]
    [InlineData("{\"holidays\": [{\"date\": \"2024-01-01\"}]}")]
    [InlineData("{\"holidays\": {}}")]
    [InlineData("{\"workingDays\": [{\"date\": \"2024-05-06\", \"name\": \"Monday\"}]}")]
    [InlineData("{ not json")]
    public void FromJson_WhenMalformed_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => WorkingCalendar.FromJson(json));
    }

    [Fact]
    public void Empty_WhenAsked_HasOnlyWeekends()
    {
        Assert.Empty(WorkingCalendar.Empty.Holidays);
        Assert.True(WorkingCalendar.Empty.IsWorkingDay(D("2024-01-01")));
        Assert.False(WorkingCalendar.Empty.IsWorkingDay(D("2024-01-06")));
    }
}
