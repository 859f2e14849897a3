using Workflow.Infrastructure.Identity;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Reports;

/// <summary>Report calls and the lifecycle calls that move money, as the users make them.</summary>
internal static class ReportHttp
{
    public const string Clerk = "nongnghiep", Finance = "taichinh", Finance2 = "taichinh2", Chair = "chutich", Treasury = "khobac";
    public static readonly string[] Sources = ["Central", "Provincial", "District", "Commune"];

    public static async Task<JsonNode> ReportAsync(this HttpClient client, Guid planId)
    {
        using var response = await client.GetAsync($"/api/reports/plans/{planId}");
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    public static async Task<JsonNode> PostOkAsync(this HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        return (await response.ExpectAsync(status))!;
    }

    public static Task<JsonNode> ActAsync(this HttpClient client, string subjects, Guid id, string action, object? data = null) =>
        client.PostOkAsync($"/api/{subjects}/{id}/actions/{action}", new { comment = "Đồng ý", data });

    public static async Task<Guid> LineIdAsync(this HttpClient client, Guid planId, string component)
    {
        var plan = await client.GetPlanAsync(planId);
        return Guid.Parse((string)plan["lines"]!.AsArray().Single(l => (string?)l!["component"] == component)!["id"]!);
    }

    public static async Task<Guid> CreateProposalAsync(this HttpClient clerk, Guid lineId, string title, long totalCost, long stateSupport,
        object beneficiaries, long? contractValue)
    {
        var created = await clerk.PostOkAsync("/api/proposals", new
        {
            planLineId = lineId, title, kind = "PovertyReductionModel", areaType = "Other", communes = new[] { "BP.HQ.TK" },
            startDate = "2024-06-10", endDate = "2024-12-15", totalCost, stateSupport,
            counterpart = new { cash = (totalCost - stateSupport) / 2, labour = totalCost - stateSupport - (totalCost - stateSupport) / 2, inKind = 0 },
            beneficiaries, attachments = Array.Empty<object>(), contractValue,
        }, HttpStatusCode.Created);
        return Guid.Parse((string)created["id"]!);
    }

    /// <summary>Submit, appraise and approve, each by the user whose role it is.</summary>
    public static async Task ApproveAsync(Guid proposalId, HttpClient clerk, HttpClient finance, HttpClient chair, bool submit = true)
    {
        if (submit) await clerk.ActAsync("proposals", proposalId, "submit");
        await finance.ActAsync("proposals", proposalId, "start-appraisal");
        await finance.ActAsync("proposals", proposalId, "appraise-pass");
        await chair.ActAsync("proposals", proposalId, "approve", new { decisionNumber = "125/QĐ-UBND", decisionDate = "2024-05-31" });
    }

    public static Dictionary<string, long> SplitOf(JsonNode split) => Sources.ToDictionary(s => s, s => (long?)split[s] ?? 0);

    /// <summary>Requested by the clerk, approved by the second finance officer, paid by the treasury; returns the split per source.</summary>
    public static async Task<Dictionary<string, long>> DisburseAsync(Guid proposalId, string kind, long amount, string treasuryReference,
        HttpClient clerk, HttpClient finance2, HttpClient treasury)
    {
        var created = await clerk.PostOkAsync($"/api/proposals/{proposalId}/disbursements", new { kind, amount, contractValue = (long?)null }, HttpStatusCode.Created);
        var id = Guid.Parse((string)created["id"]!);
        await clerk.ActAsync("disbursements", id, "request");
        await finance2.ActAsync("disbursements", id, "approve");
        await treasury.ActAsync("disbursements", id, "confirm-payment", new { treasuryReference, paidOn = "2024-06-03" });
        return SplitOf(created["split"]!);
    }

    public static JsonNode Line(this JsonNode report, string component) =>
        report["lines"]!.AsArray().Single(l => (string?)l!["component"] == component)!;

    public static long Figure(this JsonNode figures, string field) => (long)figures[field]!;

    public static decimal Rate(this JsonNode figures) => (decimal)figures["disbursementRate"]!;

    public static int StateCount(this JsonNode report, string state) =>
        (int)report["proposals"]!["byState"]!.AsArray().Single(s => (string?)s!["state"] == state)!["count"]!;

    public static int SettlementCount(this JsonNode report, string status) =>
        (int)report["proposals"]!["bySettlementStatus"]!.AsArray().Single(s => (string?)s!["status"] == status)!["count"]!;

    public static (long Planned, long Reached) Beneficiaries(this JsonNode report, string category)
    {
        var row = report["beneficiaries"]!.AsArray().Single(b => (string?)b!["category"] == category)!;
        return ((long)row["planned"]!, (long)row["reached"]!);
    }

    public static decimal RateOf(long disbursed, long allocated) =>
        allocated == 0 ? 0 : Math.Round((decimal)disbursed / allocated, 4, MidpointRounding.AwayFromZero);

    /// <summary>Every balance column equals its ledger entries, with nothing listed as a mismatch.</summary>
    public static void AssertReconciled(JsonNode report)
    {
        Assert.True((bool)report["reconciled"]!, $"Not reconciled: {report["mismatches"]!.ToJsonString()}");
        Assert.Empty(report["mismatches"]!.AsArray());
    }

    /// <summary>A finance officer of Long Xuyên (another unit), stored directly: the API has no way to create users.</summary>
    public static async Task AddOtherUnitUserAsync(RuntimeFactory factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (db.Users.Any(u => u.UserName == userName)) return;
        if (await db.Agencies.FindAsync("AG.LX.TCKH") is null)
            db.Agencies.Add(new Agency("AG.LX.TCKH", "Phòng Tài chính - Kế hoạch thành phố", AgencyKind.FinanceOffice, "AG.LX"));
        var user = new User(Guid.NewGuid(), userName, "Cán bộ Phòng TC-KH Long Xuyên", "", "AG.LX.TCKH", "AG.LX", [Roles.FinanceOffice]);
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, WorkflowApiFactory.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// One proposal of the Trung tâm Dịch vụ nông nghiệp on DA2 of the seeded Hớn Quản 2024 plan, driven through the API
/// from draft to a closed settlement (as /tmp/story.sh does), with the plan report taken after every step; a second
/// proposal stays submitted. The clock stands inside the plan year (3/6/2024) so the treasury may still pay.
/// </summary>
public sealed class ReportStory : IAsyncLifetime
{
    public const string OtherUnitUser = "taichinh.longxuyen";

    public static readonly Dictionary<string, long> Actual = new() { ["Central"] = 250_000_000, ["Provincial"] = 12_000_000, ["District"] = 25_000_000, ["Commune"] = 0 };

    public TestDatabase Database { get; } = TestDatabase.Create("reports");
    public RuntimeFactory Factory { get; }

    public Guid PlanId { get; private set; }
    public Guid ProposalId { get; private set; }
    public Dictionary<string, long> Approved { get; private set; } = [];
    public Dictionary<string, long> Advance { get; private set; } = [];
    public Dictionary<string, long> Payment { get; private set; } = [];

    public JsonNode Fresh { get; private set; } = null!;
    public JsonNode AfterSubmit { get; private set; } = null!;
    public JsonNode AfterApproval { get; private set; } = null!;
    public JsonNode AfterAdvance { get; private set; } = null!;
    public JsonNode AfterPayment { get; private set; } = null!;
    public JsonNode AfterSettlementOpened { get; private set; } = null!;
    public JsonNode AfterSettlementSubmitted { get; private set; } = null!;
    public JsonNode AfterSettlementApproved { get; private set; } = null!;
    public JsonNode Closed { get; private set; } = null!;

    public ReportStory() =>
        Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(new DateTimeOffset(2024, 6, 3, 2, 0, 0, TimeSpan.Zero)));

    public async Task InitializeAsync()
    {
        await ReportHttp.AddOtherUnitUserAsync(Factory, OtherUnitUser);
        using var clerk = await Factory.ClientFor(ReportHttp.Clerk);
        using var finance = await Factory.ClientFor(ReportHttp.Finance);
        using var finance2 = await Factory.ClientFor(ReportHttp.Finance2);
        using var chair = await Factory.ClientFor(ReportHttp.Chair);
        using var treasury = await Factory.ClientFor(ReportHttp.Treasury);

        PlanId = await finance.SeededPlanIdAsync();
        Fresh = await finance.ReportAsync(PlanId);

        var da2 = await clerk.LineIdAsync(PlanId, "DA2");
        ProposalId = await clerk.CreateProposalAsync(da2, "Mô hình Tổ hợp tác may công nghiệp", 350_000_000, 300_000_000,
            new { poor = 5, nearPoor = 23, newlyEscaped = 0, ethnicMinority = 4, disabled = 0, totalParticipants = 28 }, 300_000_000);
        var pending = await clerk.CreateProposalAsync(da2, "Mô hình nuôi bò sinh sản", 120_000_000, 100_000_000,
            new { poor = 2, nearPoor = 8, newlyEscaped = 0, ethnicMinority = 1, disabled = 0, totalParticipants = 10 }, null);
        await clerk.ActAsync("proposals", ProposalId, "submit");
        await clerk.ActAsync("proposals", pending, "submit");
        AfterSubmit = await finance.ReportAsync(PlanId);

        await ReportHttp.ApproveAsync(ProposalId, clerk, finance, chair, submit: false);
        Approved = ReportHttp.SplitOf((await clerk.GetJsonAsync($"/api/proposals/{ProposalId}"))["split"]!);
        AfterApproval = await finance.ReportAsync(PlanId);

        Advance = await ReportHttp.DisburseAsync(ProposalId, "Advance", 100_000_000, "KB-2024-0012", clerk, finance2, treasury);
        AfterAdvance = await finance.ReportAsync(PlanId);
        Payment = await ReportHttp.DisburseAsync(ProposalId, "Payment", 290_000_000, "KB-2024-0047", clerk, finance2, treasury);
        AfterPayment = await finance.ReportAsync(PlanId);

        var opened = await clerk.PostOkAsync($"/api/proposals/{ProposalId}/settlement", new
        {
            outputs = "28 lao động được đào tạo, 15 hộ thoát cận nghèo",
            acceptedOn = "2024-06-03",
            reached = new { poor = 4, nearPoor = 20, newlyEscaped = 0, ethnicMinority = 3, disabled = 0, totalParticipants = 26 },
            actualCost = Actual,
        }, HttpStatusCode.Created);
        var settlement = Guid.Parse((string)opened["id"]!);
        AfterSettlementOpened = await finance.ReportAsync(PlanId);
        await clerk.ActAsync("settlements", settlement, "submit");
        AfterSettlementSubmitted = await finance.ReportAsync(PlanId);
        await finance.ActAsync("settlements", settlement, "verify");
        await finance2.ActAsync("settlements", settlement, "approve");
        AfterSettlementApproved = await finance.ReportAsync(PlanId);
        await finance.ActAsync("settlements", settlement, "close");
        Closed = await finance.ReportAsync(PlanId);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        Database.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ReportTests(ReportStory story) : IClassFixture<ReportStory>
{
    private static readonly Dictionary<string, long> Da2Allocated = new() { ["Central"] = 1_521_000_000, ["Provincial"] = 76_000_000, ["District"] = 152_000_000, ["Commune"] = 0 };
    private static readonly string[] Sources = ReportHttp.Sources;

    [Fact]
    public void Report_OfTheFreshSeededPlan_ShowsTheAllocationAndZerosElsewhere()
    {
        var report = story.Fresh;
        var totals = report["totals"]!;

        Assert.Equal(2024, (int)report["fiscalYear"]!);
        Assert.Equal("BP.HQ", (string?)report["unit"]!["code"]);
        Assert.Equal(3_507_000_000, totals["sources"]!["Central"]!.Figure("allocated"));
        Assert.Equal(176_000_000, totals["sources"]!["Provincial"]!.Figure("allocated"));
        Assert.Equal(351_000_000, totals["sources"]!["District"]!.Figure("allocated"));
        Assert.Equal(0, totals["sources"]!["Commune"]!.Figure("allocated"));
        Assert.Equal(4_034_000_000, totals["total"]!.Figure("allocated"));
        foreach (var figures in Sources.Select(s => totals["sources"]![s]!).Append(totals["total"]!))
        {
            foreach (var field in new[] { "committed", "disbursed", "advancesOutstanding", "settled" })
                Assert.Equal(0, figures.Figure(field));
            Assert.Equal(figures.Figure("allocated"), figures.Figure("remaining"));
            Assert.Equal(0m, figures.Rate());
        }
        ReportHttp.AssertReconciled(report);
        Assert.Equal(0, (int)report["proposals"]!["total"]!);
        Assert.All(report["beneficiaries"]!.AsArray(), b => Assert.Equal((0L, 0L), ((long)b!["planned"]!, (long)b["reached"]!)));
        Assert.Empty(report["carryovers"]!.AsArray());
    }

    [Fact]
    public void Report_ListsEveryLineWithComponentNameAndLeadAgency_AndGroupsByAgency()
    {
        var report = story.Fresh;
        var lines = report["lines"]!.AsArray();

        Assert.Equal(["DA2", "DA3.1", "DA3.2", "DA4.1", "DA4.3", "DA6", "DA7"], lines.Select(l => (string)l!["component"]!));
        Assert.Equal(Enumerable.Range(1, 7), lines.Select(l => (int)l!["number"]!));
        var da2 = report.Line("DA2");
        Assert.Equal("Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", (string?)da2["componentName"]);
        Assert.Equal("Trung tâm Dịch vụ nông nghiệp huyện", (string?)da2["leadAgencyName"]);
        Assert.Equal(1_749_000_000, da2["total"]!.Figure("allocated"));
        foreach (var source in Sources)
            Assert.Equal(Da2Allocated[source], da2["sources"]![source]!.Figure("allocated"));

        var agencies = report["agencies"]!.AsArray();
        Assert.Equal(5, agencies.Count);
        var agriculture = agencies.Single(a => (string?)a!["agencyCode"] == "BP.HQ.NN")!;
        Assert.Equal(["DA2", "DA3.1"], agriculture["components"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(1_749_000_000L + 674_000_000, agriculture["total"]!.Figure("allocated"));
        var labour = agencies.Single(a => (string?)a!["agencyCode"] == "BP.HQ.LDTBXH")!;
        Assert.Equal(570_000_000 + 363_000_000, labour["total"]!.Figure("allocated"));
        Assert.Equal(4_034_000_000, agencies.Sum(a => a!["total"]!.Figure("allocated")));
    }

    [Fact]
    public void Report_WhenProposalsAreOnlySubmitted_CommitsNothing()
    {
        var report = story.AfterSubmit;

        Assert.Equal(0, report["totals"]!["total"]!.Figure("committed"));
        Assert.Equal(2, report.StateCount("Submitted"));
        Assert.Equal(2, report.SettlementCount("NotStarted"));
        Assert.Equal((0L, 0L), report.Beneficiaries("Poor"));
        ReportHttp.AssertReconciled(report);
    }

    [Fact]
    public void Report_AfterApproval_MovesCommittedOnDa2PerSource()
    {
        var report = story.AfterApproval;
        var da2 = report.Line("DA2");

        Assert.Equal(300_000_000, story.Approved.Values.Sum());
        foreach (var source in Sources)
        {
            var figures = da2["sources"]![source]!;
            Assert.Equal(story.Approved[source], figures.Figure("committed"));
            Assert.Equal(Da2Allocated[source] - story.Approved[source], figures.Figure("remaining"));
            Assert.Equal(0, figures.Figure("disbursed"));
            Assert.Equal(story.Approved[source], report["totals"]!["sources"]![source]!.Figure("committed"));
        }
        Assert.Equal(300_000_000, da2["total"]!.Figure("committed"));
        Assert.Equal(1_449_000_000, da2["total"]!.Figure("remaining"));
        Assert.All(report["lines"]!.AsArray().Where(l => (string?)l!["component"] != "DA2"), l => Assert.Equal(0, l!["total"]!.Figure("committed")));
        var agriculture = report["agencies"]!.AsArray().Single(a => (string?)a!["agencyCode"] == "BP.HQ.NN")!;
        Assert.Equal(300_000_000, agriculture["total"]!.Figure("committed"));
        Assert.Equal(1, report.StateCount("Approved"));
        Assert.Equal(1, report.StateCount("Submitted"));
        ReportHttp.AssertReconciled(report);
    }

    [Fact]
    public void Report_AfterTheAdvanceIsPaid_CountsItDisbursedAndOutstanding()
    {
        var report = story.AfterAdvance;
        var da2 = report.Line("DA2");

        Assert.Equal(100_000_000, story.Advance.Values.Sum());
        foreach (var source in Sources)
        {
            var figures = da2["sources"]![source]!;
            Assert.Equal(story.Advance[source], figures.Figure("disbursed"));
            Assert.Equal(story.Advance[source], figures.Figure("advancesOutstanding"));
            Assert.Equal(story.Approved[source], figures.Figure("committed"));
            Assert.Equal(ReportHttp.RateOf(story.Advance[source], Da2Allocated[source]), figures.Rate());
        }
        Assert.Equal(100_000_000, report["totals"]!["total"]!.Figure("advancesOutstanding"));
        Assert.Equal(100_000_000, report["totals"]!["total"]!.Figure("disbursed"));
        ReportHttp.AssertReconciled(report);
    }

    [Fact]
    public void Report_AfterThePaymentIsPaid_ClearsTheAdvanceAndCountsTheCash()
    {
        var report = story.AfterPayment;
        var da2 = report.Line("DA2");

        foreach (var source in Sources)
        {
            var figures = da2["sources"]![source]!;
            // payments clear advances first: the cash paid is max(advances, payments)
            var cash = Math.Max(story.Advance[source], story.Payment[source]);
            Assert.Equal(cash, figures.Figure("disbursed"));
            Assert.Equal(Math.Max(0, story.Advance[source] - story.Payment[source]), figures.Figure("advancesOutstanding"));
            Assert.Equal(ReportHttp.RateOf(cash, Da2Allocated[source]), figures.Rate());
        }
        var total = report["totals"]!["total"]!;
        Assert.Equal(290_000_000, total.Figure("disbursed"));
        Assert.Equal(0, total.Figure("advancesOutstanding"));
        // 290 000 000 ÷ 4 034 000 000 = 0.07188…
        Assert.Equal(0.0719m, total.Rate());
        Assert.Equal(ReportHttp.RateOf(290_000_000, 1_749_000_000), da2["total"]!.Rate());
        ReportHttp.AssertReconciled(report);
    }

    [Fact]
    public void Report_CountsProposalsBySettlementStatus_AsTheSettlementMoves()
    {
        Assert.Equal(1, story.AfterSettlementOpened.StateCount("Settling"));
        Assert.Equal(1, story.AfterSettlementOpened.SettlementCount("InProgress"));
        Assert.Equal(1, story.AfterSettlementSubmitted.SettlementCount("Submitted"));
        Assert.Equal(1, story.AfterSettlementApproved.SettlementCount("Approved"));
        Assert.Equal(1, story.AfterSettlementApproved.StateCount("Settled"));

        var report = story.Closed;
        Assert.Equal(2, (int)report["proposals"]!["total"]!);
        Assert.Equal(1, report.StateCount("Settled"));
        Assert.Equal(1, report.StateCount("Submitted"));
        Assert.All(new[] { "Draft", "UnderAppraisal", "Appraised", "Approved", "Settling", "Rejected", "Withdrawn" }, s => Assert.Equal(0, report.StateCount(s)));
        Assert.Equal(1, report.SettlementCount("Closed"));
        Assert.Equal(1, report.SettlementCount("NotStarted"));
        Assert.Equal(0, report.SettlementCount("InProgress") + report.SettlementCount("Submitted") + report.SettlementCount("Approved"));
    }

    [Fact]
    public void Report_AfterSettlementApproval_BooksSettledAndReleasesTheUnusedCommitment()
    {
        var report = story.AfterSettlementApproved;
        var da2 = report.Line("DA2");

        foreach (var source in Sources)
        {
            var figures = da2["sources"]![source]!;
            var cash = Math.Max(story.Advance[source], story.Payment[source]);
            Assert.Equal(ReportStory.Actual[source], figures.Figure("settled"));
            // until the refund (paid beyond actual) comes back, the cash paid stays committed
            Assert.Equal(cash, figures.Figure("committed"));
            Assert.Equal(Da2Allocated[source] - cash, figures.Figure("remaining"));
        }
        ReportHttp.AssertReconciled(report);
    }

    [Fact]
    public void Report_AfterSettlementClosed_LeavesOnlyTheActualCostCommittedAndDisbursed()
    {
        var report = story.Closed;
        var da2 = report.Line("DA2");

        foreach (var source in Sources)
        {
            var figures = da2["sources"]![source]!;
            Assert.Equal(ReportStory.Actual[source], figures.Figure("committed"));
            Assert.Equal(ReportStory.Actual[source], figures.Figure("disbursed"));
            Assert.Equal(ReportStory.Actual[source], figures.Figure("settled"));
            Assert.Equal(0, figures.Figure("advancesOutstanding"));
            Assert.Equal(Da2Allocated[source] - ReportStory.Actual[source], figures.Figure("remaining"));
        }
        // 250 000 000 ÷ 1 521 000 000 = 0.16436…
        Assert.Equal(0.1644m, da2["sources"]!["Central"]!.Rate());
        Assert.Equal(287_000_000, report["totals"]!["total"]!.Figure("settled"));
        Assert.Equal(4_034_000_000 - 287_000_000, report["totals"]!["total"]!.Figure("remaining"));
        ReportHttp.AssertReconciled(report);
    }

    [Fact]
    public void Report_CountsBeneficiariesPlannedOnceApproved_AndReachedOnceTheSettlementIsApproved()
    {
        Assert.Equal((0L, 0L), story.AfterSubmit.Beneficiaries("NearPoor"));
        Assert.Equal((23L, 0L), story.AfterApproval.Beneficiaries("NearPoor"));
        Assert.Equal((23L, 0L), story.AfterSettlementSubmitted.Beneficiaries("NearPoor"));
        Assert.Equal((23L, 20L), story.AfterSettlementApproved.Beneficiaries("NearPoor"));

        var report = story.Closed;
        // the submitted proposal's beneficiaries are not planned yet: only approved, settling and settled ones count
        Assert.Equal((5L, 4L), report.Beneficiaries("Poor"));
        Assert.Equal((23L, 20L), report.Beneficiaries("NearPoor"));
        Assert.Equal((0L, 0L), report.Beneficiaries("NewlyEscaped"));
        Assert.Equal((4L, 3L), report.Beneficiaries("EthnicMinority"));
        Assert.Equal((0L, 0L), report.Beneficiaries("Disabled"));
        Assert.Equal((28L, 26L), report.Beneficiaries("TotalParticipants"));
    }

    [Fact]
    public async Task ExportCsv_HasBomVietnameseHeadersAndTheReportsNumbersInDong()
    {
        using var client = await story.Factory.ClientFor(ReportHttp.Finance);

        using var response = await client.GetAsync($"/api/reports/plans/{story.PlanId}/export?format=csv");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-ke-hoach-BP.HQ-2024.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        SaveForInspection("bao-cao.csv", bytes);

        using var reader = new CsvReader(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var records = new List<string[]>();
        while (await reader.ReadAsync()) records.Add(reader.Parser.Record!);

        Assert.Equal(["STT", "Mã dự án", "Nội dung", "Cơ quan chủ trì", "Nguồn vốn", "Kế hoạch giao", "Đã cam kết", "Đã giải ngân",
            "Tạm ứng chưa thu hồi", "Đã quyết toán", "Còn lại", "Tỷ lệ giải ngân (%)"], records[0]);
        Assert.Equal(1 + 7 * 4 + 5, records.Count);
        var da2Central = records.Single(r => r[1] == "DA2" && r[4] == "NSTW");
        Assert.Equal(["1", "DA2", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", "Trung tâm Dịch vụ nông nghiệp huyện", "NSTW",
            "1521000000", "250000000", "250000000", "0", "250000000", "1271000000", "16.44"], da2Central);
        var grandTotal = records[^1];
        Assert.Equal(["", "", "Tổng cộng", "", "Tất cả các nguồn", "4034000000", "287000000", "287000000", "0", "287000000", "3747000000", "7.11"], grandTotal);
        var centralTotal = records.Single(r => r[2] == "Tổng cộng" && r[4] == "NSTW");
        Assert.Equal("3507000000", centralTotal[5]);
    }

    [Fact]
    public async Task ExportXlsx_OpensWithOpenXml_WithNumericCellsAndTheTotals()
    {
        using var client = await story.Factory.ClientFor(ReportHttp.Finance);

        using var response = await client.GetAsync($"/api/reports/plans/{story.PlanId}/export?format=xlsx");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-ke-hoach-BP.HQ-2024.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        SaveForInspection("bao-cao.xlsx", bytes);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Báo cáo", "Chi tiết (đồng)"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));

        var main = Sheet(workbook, "Báo cáo");
        Assert.StartsWith("BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH VỐN NĂM 2024 – ", Text(workbook, main.At("A1")));
        var total = main.RowWith(workbook, "B", "Tổng cộng");
        // C total, D NSTW, E NS tỉnh, F NS huyện, G NS xã, H committed, I disbursed, … in triệu đồng
        Assert.Equal(4034m, Number(total.At("C")));
        Assert.Equal(3507m, Number(total.At("D")));
        Assert.Equal(176m, Number(total.At("E")));
        Assert.Equal(351m, Number(total.At("F")));
        Assert.Equal(0m, Number(total.At("G")));
        Assert.Equal(287m, Number(total.At("I")));
        Assert.Equal(3747m, Number(total.At("L")));
        Assert.Equal(0.0711m, Number(total.At("M")));
        Assert.Equal("#,##0.000", FormatCode(workbook, total.At("C")));

        var da2 = main.RowWith(workbook, "B", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo");
        Assert.Equal(1521m, Number(da2.At("D")));
        Assert.Equal(76m, Number(da2.At("E")));
        Assert.Equal(152m, Number(da2.At("F")));
        Assert.Equal("Trung tâm Dịch vụ nông nghiệp huyện", Text(workbook, da2.At("N")));
        // every figure cell of every data row is a number, not text
        foreach (var row in main.Descendants<Row>().Where(r => r.RowIndex! > 7 && r.Elements<Cell>().Any(c => c.CellReference!.Value!.StartsWith('C') && c.CellValue is not null)))
            foreach (var cell in row.Elements<Cell>().Where(c => "CDEFGHIJKLM".Contains(c.CellReference!.Value![0])))
                Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not a number");

        // block II by lead agency follows, with its own total
        Assert.Equal(2, main.Descendants<Row>().Count(r => Text(workbook, r.At("B")) == "Tổng cộng"));
        var agriculture = main.RowWith(workbook, "B", "Trung tâm Dịch vụ nông nghiệp huyện");
        Assert.Equal(2423m, Number(agriculture.At("C")));

        var detail = Sheet(workbook, "Chi tiết (đồng)");
        var detailTotal = detail.RowWith(workbook, "B", "Tổng cộng");
        Assert.Equal(4_034_000_000m, Number(detailTotal.At("C")));
        Assert.Equal(3_507_000_000m, Number(detailTotal.At("D")));
        Assert.Equal(287_000_000m, Number(detailTotal.At("K")));
        Assert.Equal("#,##0", FormatCode(workbook, detailTotal.At("C")));
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("")]
    public async Task Export_WithAnUnknownFormat_Returns400AtFormat(string format)
    {
        using var client = await story.Factory.ClientFor(ReportHttp.Finance);

        using var response = await client.GetAsync($"/api/reports/plans/{story.PlanId}/export?format={format}");

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "format");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/export?format=csv")]
    [InlineData("/export?format=xlsx")]
    public async Task Report_ForAUserOfAnotherUnit_Returns404LikeAnUnknownPlan(string suffix)
    {
        using var client = await story.Factory.ClientFor(ReportStory.OtherUnitUser);

        using var response = await client.GetAsync($"/api/reports/plans/{story.PlanId}{suffix}");
        using var unknown = await client.GetAsync($"/api/reports/plans/{Guid.NewGuid()}{suffix}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_WithoutSigningIn_Returns401()
    {
        using var anonymous = story.Factory.CreateClient();

        using var response = await anonymous.GetAsync($"/api/reports/plans/{story.PlanId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Set REPORT_EXPORT_DIR to keep the exported files (e.g. to render them with LibreOffice).</summary>
    private static void SaveForInspection(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("REPORT_EXPORT_DIR") is { Length: > 0 } directory)
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    private static Worksheet Sheet(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    private static string Text(WorkbookPart workbook, Cell? cell)
    {
        if (cell?.CellValue is null) return "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture)).InnerText;
        return cell.InnerText;
    }

    private static decimal Number(Cell? cell)
    {
        Assert.NotNull(cell);
        Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number, $"{cell.CellReference} is not numeric");
        return decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string FormatCode(WorkbookPart workbook, Cell? cell)
    {
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell!.StyleIndex!.Value);
        return stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
    }
}

internal static class SheetCells
{
    public static Cell? At(this Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);

    public static Cell? At(this Row row, string column) =>
        row.Elements<Cell>().FirstOrDefault(c => c.CellReference == $"{column}{row.RowIndex}");

    public static Row RowWith(this Worksheet sheet, WorkbookPart workbook, string column, string text)
    {
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        return sheet.Descendants<Row>().First(r => r.At(column) is { DataType.Value: var type, CellValue: { } value } && type == CellValues.SharedString
                                                    && strings[int.Parse(value.Text, CultureInfo.InvariantCulture)] == text);
    }
}

/// <summary>
/// Chuyển nguồn: a 2024 line with an approved proposal is carried into 2025 after the year ends. The 2024 report shows
/// the carryover out and the committed money staying; the 2025 report shows it in; both still reconcile.
/// </summary>
public sealed class CarryoverReportTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create("reports");
    private readonly RuntimeFactory _factory;

    public CarryoverReportTests() =>
        _factory = new RuntimeFactory(_database, RuntimeFactory.ShippedWorkflows, new ManualClock(new DateTimeOffset(2024, 6, 3, 2, 0, 0, TimeSpan.Zero)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Report_AfterCarryover_ShowsItOutOfTheOldPlanAndIntoTheNew()
    {
        Guid plan2024, proposal;
        using (var clerk = await _factory.ClientFor(ReportHttp.Clerk))
        using (var finance = await _factory.ClientFor(ReportHttp.Finance))
        using (var chair = await _factory.ClientFor(ReportHttp.Chair))
        {
            plan2024 = await finance.SeededPlanIdAsync();
            proposal = await clerk.CreateProposalAsync(await clerk.LineIdAsync(plan2024, "DA2"), "Mô hình Tổ hợp tác may công nghiệp", 350_000_000, 300_000_000,
                new { poor = 5, nearPoor = 23, newlyEscaped = 0, ethnicMinority = 4, disabled = 0, totalParticipants = 28 }, null);
            await ReportHttp.ApproveAsync(proposal, clerk, finance, chair);
        }

        _factory.Clock.Advance(TimeSpan.FromDays(221)); // 10/01/2025: the year is over
        using var officer = await _factory.ClientFor(ReportHttp.Finance);
        var created = await officer.PostOkAsync("/api/plans/import", PlanFixture.ForYear(2025), HttpStatusCode.Created);
        var plan2025 = Guid.Parse((string)created["id"]!);
        await officer.PostOkAsync($"/api/plans/{plan2024}/carryovers", new { component = "DA2", decisionReference = "Công văn số 12/UBND-KT ngày 08/01/2025" });

        var old = await officer.ReportAsync(plan2024);
        var carriedOut = Assert.Single(old["carryovers"]!.AsArray())!;
        Assert.Equal("Out", (string?)carriedOut["direction"]);
        Assert.Equal("DA2", (string?)carriedOut["component"]);
        Assert.Equal(2025, (int)carriedOut["toFiscalYear"]!);
        Assert.Equal("Công văn số 12/UBND-KT ngày 08/01/2025", (string?)carriedOut["decisionReference"]);
        Assert.Equal(1_749_000_000 - 300_000_000, (long)carriedOut["total"]!);
        var da2 = old.Line("DA2")["total"]!;
        Assert.Equal(300_000_000, da2.Figure("allocated"));
        Assert.Equal(300_000_000, da2.Figure("committed"));
        Assert.Equal(0, da2.Figure("remaining"));
        ReportHttp.AssertReconciled(old);

        var next = await officer.ReportAsync(plan2025);
        var carriedIn = Assert.Single(next["carryovers"]!.AsArray())!;
        Assert.Equal("In", (string?)carriedIn["direction"]);
        Assert.Equal(2024, (int)carriedIn["fromFiscalYear"]!);
        Assert.Equal(1_449_000_000, (long)carriedIn["total"]!);
        Assert.Equal(1_749_000_000L + 1_449_000_000, next.Line("DA2")["total"]!.Figure("allocated"));
        Assert.Equal(4_034_000_000L + 1_449_000_000, next["totals"]!["total"]!.Figure("allocated"));
        ReportHttp.AssertReconciled(next);

        // the carried money is explained by sealed entries on both lines, and the allocations still match the plans
        var verified = await officer.GetJsonAsync("/api/audit/verify?full=true");
        Assert.True((bool)verified["intact"]!, verified.ToJsonString());
    }
}
