using System.Net;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Tasks;

/// <summary>
/// The inbox page (<c>/</c>) as a browser without script gets it: cards ordered as asked, a bulk action sent as a plain
/// form post and answered with each dossier's outcome, a hand-edited filter explained rather than failed.
/// </summary>
public sealed class InboxPageTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task InboxPage_SortedByAmount_ShowsTheBiggestFirstWithEachCardsAmountAndDeadline()
    {
        using var s = new Session(fixture.Factory);
        var (tag, _) = await InboxFilterTests.ThreeSubmittedAsync(s, 30_000_000, 50_000_000, 40_000_000);
        using var browser = await fixture.Factory.BrowserFor("tk.kinhte");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/?tu-khoa={tag}&sap-xep=tien"));

        Assert.Contains("3 việc khớp bộ lọc", page);
        var positions = new[] { "50.000.000", "40.000.000", "30.000.000" }.Select(a => page.IndexOf(a, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Equal(3, CountOf(page, "<dt>Hạn xử lý</dt>"));
    }

    [Fact]
    public async Task InboxPage_BulkStartOfAppraisalPostedWithoutScript_MovesBothTickedAndSaysSoForEach()
    {
        using var s = new Session(fixture.Factory);
        var (tag, ids) = await InboxFilterTests.ThreeSubmittedAsync(s, 21_000_000, 22_000_000);
        var api = await s.As("tk.kinhte");
        var instances = new List<string>();
        foreach (var id in ids) instances.Add((string)(await api.GetProposalAsync(id))["instanceId"]!);
        using var browser = await fixture.Factory.BrowserFor("tk.kinhte");
        var page = await browser.GetStringAsync($"/?tu-khoa={tag}");
        Assert.Contains("Đề xuất: Bắt đầu thẩm định", WebUtility.HtmlDecode(page));

        using var response = await browser.PostAsync($"/?tu-khoa={tag}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SignedInBrowser.HiddenField(page, "__RequestVerificationToken")),
            new("BulkAction", "Proposal:start-appraisal"),
            new("Chon", instances[0]),
            new("Chon", instances[1]),
        ]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("2 hồ sơ đã xử lý, 0 bị từ chối", answer);
        Assert.Equal(2, CountOf(answer, "Đã chuyển sang: Đang thẩm định"));
        foreach (var id in ids) Assert.Equal(ProposalProcess.UnderAppraisal, (string?)(await api.GetProposalAsync(id))["state"]);
    }

    [Fact]
    public async Task InboxPage_WithNothingTicked_SaysSoAndMovesNothing()
    {
        using var s = new Session(fixture.Factory);
        var (tag, ids) = await InboxFilterTests.ThreeSubmittedAsync(s, 23_000_000);
        using var browser = await fixture.Factory.BrowserFor("tk.kinhte");
        var page = await browser.GetStringAsync($"/?tu-khoa={tag}");

        using var response = await browser.PostAsync($"/?tu-khoa={tag}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SignedInBrowser.HiddenField(page, "__RequestVerificationToken")),
            new("BulkAction", "Proposal:start-appraisal"),
        ]));

        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Đánh dấu ít nhất một hồ sơ.", answer);
        Assert.Equal(ProposalProcess.Submitted, (string?)(await (await s.As("tk.kinhte")).GetProposalAsync(ids[0]))["state"]);
    }

    [Fact]
    public async Task InboxPage_WithAStateThatIsNotOne_SaysWhyAndShowsTheWholeInbox()
    {
        using var browser = await fixture.Factory.BrowserFor("tk.kinhte");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/?trang-thai=ChoDuyet"));

        Assert.Contains("Không có trạng thái 'ChoDuyet'", page);
        Assert.Contains("<h1>Hộp việc</h1>", page);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
