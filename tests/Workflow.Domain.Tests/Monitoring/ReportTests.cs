using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Checks;
using Workflow.Domain.Monitoring.Reports;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Monitoring;

public sealed class ReportTemplateTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "catalogues", "monitoring", "report-templates");

    private static string Template(string tables = """[ { "code": "money", "title": "Vốn", "rows": "money", "columns": [ { "code": "1", "header": "Kế hoạch", "field": "allocated" } ] } ]""",
        string sections = "[]", string extra = "") =>
        $$"""
        { "id": "mau-01", "version": 1, "form": "Mẫu số 01", "title": "Báo cáo giám sát", "kind": "monitoring", "periods": ["halfYear", "year"],
          "source": "TT 10/2022", "certainty": "proposed" {{extra}}, "sections": {{sections}}, "tables": {{tables}} }
        """;

    [Theory]
    [InlineData("mau-01", ReportTemplateKind.Monitoring)]
    [InlineData("mau-02", ReportTemplateKind.Evaluation)]
    [InlineData("bieu-01", ReportTemplateKind.ResultsFramework)]
    [InlineData("bieu-02", ReportTemplateKind.ResultsTable)]
    public void Read_WhenTheShippedTemplate_HasNoProblemsAndNamesItsSourceAndCertainty(string id, ReportTemplateKind kind)
    {
        var (template, problems) = ReportTemplate.Read(File.ReadAllText(Path.Combine(Folder, $"{id}.json")));

        Assert.Empty(problems);
        Assert.Equal(id, template!.Id);
        Assert.Equal(kind, template.Kind);
        Assert.Contains("TT 10/2022", template.Source, StringComparison.Ordinal);
        Assert.Equal(TemplateCertainty.Proposed, template.Certainty);
    }

    [Fact]
    public void Read_WhenTheShippedMoneyTable_PrintsAllocatedAndDisbursedInMillions()
    {
        var (template, _) = ReportTemplate.Read(File.ReadAllText(Path.Combine(Folder, "bieu-02.json")));

        var money = template!.Tables.Single(t => t.Rows == ReportRows.Money);
        Assert.All(money.Columns.Where(c => c.Field is "allocated" or "disbursed"), c => Assert.Equal("triệu đồng", c.Unit));
    }

    [Fact]
    public void Read_WhenAFieldIsUnknown_RefusesNamingItsPath()
    {
        var (template, problems) = ReportTemplate.Read(Template(extra: """, "colour": "blue" """));

        Assert.Null(template);
        ViolationAssert.AssertBroken(problems, "colour", "không có trong mẫu");
    }

    [Fact]
    public void Read_WhenTheCertaintyIsMissing_RefusesBecauseEveryTemplateSaysHowSureItIs()
    {
        var json = Template().Replace(""", "certainty": "proposed" """, " ", StringComparison.Ordinal);

        var (_, problems) = ReportTemplate.Read(json);

        ViolationAssert.AssertBroken(problems, "certainty", "proposed", "confirmed");
    }

    [Fact]
    public void Read_WhenAColumnShowsAFieldItsRowsDoNotHave_RefusesListingTheFields()
    {
        var (_, problems) = ReportTemplate.Read(Template(
            """[ { "code": "money", "title": "Vốn", "rows": "money", "columns": [ { "code": "1", "header": "Kế hoạch", "field": "allocated" }, { "code": "1", "header": "Hộ", "field": "households" } ] } ]"""));

        ViolationAssert.AssertBrokenPaths(problems, "tables[0].columns[1].code", "tables[0].columns[1].field");
        ViolationAssert.AssertBroken(problems, "tables[0].columns[1].field", "'households'", "allocated, disbursed");
    }

    [Fact]
    public void Read_WhenASectionNamesAMissingTable_RefusesNamingTheSection()
    {
        var (_, problems) = ReportTemplate.Read(Template(sections: """[ { "code": "II", "title": "Vốn", "table": "outputs" } ]"""));

        ViolationAssert.AssertBrokenPaths(problems, "sections[0].table");
    }

    [Fact]
    public void Latest_WhenTwoVersionsAreLoaded_GivesTheNewestAndFindsTheOld()
    {
        var v1 = ReportTemplate.Read(Template()).Template!;
        var v2 = ReportTemplate.Read(Template().Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)).Template!;

        var templates = new ReportTemplates([v2, v1]);

        Assert.Equal(2, templates.Latest("mau-01")!.Version);
        Assert.Same(v1, templates.Find("mau-01", 1));
        Assert.Null(templates.Latest("mau-99"));
    }
}

