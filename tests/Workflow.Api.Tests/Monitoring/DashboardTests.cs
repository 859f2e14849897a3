using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// Đồng Nai's monitor (dn.giamsat) reads the province dashboard of 2026: what Tân Khai approved and the regional
/// treasury paid shows by commune, lead agency and component with the rate in thousandths of the amounts; approved money
/// not yet paid is at risk before the year's close; a proposal left waiting past its deadline is late with its dossier;
/// households lifted are set against the commune's target. Commune officers are refused; a year that is not one is a 400.
/// </summary>
public sealed class DashboardTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Monitor = "dn.giamsat";

    private static Task<JsonNode> DashboardAsync(HttpClient client, int year = 2026) => client.GetAsync($"/api/monitoring/dashboard?year={year}").OkAsync();

    private static JsonNode Row(JsonNode dashboard, string list, string key, string value) =>
        dashboard[list]!.AsArray().Single(r => (string?)r![key] == value)!;

    private static (long Allocated, long Committed, long Disbursed, int PerMille) Figures(JsonNode row) =>
        ((long)row["spending"]!["allocated"]!, (long)row["spending"]!["committed"]!, (long)row["spending"]!["disbursed"]!, (int)row["spending"]!["disbursedPerMille"]!);

    private static long AtRiskOn(JsonNode dashboard, Guid line) =>
        dashboard["atRisk"]!.AsArray().Where(r => (string?)r!["planLineId"] == line.ToString()).Sum(r => (long)r!["atRisk"]!);

    [Fact]
    public async Task Dashboard_WhenTanKhaiApprovesAModelAndTheTreasuryPaysPartOfIt_ShowsTheApprovedAndPaidAmountsByCommuneAgencyAndComponent()
    {
        using var s = new Session(fixture.Factory);
        var monitor = await s.As(Monitor);
        var clerk = await s.As("tk.nongnghiep");
        var plan = (await clerk.FindPlanIdAsync("DN.TK", 2026))!.Value;
        var line = await clerk.LineIdAsync(plan, "DA2");
        var planLines = (await clerk.GetPlanAsync(plan))["lines"]!.AsArray();
        var agency = (string)planLines.Single(l => (string?)l!["id"] == line.ToString())!["leadAgencyCode"]!;
        var before = await DashboardAsync(monitor);

        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, "Mô hình nuôi bò sinh sản xã Tân Khai");
        clerk = await s.As("tk.nongnghiep");
        var payment = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 15_000_000);
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As("tk.kinhte2")).ActOkAsync("disbursements", payment, "approve");
        await (await s.As("khobac.kv")).ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0101", "2026-03-02"));
        var after = await DashboardAsync(await s.As(Monitor));

        Assert.Equal("DN", (string?)after["unit"]);
        Assert.Equal(2026, (int)after["year"]!);
        foreach (var (list, key, value) in new[] { ("byUnit", "unit", "DN.TK"), ("byComponent", "component", "DA2"), ("byAgency", "agency", agency) })
        {
            var (allocated0, committed0, disbursed0, _) = Figures(Row(before, list, key, value));
            var (allocated, committed, disbursed, perMille) = Figures(Row(after, list, key, value));
            Assert.Equal(allocated0, allocated);
            Assert.Equal(committed0 + 20_000_000, committed);
            Assert.Equal(disbursed0 + 15_000_000, disbursed);
            // thousandths of the amounts, half away from zero: never a floating-point rate
            Assert.Equal((int)Math.Round(1000m * disbursed / allocated, MidpointRounding.AwayFromZero), perMille);
        }
        var tanKhai = Row(after, "byUnit", "unit", "DN.TK");
        Assert.Equal("Xã Tân Khai", (string?)tanKhai["name"]);
        Assert.Equal(plan.ToString(), (string?)tanKhai["planId"]);
        // allocated is what the plan gives its lines
        Assert.Equal(planLines.Sum(l => (long)l!["total"]!), Figures(tanKhai).Allocated);
        var (_, committedBefore, disbursedBefore, _) = Figures(Row(before, "byUnit", "unit", "DN.TK"));
        Assert.Equal(Figures(Row(before, "byUnit", "unit", "DN.TH")), Figures(Row(after, "byUnit", "unit", "DN.TH")));
        Assert.Equal((long)before["total"]!["disbursed"]! + 15_000_000, (long)after["total"]!["disbursed"]!);
        // 20 M approved, 15 M paid: 5 M more waits to be paid before 2026 closes on 01/02/2027
        Assert.Equal(AtRiskOn(before, line) + 5_000_000, AtRiskOn(after, line));
        var risk = after["atRisk"]!.AsArray().First(r => (string?)r!["planLineId"] == line.ToString())!;
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.FromHours(7)), DateTimeOffset.Parse((string)risk["closesAt"]!));
        Assert.False((bool)risk["closed"]!);
        Assert.True(committedBefore >= disbursedBefore);
    }

    [Fact]
    public async Task Dashboard_WhenACommuneOfficerAsks_Answers403AndAnotherProvinceIs404()
    {
        using var s = new Session(fixture.Factory);
        foreach (var officer in new[] { "tk.nongnghiep", "tk.giamsat", "tk.chutich" })
        {
            using var refused = await (await s.As(officer)).GetAsync("/api/monitoring/dashboard?year=2026");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var elsewhere = await (await s.As(Monitor)).GetAsync("/api/monitoring/dashboard?unit=BP&year=2026");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData("hai-nghin")]
    [InlineData("1990")]
    [InlineData("2036")]
    public async Task Dashboard_WhenTheYearIsNotAPlanYear_Answers400NamingYear(string year)
    {
        using var s = new Session(fixture.Factory);
        using var response = await (await s.As(Monitor)).GetAsync($"/api/monitoring/dashboard?year={year}");
        await ProblemAssert.HasErrorsAtAsync(response, "year");
    }

    [Fact]
    public async Task Dashboard_WhenAnAppraisalWaitsPastItsDeadlineAndTheReviewCountsEscapes_ListsTheLateDossierAndHouseholdsLiftedAgainstTheTarget()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var waiting = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 30_000_000, "Mô hình trồng tiêu xã Tân Khai (chờ thẩm định)"));
        await clerk.ActOkAsync("proposals", waiting, "submit");

        var officer = await s.As("tk.giamsat");
        await officer.PostAsJsonAsync("/api/monitoring/baselines", new { year = 2025, totalHouseholds = 3_120, poor = new { households = 41 }, nearPoor = new { households = 57 } })
            .OkAsync(HttpStatusCode.Created);
        await officer.PostAsJsonAsync("/api/monitoring/baselines", new
        {
            year = 2026, totalHouseholds = 3_140, poor = new { households = 33 }, nearPoor = new { households = 50 },
            flows = new { escapedPoor = 10, newlyPoor = 2, rePoor = 0 },
        }).OkAsync(HttpStatusCode.Created);
        await officer.PostAsJsonAsync("/api/monitoring/targets", new { year = 2026, kind = "ReduceCount", subject = "poorHouseholds", value = 8, basis = "Nghị quyết HĐND xã" })
            .OkAsync(HttpStatusCode.Created);

        s.MoveTo(new DateOnly(2026, 4, 15));
        var dashboard = await DashboardAsync(await s.As(Monitor));

        var late = dashboard["late"]!.AsArray().Single(i => (string?)i!["subjectId"] == waiting.ToString())!;
        Assert.Equal("task", (string?)late["kind"]);
        Assert.Equal("Proposal", (string?)late["subjectType"]);
        Assert.Equal("DN.TK", (string?)late["unit"]);
        Assert.Equal("Xã Tân Khai", (string?)late["unitName"]);
        Assert.True((int)late["daysLate"]! > 0);
        var lifted = Row(dashboard, "lifted", "unit", "DN.TK");
        Assert.Equal(41, (int)lifted["baselinePoor"]!);
        Assert.Equal(10, (int)lifted["escapedPoor"]!);
        Assert.Equal(33, (int)lifted["endPoor"]!);
        Assert.Equal(8, (long)lifted["targetReduction"]!);
        Assert.Equal(1_250, (int)lifted["achievedPerMille"]!);
    }
}
