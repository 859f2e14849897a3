using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Idempotency;

/// <summary>
/// The web forms that create or act carry a key made anew at each rendering: the same form sent twice (a double click,
/// the browser sending it again) does the thing once and leads both times to its outcome.
/// </summary>
public sealed partial class IdempotentFormTests(IdempotencyFixture fixture) : IClassFixture<IdempotencyFixture>
{
    private const string ReplayedMessage = "Biểu mẫu này đã được gửi trước đó";

    /// <summary>The drafting form as the clerk fills it in: 20 million of state support on the line, 10 million of labour.</summary>
    private static FormUrlEncodedContent ProposalForm(string page, Guid lineId, string title) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = SignedInBrowser.HiddenField(page, "__RequestVerificationToken"),
        ["__IdempotencyKey"] = SignedInBrowser.HiddenField(page, "__IdempotencyKey"),
        ["dong"] = lineId.ToString(),
        ["Input.Title"] = title, ["Input.Kind"] = "PovertyReductionModel", ["Input.AreaType"] = "Other", ["Input.Communes"] = "BP.HQ.TK",
        ["Input.StartDate"] = "2024-06-01", ["Input.EndDate"] = "2024-12-15", ["Input.TotalCost"] = "30000000", ["Input.StateSupport"] = "20000000",
        ["Input.Cash"] = "0", ["Input.Labour"] = "10000000", ["Input.InKind"] = "0",
        ["Input.Poor"] = "5", ["Input.NearPoor"] = "15", ["Input.NewlyEscaped"] = "0", ["Input.EthnicMinority"] = "2", ["Input.Disabled"] = "0", ["Input.TotalParticipants"] = "25",
    });

    private Task<int> ProposalsTitledAsync(string title) => fixture.Factory.DbAsync(db => db.Proposals.CountAsync(p => p.Title == title));

    [Fact]
    public async Task ProposalForm_WhenPostedTwiceWithItsKey_CreatesOneProposalAndLeadsBothTimesToIt()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        using var browser = await fixture.Factory.BrowserFor(Demo.Clerk);
        var url = $"/de-xuat/soan?dong={lineId}";
        var page = await browser.GetStringAsync(url);
        var title = $"Mô hình trồng cây ăn quả {Guid.NewGuid():N}";

        using var first = await browser.PostAsync(url, ProposalForm(page, lineId, title));
        using var again = await browser.PostAsync(url, ProposalForm(page, lineId, title));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Matches("^/de-xuat/[0-9a-f-]{36}$", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await ProposalsTitledAsync(title));
        var outcome = WebUtility.HtmlDecode(await browser.GetStringAsync(again.Headers.Location));
        Assert.Contains(ReplayedMessage, outcome);
        Assert.Contains(title, outcome);
    }

    [Fact]
    public async Task ProposalForm_WhenDoubleClicked_CreatesOneProposalAndBothSubmitsLeadToIt()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        using var browser = await fixture.Factory.BrowserFor(Demo.Clerk);
        var url = $"/de-xuat/soan?dong={lineId}";
        var page = await browser.GetStringAsync(url);
        var title = $"Mô hình nuôi ong lấy mật {Guid.NewGuid():N}";

        var responses = await Task.WhenAll(browser.PostAsync(url, ProposalForm(page, lineId, title)), browser.PostAsync(url, ProposalForm(page, lineId, title)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        foreach (var response in responses) response.Dispose();
        Assert.Equal(1, await ProposalsTitledAsync(title));
    }

    [Fact]
    public async Task ProposalForm_WhenTheKeyComesBackWithOtherContent_ShowsTheVietnamesePageAndCreatesNothing()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        using var browser = await fixture.Factory.BrowserFor(Demo.Clerk);
        var url = $"/de-xuat/soan?dong={lineId}";
        var page = await browser.GetStringAsync(url);
        using (var first = await browser.PostAsync(url, ProposalForm(page, lineId, $"Mô hình nuôi cá lồng {Guid.NewGuid():N}")))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var edited = $"Mô hình nuôi cá lồng (sửa) {Guid.NewGuid():N}";

        using var response = await browser.PostAsync(url, ProposalForm(page, lineId, edited));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Biểu mẫu đã được gửi", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await ProposalsTitledAsync(edited));
    }

    [Fact]
    public async Task ProposalForm_WhenRendered_CarriesANewKeyEachTimeAndTheHeaderSignOutNone()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        using var browser = await fixture.Factory.BrowserFor(Demo.Clerk);

        var once = await browser.GetStringAsync($"/de-xuat/soan?dong={lineId}");
        var twice = await browser.GetStringAsync($"/de-xuat/soan?dong={lineId}");

        Assert.NotEqual(SignedInBrowser.HiddenField(once, "__IdempotencyKey"), SignedInBrowser.HiddenField(twice, "__IdempotencyKey"));
        Assert.Single(KeyField().Matches(once));
    }

    [GeneratedRegex("name=\"__IdempotencyKey\"")]
    private static partial Regex KeyField();
}
