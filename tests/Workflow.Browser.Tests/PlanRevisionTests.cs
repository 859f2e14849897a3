using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>The finance office revises a plan's line on the revision page: a refusal shows under the amount, a valid change is the next version.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanRevisionTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    // a year no other browser test uses, so that revising it changes nobody else's plan
    private const int Year = 2022;

    [Fact]
    public async Task A_line_revised_on_the_page_is_the_plans_next_version()
    {
        var finance = await SignedInAsync("taichinh");
        await PlanImportPage.OpenAsync(finance);
        await PlanImportPage.PasteAsync(finance, PlanFile.ForYear(Year));
        await Expect(finance).ToHaveURLAsync(PlanPage.PlanUrl());
        await Expect(finance.Locator("#plan-version")).ToContainTextAsync("Phiên bản 1");

        await PlanRevisePage.OpenAsync(finance);
        await Expect(PlanRevisePage.Amount(finance, "DA2", "Central")).ToHaveValueAsync("1.521.000.000");

        // NSTW raised by 100 million without its 5 % / 10 % counterpart: rule 4, under the line's NS huyện
        await PlanRevisePage.ReviseLineAsync(finance, "DA2", new Dictionary<string, string> { ["Central"] = "1.621.000.000" }, "Bổ sung vốn Dự án 2");
        await Expect(PlanRevisePage.FieldError(finance, "lines[0].amounts.District")).ToContainTextAsync("Quy tắc 4");
        await Expect(finance.Locator(".problem")).ToContainTextAsync("Chưa thực hiện được");
        await Expect(PlanRevisePage.Amount(finance, "DA2", "Central")).ToHaveValueAsync("1.621.000.000");
        await Screenshot(finance, "40-dieu-chinh-ke-hoach-loi-doi-ung");

        await PlanRevisePage.ReviseLineAsync(finance, "DA2",
            new Dictionary<string, string> { ["Central"] = "1.621.000.000", ["Provincial"] = "81.000.000", ["District"] = "162.000.000" }, "Bổ sung vốn Dự án 2");

        await Expect(finance).ToHaveURLAsync(PlanPage.PlanUrl());
        await Expect(finance.Locator("#plan-version")).ToContainTextAsync("Phiên bản 2");
        await Expect(PlanPage.Line(finance, "DA2")).ToContainTextAsync(Ui.Vnd(1_864_000_000));
        await Screenshot(finance, "41-dieu-chinh-ke-hoach-phien-ban-2");
        AssertNoBrowserProblems();
    }
}
