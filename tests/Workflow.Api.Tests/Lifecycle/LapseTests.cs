using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>Rule 25: after the close the finance office lets a line's unspent allocation lapse, explicitly; the ledger and the report show it.</summary>
public sealed class LapseTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static Task<HttpResponseMessage> LapseAsync(HttpClient finance, Guid planId, string component) =>
        finance.PostAsJsonAsync($"/api/plans/{planId}/lapses", new { component, decisionReference = "Quyết định số 40/QĐ-UBND ngày 10/02/2025 hủy dự toán" });

    [Fact]
    public async Task Lapse_WhenTheYearIsClosed_TakesTheUncommittedAllocationOffTheLineOnceAndTheReportShowsIt()
    {
        using var s = new Session(fixture.Factory);
        var finance = await s.As(Demo.Finance);
        var planId = await finance.PlanIdAsync(2024);
        using (var early = await LapseAsync(finance, planId, "DA6"))
            Assert.Equal("lapse.yearOpen", (string?)(await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict))["code"]);

        s.CloseThe2024Year();
        finance = await s.As(Demo.Finance);
        using var lapsed = await LapseAsync(finance, planId, "DA6");

        var result = await lapsed.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(158_000_000, (long)result!["total"]!); // 137 + 7 + 14 million, nothing committed on DA6
        var report = await (await finance.GetAsync($"/api/reports/plans/{planId}")).ExpectAsync(HttpStatusCode.OK);
        var row = Assert.Single(report!["lapses"]!.AsArray());
        Assert.Equal("DA6", (string?)row!["component"]);
        var da6 = report["lines"]!.AsArray().Single(l => (string?)l!["component"] == "DA6")!;
        Assert.Equal(0, (long)da6["total"]!["allocated"]!);
        Assert.True((bool)report["reconciled"]!);
        var verified = await (await finance.GetAsync("/api/audit/verify?full=true")).ExpectAsync(HttpStatusCode.OK);
        Assert.True((bool)verified!["intact"]!, verified.ToJsonString());

        using (var again = await LapseAsync(finance, planId, "DA6"))
            Assert.Equal("lapse.exists", (string?)(await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict))["code"]);
        using (var carry = await finance.CarryOverAsync(planId, "DA6"))
            Assert.Equal("carryover.lapsed", (string?)(await ProblemAssert.IsProblemAsync(carry, HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task Lapse_WhenTheCallerIsALeadAgency_Returns403()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var planId = await clerk.PlanIdAsync(2024);

        using var response = await LapseAsync(clerk, planId, "DA2");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
