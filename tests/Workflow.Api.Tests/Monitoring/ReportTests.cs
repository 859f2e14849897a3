using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Reports;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// The periodic monitoring reports on the Đồng Nai demo (clock on 2 March 2026): Xã Tân Khai's standing office
/// (tk.giamsat) compiles and submits the commune's report; a submitted report is frozen and corrected only by a new
/// version with a reason; the province's standing office (dn.tonghop) compiles the province's report from the communes'
/// submitted ones and lists Xã Tân Hưng, which has sent none, as missing.
/// </summary>
public sealed class ReportTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Commune = "tk.giamsat", Province = "dn.tonghop";

    private static Task<JsonNode> CreateAsync(HttpClient client, string template, string period, string? unit = null) =>
        client.PostAsJsonAsync("/api/monitoring/reports", new { template, period, unit }).OkAsync(HttpStatusCode.Created);

    private static string Id(JsonNode view) => (string)view["report"]!["id"]!;

    [Fact]
    public async Task Submit_WhenTheCommuneSendsItsHalfYearReport_FreezesItSoRefreshAndASecondReportAre409()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Commune);

        var draft = await CreateAsync(officer, "mau-01", "2026-H1");
        var id = Id(draft);
        Assert.Equal("Draft", (string?)draft["report"]!["status"]);
        Assert.Equal(1, (int)draft["report"]!["version"]!);
        // 30/6/2026 plus 15 working days (RULES 20, TT 10/2022 Art. 4(2)(a))
        Assert.Equal("2026-07-21", (string?)draft["report"]!["dueDate"]);
        Assert.True((long)draft["content"]!["money"]!["allocated"]! > 0, "Tân Khai's 2026 plan allocates money");

        var submitted = await officer.PostAsync($"/api/monitoring/reports/{id}/submit", null).OkAsync();
        Assert.Equal("Submitted", (string?)submitted["report"]!["status"]);

        using var refresh = await officer.PostAsync($"/api/monitoring/reports/{id}/refresh", null);
        var frozen = await ProblemAssert.IsProblemAsync(refresh, HttpStatusCode.Conflict);
        Assert.Equal("report.submitted", (string?)frozen["code"]);
        Assert.Contains("corrections", (string?)frozen["detail"], StringComparison.Ordinal);
        using var again = await officer.PostAsJsonAsync("/api/monitoring/reports", new { template = "mau-01", period = "2026-H1" });
        var exists = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("report.exists", (string?)exists["code"]);
        // the refusal names the report the unit already sent and what to do with it
        Assert.Contains(id, (string?)exists["detail"], StringComparison.Ordinal);
        Assert.Contains("điều chỉnh", (string?)exists["detail"], StringComparison.Ordinal);

        var journal = await (await s.As("dn.quantri")).JournalOfAsync("MonitoringReport", id);
        // the fixture's clock stands still, so both entries carry the same moment
        Assert.Equal(["create", "submit"], journal.Select(e => (string?)e!["action"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Correct_WhenTheReasonIsMissing_Answers400AndWithAReasonMakesVersion2CorrectingVersion1()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Commune);
        var id = Id(await CreateAsync(officer, "bieu-02", "2026-H1"));
        await officer.PostAsync($"/api/monitoring/reports/{id}/submit", null).OkAsync();

        using var noReason = await officer.PostAsJsonAsync($"/api/monitoring/reports/{id}/corrections", new { reason = " " });
        await ProblemAssert.HasErrorsExactlyAtAsync(noReason, "reason");
        var correction = await officer.PostAsJsonAsync($"/api/monitoring/reports/{id}/corrections", new { reason = "Bổ sung khoản giải ngân cuối tháng 6" })
            .OkAsync(HttpStatusCode.Created);

        Assert.Equal(2, (int)correction["report"]!["version"]!);
        Assert.Equal("Draft", (string?)correction["report"]!["status"]);
        Assert.Equal(id, (string?)correction["report"]!["correctsId"]);
        Assert.Equal("Bổ sung khoản giải ngân cuối tháng 6", (string?)correction["report"]!["correctionReason"]);
        var versions = correction["versions"]!.AsArray();
        Assert.Equal([1, 2], versions.Select(v => (int)v!["version"]!));
        Assert.False((bool)versions[0]!["latest"]!);
        // the first version stays as it was submitted; correcting it again would fork the history
        Assert.Equal("Submitted", (string?)(await officer.GetAsync($"/api/monitoring/reports/{id}").OkAsync())["report"]!["status"]);
        using var twice = await officer.PostAsJsonAsync($"/api/monitoring/reports/{id}/corrections", new { reason = "Lần nữa" });
        Assert.Equal("report.superseded", (string?)(await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task Create_WhenTheProvinceCompiles_AddsTanKhaisSubmittedReportListsTanHungAsMissingAndExportsTheTotal()
    {
        using var s = new Session(fixture.Factory);
        var commune = await s.As(Commune);
        var communeReport = await CreateAsync(commune, "mau-01", "2026");
        await commune.PostAsync($"/api/monitoring/reports/{Id(communeReport)}/submit", null).OkAsync();
        var communeAllocated = (long)communeReport["content"]!["money"]!["allocated"]!;

        var province = await CreateAsync(await s.As(Province), "mau-01", "2026");

        var content = province["content"]!;
        Assert.Equal("DN", (string?)province["report"]!["unit"]);
        // a province reports the year to the centre before 1 December
        Assert.Equal("2026-11-30", (string?)province["report"]!["dueDate"]);
        Assert.Equal(["DN.TK"], content["children"]!.AsArray().Select(c => (string?)c!["unit"]));
        Assert.Equal(["DN.TH"], content["missing"]!.AsArray().Select(c => (string?)c!["unit"]));
        Assert.Equal(communeAllocated, (long)content["money"]!["allocated"]!);
        // rows printed in triệu đồng add up to the printed total
        var rows = content["money"]!["rows"]!.AsArray();
        Assert.NotEmpty(rows);
        Assert.Equal((decimal)content["money"]!["allocatedMillions"]!, rows.Sum(r => (decimal)r!["allocatedMillions"]!));
        Assert.Equal(communeAllocated, rows.Sum(r => (long)r!["allocated"]!));

        var monitor = await s.As("dn.giamsat");
        var xlsx = await monitor.GetByteArrayAsync($"/api/monitoring/reports/{Id(province)}/export?format=xlsx");
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal("Báo cáo", sheets[0].Name!.Value);
            var money = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet;
            // columns A STT, B project, C source, D allocated (1), E disbursed (2), F rate (3)
            var header = money.Descendants<Row>().First(r => Text(r.At("A")) == "STT");
            Assert.Equal("Kế hoạch vốn giao", Text(header.At("D")));
            var total = money.Descendants<Row>().Single(r => Text(r.At("B")) == "Tổng cộng");
            Assert.Equal((decimal)content["money"]!["allocatedMillions"]!, decimal.Parse(total.At("D")!.CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Contains(money.Descendants<Row>(), r => Text(r.At("A")) == "Đơn vị tính: triệu đồng");
        }

        var json = await monitor.GetAsync($"/api/monitoring/reports/{Id(province)}/export?format=json").OkAsync();
        Assert.Equal("workflow.monitoring-report/1", (string?)json["format"]);
        Assert.Equal(communeAllocated, (long)json["content"]!["money"]!["allocated"]!);
        Assert.Equal("DN.TH", (string?)json["content"]!["missing"]![0]!["unit"]);
        var bytes = await monitor.GetByteArrayAsync($"/api/monitoring/reports/{Id(province)}/export?format=csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("unit,period,template,templateVersion,reportVersion,status,block,", csv, StringComparison.Ordinal);
        Assert.Contains("DN,2026,mau-01,1,1,Draft,missing,,,DN.TH,missing", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WhenThePeriodOrTemplateIsUnknown_Answers400NamingEachFieldAndCreatesNothing()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Commune);

        using var both = await officer.PostAsJsonAsync("/api/monitoring/reports", new { template = "mau-99", period = "2026-H3" });
        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(both, "template", "period");
        Assert.Contains("mau-01", errors["template"][0], StringComparison.Ordinal);
        Assert.Contains("2026-H1", errors["period"][0], StringComparison.Ordinal);
        // the evaluation report is annual: a half-year one is refused naming the period
        using var evaluation = await officer.PostAsJsonAsync("/api/monitoring/reports", new { template = "mau-02", period = "2025-H1" });
        await ProblemAssert.HasErrorsExactlyAtAsync(evaluation, "period");
        using var format = await officer.GetAsync($"/api/monitoring/reports/{Guid.NewGuid()}/export?format=pdf");
        await ProblemAssert.HasErrorsExactlyAtAsync(format, "format");
        Assert.Empty(await officer.GetArrayAsync("/api/monitoring/reports?period=2025-H1"));
    }

    [Fact]
    public async Task Reports_WhenAnotherCommuneOrARoleWithoutTheDutyActs_Answers403Or404AndTheProvinceMonitorReads()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Commune);
        var id = Id(await CreateAsync(officer, "bieu-01", "2026-H1"));

        await ProblemAssert.IsProblemAsync(await (await s.As("th.kinhte")).GetAsync($"/api/monitoring/reports/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await officer.PostAsJsonAsync("/api/monitoring/reports", new { template = "mau-01", period = "2026-H1", unit = "DN.TH" }),
            HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await (await s.As("tk.nongnghiep")).PostAsJsonAsync("/api/monitoring/reports", new { template = "bieu-02", period = "2026" }),
            HttpStatusCode.Forbidden);
        var monitor = await s.As("dn.giamsat");
        Assert.Equal(id, Id(await monitor.GetAsync($"/api/monitoring/reports/{id}").OkAsync()));
        // the province reads the commune's report but only the commune's standing office sends it
        await ProblemAssert.IsProblemAsync(await monitor.PostAsync($"/api/monitoring/reports/{id}/submit", null), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await (await s.As(Province)).PostAsync($"/api/monitoring/reports/{id}/submit", null), HttpStatusCode.Forbidden);
        Assert.Equal("Draft", (string?)(await officer.GetAsync($"/api/monitoring/reports/{id}").OkAsync())["report"]!["status"]);
    }

    [Fact]
    public async Task Due_WhenTheProvinceHasNotSent_ListsTheHalfYearReportDueBefore1June()
    {
        using var s = new Session(fixture.Factory);

        var due = await (await s.As(Province)).GetArrayAsync("/api/monitoring/reports/due");

        var half = Assert.Single(due, d => (string?)d!["period"] == "2026-H1" && (string?)d["template"] == "mau-01")!;
        Assert.Equal("2026-05-31", (string?)half["dueDate"]);
        Assert.False((bool)half["overdue"]!);
        Assert.True((int)half["workingDaysLeft"]! > 0);
    }

    [Fact]
    public async Task ReportTemplates_WhenListed_NameTheirSourceAndCertainty()
    {
        using var s = new Session(fixture.Factory);

        var templates = await (await s.As(Commune)).GetArrayAsync("/api/monitoring/report-templates");

        Assert.Equal(["bieu-01", "bieu-02", "mau-01", "mau-02"], templates.Select(t => (string?)t!["id"]));
        Assert.All(templates, t => Assert.Equal("Proposed", (string?)t!["certainty"]));
        Assert.All(templates, t => Assert.Contains("TT 10/2022", (string?)t!["source"], StringComparison.Ordinal));
    }

    private static string Text(Cell? cell) => cell switch
    {
        { DataType.Value: var type, InlineString: { } inline } when type == CellValues.InlineString => inline.InnerText,
        { CellValue: { } value } => value.Text,
        _ => "",
    };
}