public sealed class ReportPeriodTests
{
    private static readonly Lazy<WorkingCalendar> Calendar = new(() =>
        WorkingCalendar.FromJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays.json"))));

    [Theory]
    [InlineData("2026-H1", 2026, ReportPeriodKind.HalfYear, "2026-06-30")]
    [InlineData("2026", 2026, ReportPeriodKind.Year, "2026-12-31")]
    [InlineData("2025-h1", 2025, ReportPeriodKind.HalfYear, "2025-06-30")]
    public void Parse_WhenWrittenAsTheApiWritesIt_GivesTheYearKindAndEnd(string text, int year, ReportPeriodKind kind, string end)
    {
        var (period, problem) = ReportPeriod.Parse(text);

        Assert.Null(problem);
        Assert.Equal(new ReportPeriod(year, kind), period);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period!.Value.End);
    }

    [Theory]
    [InlineData("2026-H2")]
    [InlineData("H1-2026")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2019")]
    public void Parse_WhenNotAPeriod_NamesTheFieldAndTheAcceptedForms(string? text)
    {
        var (period, problem) = ReportPeriod.Parse(text);

        Assert.Null(period);
        Assert.Equal("period", problem!.Path);
    }

    [Fact]
    public void ToSameLevel_WhenTheFirstHalfOf2026Ends_IsTuesday21July2026()
    {
        // 30/6/2026 is a Tuesday; July 2026 has no holiday: 1–3, 6–10, 13–17, 20, 21 July are the 15 working days
        var due = ReportDeadlines.ToSameLevel(ReportPeriod.ParseOrThrow("2026-H1"), Calendar.Value);

        Assert.Equal(new DateOnly(2026, 7, 21), due);
        Assert.Equal(DayOfWeek.Tuesday, due.DayOfWeek);
    }

    [Fact]
    public void ToSameLevel_WhenHolidaysFallInTheFifteenDays_CountsOnlyWorkingDays()
    {
        // 31/12/2024 is a Tuesday; 1/1/2025 is a holiday, so the 15th working day is Wednesday 22/1/2025, not Tuesday 21/1
        Assert.Equal(new DateOnly(2025, 1, 22), ReportDeadlines.ToSameLevel(ReportPeriod.ParseOrThrow("2024"), Calendar.Value));
    }

    [Theory]
    [InlineData("2026-H1", "2026-05-31")]
    [InlineData("2026", "2026-11-30")]
    public void ToCentral_WhenAProvinceReports_IsTheDayBefore1JuneOr1December(string period, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), ReportDeadlines.ToCentral(ReportPeriod.ParseOrThrow(period)));
    }
}

