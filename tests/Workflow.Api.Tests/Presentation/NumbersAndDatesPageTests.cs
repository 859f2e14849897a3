using System.Net;
using Workflow.Api.Tests.Idempotency;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Presentation;

/// <summary>
/// The proposal form read by the server alone (no script): amounts grouped as officials write them, dates dd/MM/yyyy;
/// the dossier shows them back the same way, and its process diagram names roles in Vietnamese.
/// </summary>
public sealed class NumbersAndDatesPageTests(IdempotencyFixture fixture) : IClassFixture<IdempotencyFixture>
{
    private static FormUrlEncodedContent Form(string page, Guid lineId, string title, string start, string totalCost) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = SignedInBrowser.HiddenField(page, "__RequestVerificationToken"),
        ["__IdempotencyKey"] = SignedInBrowser.HiddenField(page, "__IdempotencyKey"),
        ["dong"] = lineId.ToString(),
        ["Input.Title"] = title, ["Input.Kind"] = "PovertyReductionModel", ["Input.AreaType"] = "Other", ["Input.Communes"] = "BP.HQ.TK",
        ["Input.StartDate"] = start, ["Input.EndDate"] = "15/12/2024", ["Input.TotalCost"] = totalCost, ["Input.StateSupport"] = "20 000 000",
        ["Input.Cash"] = "0", ["Input.Labour"] = "10.000.000", ["Input.InKind"] = "0",
        ["Input.Poor"] = "5", ["Input.NearPoor"] = "15", ["Input.NewlyEscaped"] = "0", ["Input.EthnicMinority"] = "2", ["Input.Disabled"] = "0", ["Input.TotalParticipants"] = "25",
    });

    [Fact]
    public async Task ProposalForm_WhenAmountsAreGroupedAndDatesDayFirst_SavesThemAndTheDossierShowsThemSoWithVietnameseRoles()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        using var browser = await fixture.Factory.BrowserFor(Demo.Clerk);
        var url = $"/de-xuat/soan?dong={lineId}";
        var title = $"Mô hình trồng bưởi {Guid.NewGuid():N}";

        using var posted = await browser.PostAsync(url, Form(await browser.GetStringAsync(url), lineId, title, "1/6/2024", "30.000.000"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var dossier = WebUtility.HtmlDecode(await browser.GetStringAsync(posted.Headers.Location));
        Assert.Contains("01/06/2024 – 15/12/2024", dossier);
        Assert.Contains("30.000.000 ₫", dossier);
        Assert.Contains("Phòng Tài chính - Kế hoạch", dossier);
        var diagram = dossier[dossier.IndexOf("class=\"diagram\"", StringComparison.Ordinal)..];
        diagram = diagram[..(diagram.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        foreach (var english in new[] { "LeadAgency", "FinanceOffice", "Approver ·", "Treasury ·", "UnderAppraisal →", "→ Approved)" })
            Assert.DoesNotContain(english, diagram);
    }

    [Fact]
    public async Task ProposalForm_WhenTheCostHasADecimalCommaAndTheDateIsMonthFirst_SaysSoAtEachFieldAndSavesNothing()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        using var browser = await fixture.Factory.BrowserFor(Demo.Clerk);
        var url = $"/de-xuat/soan?dong={lineId}";
        var title = $"Mô hình trồng bưởi {Guid.NewGuid():N}";

        using var posted = await browser.PostAsync(url, Form(await browser.GetStringAsync(url), lineId, title, "06/31/2024", "30.000.000,5"));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var page = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("Ngày bắt đầu phải theo dạng dd/MM/yyyy (ví dụ 15/03/2026); '06/31/2024'", page);
        Assert.Contains("Tổng kinh phí: '30.000.000,5' không phải số đồng nguyên", page);
        Assert.DoesNotContain("Nhập ngày bắt đầu", page);
        Assert.Contains("value=\"30.000.000,5\"", page);
    }
}
