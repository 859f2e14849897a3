using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// The finance office and the treasury find advances, payments and settlements without opening proposal after
/// proposal: <c>GET /api/disbursements</c> and <c>GET /api/settlements</c>, filtered, newest change first, only what the
/// caller may see.
/// </summary>
public sealed class DisbursementAndSettlementListTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task ListDisbursements_ForOneProposal_ShowsItsAdvanceAndPaymentNewestFirstAndFiltersByKindAndState()
    {
        using var s = new Session(fixture.Factory);
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, "Mô hình nuôi thỏ xã Tân Khai");
        var clerk = await s.As("tk.nongnghiep");
        var advance = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 6_000_000);
        await clerk.ActOkAsync("disbursements", advance, "request");
        var payment = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 4_000_000);
        var finance = await s.As("tk.kinhte");

        var all = await finance.GetJsonAsync($"/api/disbursements?proposalId={proposal}");
        var advances = await finance.GetJsonAsync($"/api/disbursements?proposalId={proposal}&kind=Advance");
        var requested = await finance.GetJsonAsync($"/api/disbursements?proposalId={proposal}&state={DisbursementProcess.Requested}");

        Assert.Equal(2, (int)all["total"]!);
        Assert.Equal([payment, advance], all["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
        var first = all["items"]![1]!;
        Assert.StartsWith("GN-2026-", (string?)first["code"]);
        Assert.Equal(6_000_000, (long)first["total"]!);
        Assert.Equal("Mô hình nuôi thỏ xã Tân Khai", (string?)first["proposalTitle"]);
        Assert.Equal([advance], advances["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
        Assert.Equal([advance], requested["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
    }

    [Theory]
    [InlineData("/api/disbursements")]
    [InlineData("/api/settlements")]
    [InlineData("/api/proposals")]
    public async Task List_AtAPageFarPastTheEnd_IsEmptyNotTheFirstPage(string list)
    {
        using var s = new Session(fixture.Factory);
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, "Mô hình nuôi vịt xã Tân Khai");
        var clerk = await s.As("tk.nongnghiep");
        await clerk.CreateDisbursementOkAsync(proposal, "Advance", 3_000_000);
        var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 10, reachedTotal: 10);
        body["acceptedOn"] = "2026-03-20";
        body["actualCost"] = new JsonObject { ["Central"] = 0L };
        await clerk.OpenSettlementOkAsync(proposal, body);
        var finance = await s.As("tk.kinhte");

        // 999,999,999 pages of 20 rows: a product beyond int that once wrapped round to the first page
        var page = await finance.GetJsonAsync($"{list}?page=999999999&pageSize=20");

        Assert.True((int)page["total"]! > 0);
        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task ListSettlements_ShowsTheSettlementWithItsCodeToItsCommuneAndNothingToAnother()
    {
        using var s = new Session(fixture.Factory);
        var title = $"Mô hình trồng dưa xã Tân Khai ({Guid.NewGuid():N})";
        var (proposal, plan) = await CommuneStoryTests.ApprovedAsync(s, title);
        var clerk = await s.As("tk.nongnghiep");
        var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 10, reachedTotal: 10);
        body["acceptedOn"] = "2026-03-20";
        body["actualCost"] = new JsonObject { ["Central"] = 0L };
        var settlement = await clerk.OpenSettlementOkAsync(proposal, body);

        var own = await (await s.As("tk.kinhte")).GetJsonAsync($"/api/settlements?planId={plan}&year=2026&state={SettlementProcess.Draft}");
        var other = await (await s.As("th.kinhte")).GetJsonAsync($"/api/settlements?planId={plan}");

        var item = Assert.Single(own["items"]!.AsArray(), i => (string?)i!["proposalTitle"] == title)!;
        Assert.Equal(settlement, Guid.Parse((string)item["id"]!));
        Assert.StartsWith("QT-2026-", (string?)item["code"]);
        Assert.Equal("InProgress", (string?)item["status"]);
        Assert.Equal(0, (int)other["total"]!);
    }

    [Fact]
    public async Task ListPages_ForTheFinanceOfficer_ShowTheDossiersByCodeWithTheirProposals()
    {
        using var s = new Session(fixture.Factory);
        var title = $"Mô hình nuôi lươn xã Tân Khai ({Guid.NewGuid():N})";
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, title);
        var clerk = await s.As("tk.nongnghiep");
        var advance = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 5_000_000);
        var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 10, reachedTotal: 10);
        body["acceptedOn"] = "2026-03-20";
        body["actualCost"] = new JsonObject { ["Central"] = 0L };
        var settlement = await clerk.OpenSettlementOkAsync(proposal, body);
        using var browser = await fixture.Factory.BrowserFor("tk.kinhte");

        var disbursements = await browser.GetStringAsync("/giai-ngan?loai=Advance&nam=2026");
        var settlements = await browser.GetStringAsync("/quyet-toan?nam=2026");

        Assert.Contains($"href=\"/giai-ngan/{advance}\"", disbursements);
        Assert.Contains("Tạm ứng", disbursements);
        Assert.Contains($"href=\"/quyet-toan/{settlement}\"", settlements);
        Assert.Contains($"href=\"/de-xuat/{proposal}\"", settlements);
    }

    [Theory]
    [InlineData("/api/disbursements?kind=Tien", "kind")]
    [InlineData("/api/disbursements?year=nam-nay", "year")]
    [InlineData("/api/disbursements?proposalId=abc", "proposalId")]
    [InlineData("/api/settlements?pageSize=500", "pageSize")]
    [InlineData("/api/settlements?planId=x", "planId")]
    public async Task List_WithAFilterThatIsNotOne_Is400AtThatField(string url, string field)
    {
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        using var response = await finance.GetAsync(url);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem!["errors"]![field]);
    }
}
