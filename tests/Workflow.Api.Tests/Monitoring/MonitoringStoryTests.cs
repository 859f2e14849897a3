using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Features.Monitoring.Reports;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// Monitoring in one commune's first half of 2026, end to end on the Đồng Nai demo: Xã Tân Khai's standing office enters
/// the end-2025 census (the 2026 baseline) and the year's target; two sub-projects plan their outputs and record what
/// they delivered at acceptance; when the half-year ends the report is due in the standing office's inbox, and it is sent
/// on time; the province's standing office compiles the provincial report from its communes, Xã Tân Khai counted and
/// Xã Tân Hưng — which sent nothing — listed as missing; both reports export to Excel and to the national database's JSON.
/// </summary>
public sealed class MonitoringStoryTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Officer = "tk.giamsat", Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2", Chair = "tk.chutich",
        Treasury = "khobac.kv", ProvinceOfficer = "dn.tonghop";

    private static JsonArray Outputs(params (string Indicator, long Quantity)[] outputs) =>
        [.. outputs.Select(o => (JsonNode)new JsonObject { ["indicator"] = o.Indicator, ["quantity"] = o.Quantity })];

    /// <summary>A DA2 model of Tân Khai with its planned outputs, appraised by the economic office and approved by the chairman.</summary>
    private static async Task<Guid> ApprovedModelAsync(Session s, string title, long support, JsonArray planned)
    {
        var clerk = await s.As(Clerk);
        var body = CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA2"), support, title);
        body["plannedOutputs"] = planned;
        var id = await clerk.CreateProposalOkAsync(body);
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As(Finance);
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("71/QĐ-UBND", "2026-03-02"));
        return id;
    }

    /// <summary>The acceptance of a model: what it delivered by indicator, the households it reached, what it cost (all it was paid).</summary>
    private static async Task AcceptAsync(HttpClient clerk, Guid proposal, JsonArray actual, int reached)
    {
        var shown = await clerk.GetProposalAsync(proposal);
        var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: reached, reachedTotal: reached);
        body.Remove("outputs");
        body["acceptedOn"] = "2026-06-15";
        body["actualCost"] = new JsonObject(LifecycleApi.Sources.Select(source => KeyValuePair.Create(source, (JsonNode?)Position.Of(shown, source).Disbursed)));
        body["actualOutputs"] = actual;
        await clerk.OpenSettlementOkAsync(proposal, body);
    }

    private static async Task<JsonNode?> ReportTaskAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/tasks?subjectType=MonitoringReport&pageSize=100"))["items"]!.AsArray()
        .SingleOrDefault(t => (string?)t!["subjectCode"] == "mau-01/2026-H1/v1");

    private static Dictionary<string, (long? Planned, long? Actual)> OutputsOf(JsonNode content) =>
        content["outputs"]!.AsArray().ToDictionary(o => (string)o!["indicator"]!, o => ((long?)o!["planned"], (long?)o["actual"]));

    [Fact]
    public async Task HalfYear_WhenTheCommuneEntersItsBaselineRecordsOutputsAndReportsOnTime_TheProvinceCompilesItListingTheCommuneThatDidNot()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Officer);

        // Monday 2 March 2026: the end-2025 review is the 2026 baseline; the year's target is 10 poor households fewer
        await officer.PostAsJsonAsync("/api/monitoring/baselines", new
        {
            year = 2025, asOf = "2025-12-31", basis = "QĐ 08/QĐ-UBND ngày 06/01/2026 công nhận kết quả rà soát năm 2025",
            totalHouseholds = 3_210, poor = new { households = 48 }, nearPoor = new { households = 66 },
        }).OkAsync(HttpStatusCode.Created);
        await officer.PostAsJsonAsync("/api/monitoring/targets", new
        {
            year = 2026, kind = "ReduceCount", subject = "poorHouseholds", value = 10, basis = "NQ 15/NQ-HĐND ngày 20/12/2025 của HĐND xã",
        }).OkAsync(HttpStatusCode.Created);

        // two models plan their outputs; the first is paid 20,000,000 through the regional treasury
        var goats = await ApprovedModelAsync(s, "Mô hình nuôi dê sinh sản ấp 3", 20_000_000, Outputs(("DA2.models", 1), ("DA2.participants", 15)));
        var mushrooms = await ApprovedModelAsync(s, "Mô hình trồng nấm rơm ấp 5", 12_000_000, Outputs(("DA2.models", 1), ("DA2.participants", 10)));
        var clerk = await s.As(Clerk);
        var payment = await clerk.CreateDisbursementOkAsync(goats, "Payment", 20_000_000);
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", payment, "approve");
        await (await s.As(Treasury)).ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-TT-0611", "2026-03-02"));

        // Monday 15 June: both are accepted, the goats with 14 households taking part, the mushrooms with 10
        s.MoveTo(new DateOnly(2026, 6, 15));
        clerk = await s.As(Clerk);
        await AcceptAsync(clerk, goats, Outputs(("DA2.models", 1), ("DA2.participants", 14)), reached: 14);
        await AcceptAsync(clerk, mushrooms, Outputs(("DA2.models", 1), ("DA2.participants", 10)), reached: 10);

        // Wednesday 1 July: the half-year has ended; its report is the standing office's task, due Tuesday 21 July
        s.MoveTo(new DateOnly(2026, 7, 1));
        await fixture.Factory.InScopeAsync(services => services.GetRequiredService<ReportReminders>().OpenDueAsync());
        officer = await s.As(Officer);
        var task = await ReportTaskAsync(officer);
        Assert.NotNull(task);
        Assert.False((bool)task["overdue"]!);
        var reportId = (string)task["subjectId"]!;

        // Wednesday 8 July: the office brings the draft up to date and sends it, on time; the task leaves the inbox
        s.MoveTo(new DateOnly(2026, 7, 8));
        officer = await s.As(Officer);
        var refreshed = await officer.PostAsync($"/api/monitoring/reports/{reportId}/refresh", null).OkAsync();
        var communeContent = refreshed["content"]!;
        Assert.Equal((2L, 2L), OutputsOf(communeContent)["DA2.models"]);
        Assert.Equal((25L, 24L), OutputsOf(communeContent)["DA2.participants"]);
        var poor = communeContent["poverty"]!.AsArray().Single(r => (string?)r!["indicator"] == "poverty.poorHouseholds")!;
        Assert.Equal((48m, 38m), ((decimal)poor["baseline"]!, (decimal)poor["target"]!));
        Assert.Equal(20_000_000, (long)communeContent["money"]!["disbursed"]!);
        var submitted = await officer.PostAsync($"/api/monitoring/reports/{reportId}/submit", null).OkAsync();
        Assert.Equal("Submitted", (string?)submitted["report"]!["status"]);
        Assert.False((bool)submitted["report"]!["late"]!);
        Assert.Equal("2026-07-21", (string?)submitted["report"]!["dueDate"]);
        Assert.Null(await ReportTaskAsync(officer));

        // the province's standing office compiles from its communes' submitted reports
        var province = await s.As(ProvinceOfficer);
        var existing = (await province.GetJsonAsync("/api/monitoring/reports?unit=DN&period=2026-H1&template=mau-01")).AsArray();
        var provincial = existing.Count == 0
            ? await province.PostAsJsonAsync("/api/monitoring/reports", new { template = "mau-01", period = "2026-H1", unit = "DN" }).OkAsync(HttpStatusCode.Created)
            : await province.PostAsync($"/api/monitoring/reports/{(string)existing[^1]!["id"]!}/refresh", null).OkAsync();
        var content = provincial["content"]!;
        Assert.Equal(["DN.TK"], content["children"]!.AsArray().Select(c => (string?)c!["unit"]));
        Assert.Equal(["DN.TH"], content["missing"]!.AsArray().Select(c => (string?)c!["unit"]));
        Assert.Equal((2L, 2L), OutputsOf(content)["DA2.models"]);
        // the province has no plan of its own for 2026 and Tân Hưng's money is not counted until it reports
        Assert.Equal((long)communeContent["money"]!["allocated"]!, (long)content["money"]!["allocated"]!);
        Assert.Equal(20_000_000, (long)content["money"]!["disbursed"]!);
        var provinceId = (string)provincial["report"]!["id"]!;

        // both export to Excel in the table layout and to the machine format
        foreach (var (client, id, unit) in new[] { (officer, reportId, "DN.TK"), (province, provinceId, "DN") })
        {
            var xlsx = await client.GetByteArrayAsync($"/api/monitoring/reports/{id}/export?format=xlsx");
            using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
                Assert.Contains(document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>(), sheet => sheet.Name == "Báo cáo");
            var json = await client.GetAsync($"/api/monitoring/reports/{id}/export?format=json").OkAsync();
            Assert.Equal("workflow.monitoring-report/1", (string?)json["format"]);
            Assert.Equal(unit, (string?)json["content"]!["header"]!["unit"]);
        }
    }
}