public sealed class MonitoringReportTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 10, 9, 0, 0, TimeSpan.FromHours(7));

    private static ReportTemplate Template(params string[] periods) => ReportTemplate.Read(
        $$"""
        { "id": "mau-01", "version": 1, "form": "Mẫu số 01", "title": "Báo cáo giám sát", "kind": "monitoring",
          "periods": {{System.Text.Json.JsonSerializer.Serialize(periods)}}, "source": "TT 10/2022", "certainty": "proposed",
          "sections": [ { "code": "I", "title": "Chỉ đạo" } ] }
        """).Template!;

    private static MonitoringReport Draft() => MonitoringReport.Create(Guid.NewGuid(), "DN.TK", "Xã Tân Khai", Template("halfYear", "year"),
        ReportPeriod.ParseOrThrow("2026-H1"), new DateOnly(2026, 7, 21), """{"total":1}""", "tk.giamsat", At);

    [Fact]
    public void Create_WhenFirstReport_IsVersionOneDraftWithItsDueDate()
    {
        var report = Draft();

        Assert.Equal(1, report.Version);
        Assert.Equal(MonitoringReportStatus.Draft, report.Status);
        Assert.Equal("2026-H1", report.Period);
        Assert.Equal(new DateOnly(2026, 7, 21), report.DueDate);
    }

    [Fact]
    public void Create_WhenTheTemplateIsNotForThePeriod_RefusesNamingThePeriod()
    {
        var e = Assert.Throws<ValidationFailedException>(() => MonitoringReport.Create(Guid.NewGuid(), "DN.TK", "Xã Tân Khai", Template("year"),
            ReportPeriod.ParseOrThrow("2026-H1"), new DateOnly(2026, 7, 21), "{}", "tk.giamsat", At));

        ViolationAssert.AssertBroken(e.Violations, "period", "2026-H1");
    }

    [Fact]
    public void Recompile_WhenDraft_ReplacesTheFigures()
    {
        var report = Draft();

        report.Recompile("""{"total":2}""", At.AddDays(1));

        Assert.Equal("""{"total":2}""", report.Content);
        Assert.Equal(At.AddDays(1), report.CompiledAt);
    }

    [Fact]
    public void Recompile_WhenSubmitted_RefusesAndKeepsTheFrozenFigures()
    {
        var report = Draft();
        report.Submit("tk.giamsat", At);

        var e = Assert.Throws<ConflictException>(() => report.Recompile("""{"total":2}""", At.AddDays(1)));

        Assert.Equal("report.submitted", e.Code);
        Assert.Contains("corrections", e.Message, StringComparison.Ordinal);
        Assert.Equal("""{"total":1}""", report.Content);
    }

    [Fact]
    public void Submit_WhenAlreadySubmitted_Refuses()
    {
        var report = Draft();
        report.Submit("tk.giamsat", At);

        Assert.Equal("report.submitted", Assert.Throws<ConflictException>(() => report.Submit("tk.giamsat", At)).Code);
        Assert.Equal("tk.giamsat", report.SubmittedBy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Correct_WhenNoReason_RefusesNamingTheReason(string? reason)
    {
        var report = Draft();
        report.Submit("tk.giamsat", At);

        var e = Assert.Throws<ValidationFailedException>(() => report.Correct(Guid.NewGuid(), reason, Template("halfYear", "year"), report.DueDate, "{}", "tk.giamsat", At));

        ViolationAssert.AssertBrokenPaths(e.Violations, "reason");
    }

    [Fact]
    public void Correct_WhenSubmitted_MakesTheNextVersionADraftNamingTheOneItCorrects()
    {
        var report = Draft();
        report.Submit("tk.giamsat", At);

        var correction = report.Correct(Guid.NewGuid(), " Bổ sung khoản giải ngân tháng 6 ", Template("halfYear", "year"), report.DueDate, """{"total":3}""", "tk.giamsat", At.AddDays(3));

        Assert.Equal(2, correction.Version);
        Assert.Equal(MonitoringReportStatus.Draft, correction.Status);
        Assert.Equal(report.Id, correction.CorrectsId);
        Assert.Equal("Bổ sung khoản giải ngân tháng 6", correction.CorrectionReason);
        Assert.Equal("""{"total":1}""", report.Content);
    }

    [Fact]
    public void Correct_WhenStillADraft_RefusesBecauseADraftIsRecompiled()
    {
        var report = Draft();

        var e = Assert.Throws<ConflictException>(() => report.Correct(Guid.NewGuid(), "lý do", Template("halfYear", "year"), report.DueDate, "{}", "tk.giamsat", At));

        Assert.Equal("report.notSubmitted", e.Code);
    }
}

public sealed class ReportMoneyTests
{
    [Fact]
    public void Table_WhenRowsRoundDifferently_PrintsMillionsThatAddUpToThePrintedTotal()
    {
        // 0,4 + 0,4 + 0,4 triệu = 1,2 triệu: rounded alone each row would print 0 and the total 1
        var lines = new[]
        {
            new MoneyLine("DA2", "Dự án 2", FundingSource.Central, 400_000, 0),
            new MoneyLine("DA3.1", "Tiểu dự án 1 Dự án 3", FundingSource.Central, 400_000, 0),
            new MoneyLine("DA4.1", "Tiểu dự án 1 Dự án 4", FundingSource.Central, 400_000, 0),
        };

        var table = ReportMoney.Table(lines, 0);

        Assert.Equal(1m, table.AllocatedMillions);
        Assert.Equal(table.AllocatedMillions, table.Rows.Sum(r => r.AllocatedMillions));
        Assert.Equal(1_200_000, table.Allocated);
    }

    [Fact]
    public void Combine_WhenTwoUnitsReportTheSameComponentAndSource_AddsThemInDong()
    {
        var combined = ReportMoney.Combine([
            new MoneyLine("DA2", "Dự án 2", FundingSource.Central, 1_000_000_000, 250_000_000),
            new MoneyLine("DA2", "Dự án 2", FundingSource.Central, 500_000_000, 100_000_000),
            new MoneyLine("DA2", "Dự án 2", FundingSource.Commune, 50_000_000, 0),
        ]);

        Assert.Equal(2, combined.Count);
        Assert.Equal(1_500_000_000, combined[0].Allocated);
        Assert.Equal(350_000_000, combined[0].Disbursed);
    }

    [Fact]
    public void DisbursedWithinAllocated_WhenMorePaidThanAllocated_WarnsWithBothAmountsAndTheExcess()
    {
        var warnings = DisbursedWithinAllocated.Check([
            new MoneyLine("DA2", "Dự án 2", FundingSource.Central, 1_000_000_000, 1_200_000_000),
            new MoneyLine("DA3.1", "Tiểu dự án 1 Dự án 3", FundingSource.Central, 1_000_000_000, 1_000_000_000),
        ]).ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal(nameof(DisbursedWithinAllocated), warning.Check);
        Assert.Equal("money[DA2.Central]", warning.Path);
        Assert.Contains("1.200.000.000 ₫", warning.Message, StringComparison.Ordinal);
        Assert.Contains("1.000.000.000 ₫", warning.Message, StringComparison.Ordinal);
        Assert.Contains("200.000.000 ₫", warning.Message, StringComparison.Ordinal);
    }
}

public sealed class ReportCompilationTests
{
    private static readonly DateTimeOffset At = new(2026, 7, 25, 9, 0, 0, TimeSpan.FromHours(7));

    private static ReportHeader Header(string unit) => new(unit, unit, "2026", "năm 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31),
        new DateOnly(2026, 11, 30), "mau-01", 1, "Mẫu số 01", "Báo cáo giám sát", "TT 10/2022", TemplateCertainty.Proposed, At);

    private static ReportContent Commune(string unit, long allocated, int households, int poor) => ReportCompilation.Compile(Header(unit), 0,
        new ReportFigures([new MoneyLine("DA2", "Dự án 2", FundingSource.Central, allocated, allocated / 4)],
            [new ReportOutput("DA2.models", "Mô hình", "mô hình", 2, 1)], [],
            PovertyFigures.None with { BaselineHouseholds = households, BaselinePoor = poor }, new EscapedFigures(1, 3, 10), []),
        [], []);

    [Fact]
    public void Compile_WhenAProvinceAddsItsCommunes_SumsCountsAndMoneyAndRecomputesTheRateFromTheSums()
    {
        // 2 poor of 10 households (20 %) and 10 of 1.000 (1 %): the province's rate is 12/1.010 = 1,19 %, not the 10,5 % average
        var a = Commune("DN.A", 1_000_000_000, 10, 2);
        var b = Commune("DN.B", 600_000_000, 1_000, 10);
        var child = (ReportContent c, string unit) => (new ReportChild(unit, unit, Guid.NewGuid(), 1, At, 0, 0), c);

        var province = ReportCompilation.Compile(Header("DN"), 0, new ReportFigures([], [], [], PovertyFigures.None, EscapedFigures.None, []),
            [child(a, "DN.A"), child(b, "DN.B")], [new MissingChild("DN.C", "Xã C")]);

        Assert.Equal(1_600_000_000, province.Money.Allocated);
        Assert.Equal(1_600m, province.Money.AllocatedMillions);
        Assert.Equal(4, province.Outputs.Single().Planned);
        Assert.Equal(1.19m, province.Poverty.Single(r => r.Indicator == "poverty.poorRate").Baseline);
        Assert.Equal(6, province.EscapedAfterSupport.Households);
        Assert.Equal(30.00m, province.EscapedAfterSupport.Percent);
        Assert.Equal(["DN.A", "DN.B"], province.Children.Select(c => c.Unit));
        Assert.Equal(1_000_000_000, province.Children[0].Allocated);
        Assert.Equal("DN.C", Assert.Single(province.Missing).Unit);
    }

    [Fact]
    public void Compile_WhenAChildWarns_KeepsTheWarningUnderTheChildsPath()
    {
        var over = ReportCompilation.Compile(Header("DN.A"), 0,
            new ReportFigures([new MoneyLine("DA2", "Dự án 2", FundingSource.Central, 100, 200)], [], [], PovertyFigures.None, EscapedFigures.None,
                [.. DisbursedWithinAllocated.Check([new MoneyLine("DA2", "Dự án 2", FundingSource.Central, 100, 200)])]), [], []);

        var province = ReportCompilation.Compile(Header("DN"), 0, new ReportFigures([], [], [], PovertyFigures.None, EscapedFigures.None, []),
            [(new ReportChild("DN.A", "Xã A", Guid.NewGuid(), 1, At, 0, 0), over)], []);

        Assert.Equal("children[DN.A].money[DA2.Central]", Assert.Single(province.Warnings).Path);
    }

    [Fact]
    public void RemindFrom_WhenACommunesHalfYearReportIsDue21July_IsTheFirstWorkingDayAfterThePeriod()
    {
        var calendar = WorkingCalendar.FromJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays.json")));

        Assert.Equal(new DateOnly(2026, 7, 1), ReportDeadlines.RemindFrom(new DateOnly(2026, 7, 21), calendar));
        // the province's half-year report goes to the centre by Sunday 31 May: 15 working days back from Friday 29 May
        Assert.Equal(new DateOnly(2026, 5, 11), ReportDeadlines.RemindFrom(ReportDeadlines.ToCentral(ReportPeriod.ParseOrThrow("2026-H1")), calendar));
    }
}
