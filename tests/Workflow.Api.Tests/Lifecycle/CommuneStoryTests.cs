using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Policies;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>One server on the demo data with its clock on Monday 2 March 2026, 09:00 in Vietnam: inside Tân Khai's 2026 plan year.</summary>
public sealed class CommuneFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; } = TestDatabase.Create("commune");

    public RuntimeFactory Factory { get; }

    public CommuneFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(Start));

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}

/// <summary>
/// After 1/7/2025 (RULES.md 22): on Xã Tân Khai's 2026 plan the commune's own offices play the parts the district's
/// played — its economic office appraises, its chairman approves — and the regional treasury, an agency of the
/// province, pays. Administration's assignments decide it: the district's officers of 2024 can no longer act.
/// </summary>
public sealed class CommuneStoryTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2", Chair = "tk.chutich", Treasury = "khobac.kv";

    internal static async Task<Guid> LineAsync(HttpClient client, string component)
    {
        var plan = await client.FindPlanIdAsync("DN.TK", 2026) ?? throw new InvalidOperationException("Tân Khai has no 2026 plan.");
        return await client.LineIdAsync(plan, component);
    }

    /// <summary>A DA2 model of 20,000,000 đồng drafted, appraised and approved in Tân Khai: its money committed.</summary>
    internal static async Task<(Guid Proposal, Guid Plan)> ApprovedAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await LineAsync(clerk, "DA2");
        var id = await clerk.CreateProposalOkAsync(Model(line, 20_000_000, title));
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As(Finance);
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("60/QĐ-UBND", "2026-03-02"));
        var proposal = await clerk.GetProposalAsync(id);
        return (id, Guid.Parse((string)proposal["planId"]!));
    }

    /// <summary>A small model on a 2026 line, dated inside the year.</summary>
    internal static JsonObject Model(Guid lineId, long stateSupport, string title)
    {
        var body = LifecycleApi.Model(lineId, stateSupport, title);
        body["communes"] = new JsonArray("DN.TK");
        body["startDate"] = "2026-04-01";
        body["endDate"] = "2026-11-30";
        return body;
    }

    private static async Task<JsonArray> InboxAsync(HttpClient client) => (await client.GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray();

    [Fact]
    public async Task WholeStory_WhenTanKhaisOwnOfficersAndTheRegionalTreasuryAct_RunsFromDraftToSettledAndTheDistrictsOfficersCannot()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Clerk);
        var line = await LineAsync(clerk, "DA3.1");

        // DA3.1 of 2026: 800 M central, 80 M provincial, 40 M commune — 92 M of support splits exactly in that ratio
        var id = await clerk.CreateProposalOkAsync(Model(line, 92_000_000, "Mô hình trồng cây ăn quả xã Tân Khai"));
        var drafted = await clerk.GetProposalAsync(id);
        Assert.Equal(80_000_000, (long)drafted["split"]!["Central"]!);
        Assert.Equal(8_000_000, (long)drafted["split"]!["Provincial"]!);
        Assert.Equal(4_000_000, (long)drafted["split"]!["Commune"]!);
        await clerk.ActOkAsync("proposals", id, "submit");

        // the appraisal lands with the commune's economic office, not with the 2024 district finance office
        var finance = await s.As(Finance);
        Assert.Contains(await InboxAsync(finance), t => (string?)t!["subjectId"] == id.ToString() && (string?)t["state"] == "Submitted");
        using (var district = await fixture.Factory.ClientFor(Demo.Finance))
        using (var refused = await district.ActAsync("proposals", id, "start-appraisal"))
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"The district's finance officer acted: {await LifecycleApi.DescribeAsync(refused)}");
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ, đúng đối tượng.");

        s.MoveTo(new DateOnly(2026, 3, 9));
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("15/QĐ-UBND", "2026-03-09"));
        Assert.Equal("Approved", (string?)(await (await s.As(Clerk)).GetProposalAsync(id))["state"]);

        // a payment of the whole support: requested by the agency, approved by the second economic officer
        clerk = await s.As(Clerk);
        var payment = await clerk.CreateDisbursementOkAsync(id, "Payment", 92_000_000);
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As(Finance2)).ActOkAsync("disbursements", payment, "approve");

        // the regional treasury, in the province, sees and confirms it; the district's old treasury cannot
        var treasury = await s.As(Treasury);
        Assert.Contains(await InboxAsync(treasury), t => (string?)t!["subjectId"] == payment.ToString());
        using (var oldTreasury = await fixture.Factory.ClientFor(Demo.Treasury))
        using (var refused = await oldTreasury.ActAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0001", "2026-03-16")))
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"The district's treasury acted: {await LifecycleApi.DescribeAsync(refused)}");
        s.MoveTo(new DateOnly(2026, 3, 16));
        await (await s.As(Treasury)).ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0001", "2026-03-16"));
        Assert.Equal("Paid", (string?)(await (await s.As(Clerk)).GetDisbursementAsync(payment))["state"]);

        // settled for exactly what was paid: verified by the economic office, approved by the chairman
        s.MoveTo(new DateOnly(2026, 11, 30));
        clerk = await s.As(Clerk);
        var body = LifecycleApi.SettlementBody(80_000_000, 8_000_000, 0, reachedNearPoor: 15, reachedTotal: 25);
        body["acceptedOn"] = "2026-11-30";
        body["actualCost"] = new JsonObject { ["Central"] = 80_000_000L, ["Provincial"] = 8_000_000L, ["Commune"] = 4_000_000L };
        var settlement = await clerk.OpenSettlementOkAsync(id, body);
        await clerk.ActOkAsync("settlements", settlement, "submit");
        await (await s.As(Finance)).ActOkAsync("settlements", settlement, "verify");
        await (await s.As(Chair)).ActOkAsync("settlements", settlement, "approve");

        Assert.Equal("Settled", (string?)(await (await s.As(Clerk)).GetProposalAsync(id))["state"]);
        var balances = await fixture.Factory.BalancesAsync(line);
        Assert.Equal(new Columns(800_000_000, 80_000_000, 80_000_000, 80_000_000), balances["Central"]);
        Assert.Equal(new Columns(40_000_000, 4_000_000, 4_000_000, 4_000_000), balances["Commune"]);
        Assert.Equal(new Columns(0, 0, 0, 0), balances["District"]);
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }
}

