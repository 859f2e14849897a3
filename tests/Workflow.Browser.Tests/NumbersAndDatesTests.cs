using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>Amounts and dates as officials write them, whatever language the browser speaks.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NumbersAndDatesTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task In_an_English_browser_the_clerk_types_15_03_and_the_dossier_shows_15_03_with_amounts_grouped_as_typed()
    {
        var clerk = await NewDesktopPageAsync("en-US");
        await WebApp.SignInAsync(clerk, CommunePlan.Clerk);
        var year = CommunePlan.OpenYear;
        var title = $"Mô hình nuôi dê {Guid.NewGuid().ToString("N")[..6]}";
        var form = await PlanPage.OpenProposalFormAsync(clerk, year, "DA2");

        // a text input, not the browser's date picker (which an English browser orders mm/dd/yyyy)
        var start = clerk.Locator("#Input_StartDate");
        await Expect(start).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");
        Assert.Equal("text", await start.EvaluateAsync<string>("e => e.type"));

        await form.FillAsync(SeededPlan.ModelDraft(title) with { Start = new DateOnly(year, 3, 15), End = new DateOnly(year, 11, 30) });
        await start.FillAsync($"15/03/{year}");

        // the amount is grouped key by key as it is typed, and the caret stays at the end
        await form.TotalCost.ClearAsync();
        await form.TotalCost.PressSequentiallyAsync("1000");
        await Expect(form.TotalCost).ToHaveValueAsync("1.000");
        await form.TotalCost.PressSequentiallyAsync("00000");
        await Expect(form.TotalCost).ToHaveValueAsync("100.000.000");
        await Expect(form.StateSupport).ToHaveValueAsync("80.000.000");
        // letters and a decimal comma are not kept: the field holds whole đồng only
        await form.StateSupport.FocusAsync();
        await form.StateSupport.PressAsync("End");
        await form.StateSupport.PressSequentiallyAsync(",5");
        await Expect(form.StateSupport).ToHaveValueAsync("800.000.005");
        await form.TypeSupportAsync(80_000_000);
        await Expect(form.StateSupport).ToHaveValueAsync("80.000.000");

        await form.SaveAsync();
        await Expect(clerk.Locator("main")).ToContainTextAsync($"15/03/{year} – 30/11/{year}");
        await Expect(clerk.Locator("main")).ToContainTextAsync(Ui.Vnd(80_000_000));
        await Screenshot(clerk, "70-de-xuat-ngay-dd-mm-yyyy-trinh-duyet-tieng-anh");
    }

    [Fact]
    public async Task A_date_written_month_first_or_an_amount_with_a_decimal_comma_is_refused_naming_the_field_without_script()
    {
        var clerk = await SignedInAsync(CommunePlan.Clerk);
        var year = CommunePlan.OpenYear;
        var form = await PlanPage.OpenProposalFormAsync(clerk, year, "DA2");
        await form.FillAsync(SeededPlan.ModelDraft($"Mô hình nuôi gà {Guid.NewGuid().ToString("N")[..6]}") with { Start = new DateOnly(year, 3, 1), End = new DateOnly(year, 11, 30) });
        // what a form without the script would send: the end date month first, the cost with a decimal comma
        await clerk.EvaluateAsync($$"""
            () => {
              const end = document.querySelector('#Input_EndDate');
              end.removeAttribute('pattern');
              end.value = '{{year}}-30-11';
              document.querySelector('#Input_TotalCost').value = '100.000.000,5';
            }
            """);

        Assert.False(await form.TrySaveAsync());

        await Expect(form.FieldError("endDate")).ToContainTextAsync("Ngày kết thúc phải theo dạng dd/MM/yyyy");
        await Expect(form.FieldError("totalCost")).ToContainTextAsync("Tổng kinh phí: '100.000.000,5' không phải số đồng nguyên");
        // one message per field: the rule's "enter a date" does not contradict what was typed
        await Expect(form.FieldError("endDate")).ToHaveCountAsync(1);
        await Expect(clerk.Locator("#Input_EndDate")).ToHaveValueAsync($"{year}-30-11");
        AssertNoBrowserProblemsExcept(p => p.Contains("/api/", StringComparison.Ordinal) || p.Contains("handler=Preview", StringComparison.Ordinal));
    }
}
