using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>
/// A page showing a proposal (<c>/de-xuat/{id}</c>), disbursement (<c>/giai-ngan/{id}</c>) or settlement (<c>/quyet-toan/{id}</c>):
/// a state badge <c>#state</c> and one form per action the user may take, its button named like the action.
/// </summary>
public static class SubjectPage
{
    public static ILocator State(IPage page) => page.Locator("#state");

    /// <summary>The form of one action, e.g. "Gửi đề xuất".</summary>
    public static ILocator ActionForm(IPage page, string action) =>
        page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }) });

    /// <summary>
    /// Takes an action: fills its comment and data fields (<c>#{action}-{field}</c>, e.g. <c>decisionNumber</c>), presses
    /// its button and expects the flash "Đã thực hiện: …" and the new state.
    /// </summary>
    public static async Task ActAsync(IPage page, string action, string expectedState, string? comment = null, IReadOnlyDictionary<string, string>? data = null)
    {
        await TryActAsync(page, action, comment, data);
        await Ui.ExpectNoRefusalAsync(page, $"“{action}”");
        await Ui.ExpectFlashAsync(page, $"Đã thực hiện: {action}.");
        await Expect(State(page)).ToHaveTextAsync(expectedState);
    }

    /// <summary>Takes an action without judging the answer: for refusals.</summary>
    public static async Task TryActAsync(IPage page, string action, string? comment = null, IReadOnlyDictionary<string, string>? data = null)
    {
        var form = ActionForm(page, action);
        if (await form.CountAsync() != 1)
        {
            var offered = await page.Locator(".actions form button").AllInnerTextsAsync();
            Assert.Fail($"{page.Url} (state “{await State(page).InnerTextAsync()}”) offers no “{action}”; it offers: {string.Join(", ", offered)}.");
        }
        if (comment is not null)
            await form.Locator("textarea[name=Comment]").FillAsync(comment);
        foreach (var (field, value) in data ?? new Dictionary<string, string>())
            await form.Locator($"[id$='-{field}']").FillAsync(value);
        await Ui.SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
    }
}