/// <summary>Đồng Nai changes its 2026 policy mid-year: what was submitted before keeps the version it was checked against.</summary>
public sealed class CommunePolicyChangeTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Submit_WhenDongNaiLowersTheTaskBasedCapFromALaterDate_RefusesOnlyNewSubmissionsAndNamesTheValueAndBasis()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.vanhoa");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA6");
        var before = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 60_000_000, "Truyền thông giảm nghèo (gửi trước)"));
        await clerk.ActOkAsync("proposals", before, "submit");
        var seeded = (int?)(await clerk.GetProposalAsync(before))["policyVersionId"];

        // the province's administrator adds version 2 of Đồng Nai's 2026 policy, from a later day
        var values = PolicyApi.Values(taskBasedMaximum: 50_000_000);
        var created = await (await s.As("dn.quantri")).CreatePolicyAsync(PolicyApi.Version("DN", 2026, "2026-03-05", values)).CreatedAsync();
        var late = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 60_000_000, "Truyền thông giảm nghèo (gửi sau)"));
        s.MoveTo(new DateOnly(2026, 3, 5));
        clerk = await s.As("tk.vanhoa");

        using (var refused = await clerk.ActAsync("proposals", late, "submit"))
        {
            var errors = await ProblemAssert.HasErrorsAtAsync(refused, "stateSupport");
            LifecycleApi.MessageAt(errors, "stateSupport", "Quy tắc 10", "50.000.000 ₫", $"căn cứ: {PolicyApi.Resolution}");
        }
        Assert.Equal(seeded, (int?)(await clerk.GetProposalAsync(before))["policyVersionId"]);
        Assert.Equal("Submitted", (string?)(await clerk.GetProposalAsync(before))["state"]);
        Assert.NotEqual(seeded, (int?)created["id"]);
    }
}

/// <summary>RULES.md 21: a province's policy sets the working days of a step; tasks opened after it take them.</summary>
public sealed class CommuneDeadlineTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Submit_WhenDongNaisPolicyGivesAppraisal10WorkingDays_TheTaskIsDue10WorkingDaysOutInsteadOfTheDefinitions3()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");
        var plan = (await clerk.FindPlanIdAsync("DN.TK", 2026))!.Value;
        var line = await clerk.LineIdAsync(plan, "DA2");
        var before = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 50_000_000, "Mô hình nuôi gà (trước khi đổi thời hạn)"));
        await clerk.ActOkAsync("proposals", before, "submit");

        var values = PolicyApi.Values();
        values["deadlineDays"] = new JsonObject { ["value"] = new JsonObject { ["proposal.Submitted"] = 10 }, ["basis"] = "Quyết định 5/2026/QĐ-UBND tỉnh Đồng Nai" };
        await (await s.As("dn.quantri")).CreatePolicyAsync(PolicyApi.Version("DN", 2026, "2026-03-02", values)).CreatedAsync();
        var after = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 50_000_000, "Mô hình nuôi gà (sau khi đổi thời hạn)"));
        await clerk.ActOkAsync("proposals", after, "submit");

        var inbox = (await (await s.As("tk.kinhte")).GetJsonAsync("/api/tasks?pageSize=100"))["items"]!.AsArray();
        int? DaysLeft(Guid id) => (int?)inbox.Single(t => (string?)t!["subjectId"] == id.ToString())!["workingDaysLeft"];
        Assert.Equal(3, DaysLeft(before));
        Assert.Equal(10, DaysLeft(after));
    }

    [Fact]
    public async Task CreatePolicy_WhenADeadlineNamesAStepWithoutATask_Returns400AtThatKey()
    {
        using var s = new Session(fixture.Factory);
        var values = PolicyApi.Values();
        values["deadlineDays"] = new JsonObject { ["value"] = new JsonObject { ["proposal.Approved"] = 5, ["Submitted"] = 5 }, ["basis"] = "Quyết định 5/2026/QĐ-UBND" };

        using var response = await (await s.As("dn.quantri")).CreatePolicyAsync(PolicyApi.Version("DN", 2031, "2031-01-01", values));

        await ProblemAssert.HasErrorsAtAsync(response, "values.deadlineDays.value.Submitted");
    }
}
