using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Search;

/// <summary>
/// An officer finds a dossier by what they remember of it — its code, or a few words of its title typed without marks —
/// across proposals, disbursements and settlements (<c>GET /api/search</c>), and pages through the rest in the lists
/// (<c>?q=</c>); never a dossier they may not see.
/// </summary>
public sealed class SearchTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Search_WhenWordsAreTypedWithoutMarks_FindsTheProposalAndItsDisbursement()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, $"Nuôi bò sinh sản ấp Đồng Sơn {marker}");
        var clerk = await s.As("tk.nongnghiep");
        var advance = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 5_000_000);
        var finance = await s.As("tk.kinhte");

        var found = await finance.GetJsonAsync($"/api/search?q={Uri.EscapeDataString($"BO SINH san dong son {marker}")}");

        var hit = Assert.Single(found["proposals"]!["items"]!.AsArray())!;
        Assert.Equal(proposal, Guid.Parse((string)hit["id"]!));
        Assert.Equal($"Nuôi bò sinh sản ấp Đồng Sơn {marker}", (string?)hit["title"]);
        Assert.Equal(20_000_000, (long)hit["amount"]!);
        var disbursement = Assert.Single(found["disbursements"]!["items"]!.AsArray())!;
        Assert.Equal(advance, Guid.Parse((string)disbursement["id"]!));
        Assert.Equal(5_000_000, (long)disbursement["amount"]!);
        Assert.Equal((string?)hit["code"], (string?)disbursement["proposalCode"]);
        Assert.Equal(0, (int)found["settlements"]!["total"]!);
    }

    [Fact]
    public async Task Search_WhenADisbursementCodeIsTypedLoosely_FindsOnlyThatDisbursement()
    {
        using var s = new Session(fixture.Factory);
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, $"Mô hình trồng nghệ {Marker()}");
        var clerk = await s.As("tk.nongnghiep");
        var advance = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 4_000_000);
        var code = (string)(await clerk.GetDisbursementAsync(advance))["code"]!;
        var typed = code.Replace("GN-", "gn ").Replace("-0", " ");
        var finance = await s.As("tk.kinhte");

        var found = await finance.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(typed)}");

        Assert.Equal(0, (int)found["proposals"]!["total"]!);
        var hit = Assert.Single(found["disbursements"]!["items"]!.AsArray())!;
        Assert.Equal(advance, Guid.Parse((string)hit["id"]!));
        Assert.Equal(code, (string?)hit["code"]);
    }

    [Fact]
    public async Task Search_ByAnotherCommunesOfficer_FindsNothingOfThisCommune()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, $"Hỗ trợ máy may {marker}");
        var code = (string)(await (await s.As("tk.nongnghiep")).GetProposalAsync(proposal))["code"]!;
        var other = await s.As("th.kinhte");

        var byWords = await other.GetJsonAsync($"/api/search?q={marker}");
        var byCode = await other.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(code)}");

        Assert.Equal(0, (int)byWords["proposals"]!["total"]!);
        Assert.DoesNotContain(byCode["proposals"]!["items"]!.AsArray(), i => Guid.Parse((string)i!["id"]!) == proposal);
    }

    [Fact]
    public async Task Search_WithYearAndAgency_NarrowsToThem()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, $"Mô hình nuôi gà {marker}");
        var agency = (string)(await (await s.As("tk.nongnghiep")).GetProposalAsync(proposal))["agencyCode"]!;
        var finance = await s.As("tk.kinhte");

        var thisYear = await finance.GetJsonAsync($"/api/search?q={marker}&year=2026&agency={agency}");
        var lastYear = await finance.GetJsonAsync($"/api/search?q={marker}&year=2025");
        var otherAgency = await finance.GetJsonAsync($"/api/search?q={marker}&agency=KHONG-CO");

        Assert.Equal(1, (int)thisYear["proposals"]!["total"]!);
        Assert.Equal(0, (int)lastYear["proposals"]!["total"]!);
        Assert.Equal(0, (int)otherAgency["proposals"]!["total"]!);
    }

    [Fact]
    public async Task ListProposals_WithQAndYear_PagesThroughTheMatches()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        var clerk = await s.As("tk.nongnghiep");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var ids = new List<Guid>();
        foreach (var place in new[] { "ấp 1", "ấp 2", "ấp 3" })
            ids.Add(await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 1_000_000, $"Trồng rau sạch {place} {marker}")));
        await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 1_000_000, $"Nuôi cá {marker}"));

        var first = await clerk.GetJsonAsync($"/api/proposals?q={Uri.EscapeDataString($"trong rau {marker}")}&year=2026&pageSize=2");
        var second = await clerk.GetJsonAsync($"/api/proposals?q={Uri.EscapeDataString($"trong rau {marker}")}&year=2026&pageSize=2&page=2");

        Assert.Equal(3, (int)first["total"]!);
        Assert.Equal(ids.ToHashSet(), first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(i => Guid.Parse((string)i!["id"]!)).ToHashSet());
    }

    [Fact]
    public async Task ListDisbursementsAndSettlements_WithQ_FindByTheProposalsWordsOrTheirOwnCode()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, $"Mô hình trồng sả {marker}");
        var clerk = await s.As("tk.nongnghiep");
        var advance = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 3_000_000);
        var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 10, reachedTotal: 10);
        body["acceptedOn"] = "2026-03-20";
        body["actualCost"] = new JsonObject { ["Central"] = 0L };
        var settlement = await clerk.OpenSettlementOkAsync(proposal, body);
        var settlementCode = (string)(await clerk.GetSettlementAsync(settlement))["code"]!;
        var finance = await s.As("tk.kinhte");

        var disbursements = await finance.GetJsonAsync($"/api/disbursements?q={Uri.EscapeDataString($"trong sa {marker}")}");
        var settlements = await finance.GetJsonAsync($"/api/settlements?q={Uri.EscapeDataString(settlementCode)}");
        var wrongKind = await finance.GetJsonAsync($"/api/disbursements?q={Uri.EscapeDataString(settlementCode)}");

        Assert.Equal([advance], disbursements["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
        Assert.Equal([settlement], settlements["items"]!.AsArray().Select(i => Guid.Parse((string)i!["id"]!)));
        Assert.Equal(0, (int)wrongKind["total"]!);
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=bo&limit=0", "limit")]
    [InlineData("/api/search?q=bo&year=hai-nghin", "year")]
    public async Task Search_WithoutWhatToFindOrWithABadFilter_Is400AtThatField(string url, string field)
    {
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        using var response = await finance.GetAsync(url);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task Search_WithTextLongerThanAnyTitle_Is400NamingTheLimit()
    {
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        using var response = await finance.GetAsync($"/api/search?q={new string('a', 201)}");

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("200", (string)problem!["errors"]!["q"]![0]!);
    }

    [Fact]
    public async Task Search_WithLikeWildcards_MatchesThemAsText()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        await CommuneStoryTests.ApprovedAsync(s, $"Hỗ trợ 100% giống {marker}");
        var finance = await s.As("tk.kinhte");

        var percent = await finance.GetJsonAsync($"/api/search?q={Uri.EscapeDataString($"100% {marker}")}");
        var underscore = await finance.GetJsonAsync($"/api/search?q={Uri.EscapeDataString($"1_0 {marker}")}");

        Assert.Equal(1, (int)percent["proposals"]!["total"]!);
        Assert.Equal(0, (int)underscore["proposals"]!["total"]!);
    }

    [Fact]
    public async Task SearchPage_ForTheFinanceOfficer_LinksEachKindOfDossierFoundAndTheListsFilterByTheSameWords()
    {
        using var s = new Session(fixture.Factory);
        var marker = Marker();
        var (proposal, _) = await CommuneStoryTests.ApprovedAsync(s, $"Mô hình trồng tiêu {marker}");
        var advance = await (await s.As("tk.nongnghiep")).CreateDisbursementOkAsync(proposal, "Advance", 2_000_000);
        using var browser = await fixture.Factory.BrowserFor("tk.kinhte");

        var found = await browser.GetStringAsync($"/tim-kiem?tu-khoa={Uri.EscapeDataString($"trong tieu {marker}")}");
        var proposals = await browser.GetStringAsync($"/de-xuat?tu-khoa={marker}&nam=2026");
        var disbursements = await browser.GetStringAsync($"/giai-ngan?tu-khoa={marker}");

        Assert.Contains($"href=\"/de-xuat/{proposal}\"", found);
        Assert.Contains($"href=\"/giai-ngan/{advance}\"", found);
        Assert.Contains("Không có hồ sơ nào khớp.", found);
        Assert.Contains($"href=\"/de-xuat/{proposal}\"", proposals);
        Assert.Contains("1 đề xuất", proposals);
        Assert.Contains($"href=\"/giai-ngan/{advance}\"", disbursements);
    }

    /// <summary>A word no other test's title has, so each test finds only its own dossiers in the shared commune.</summary>
    private static string Marker() => $"m{Guid.NewGuid():N}"[..12];
}
