using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary><c>/de-xuat/{id}/giai-ngan</c>: the clerk asks for an advance or a payment on an approved proposal.</summary>
public static partial class DisbursementForm
{
    /// <summary>From the proposal page, "Đề nghị tạm ứng / thanh toán"; fills kind and amount; "Lập đề nghị". Returns on the new draft.</summary>
    public static async Task<Guid> RequestAsync(IPage proposalPage, string kind, long amount)
    {
        await proposalPage.GetByRole(AriaRole.Link, new() { Name = "Đề nghị tạm ứng / thanh toán", Exact = true }).ClickAsync();
        await Expect(proposalPage).ToHaveURLAsync(new Regex("/de-xuat/[0-9a-f-]{36}/giai-ngan$"));
        await proposalPage.Locator("#Kind").SelectOptionAsync(kind);
        await proposalPage.Locator("#Amount").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await Ui.SubmitAsync(proposalPage, proposalPage.GetByRole(AriaRole.Button, new() { Name = "Lập đề nghị", Exact = true }));
        await Ui.ExpectNoRefusalAsync(proposalPage, $"The {kind} request of {amount}");
        await Expect(proposalPage).ToHaveURLAsync(Url());
        await Expect(SubjectPage.State(proposalPage)).ToHaveTextAsync("Dự thảo");
        return Ui.IdInUrl(proposalPage);
    }

    [GeneratedRegex("/giai-ngan/[0-9a-f-]{36}$")]
    public static partial Regex Url();
}

/// <summary><c>/de-xuat/{id}/quyet-toan</c>: acceptance and the actual cost per source.</summary>
public static partial class SettlementForm
{
    public static async Task OpenAsync(IPage proposalPage)
    {
        await proposalPage.GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ quyết toán", Exact = true }).ClickAsync();
        await Expect(proposalPage).ToHaveURLAsync(new Regex("/de-xuat/[0-9a-f-]{36}/quyet-toan$"));
    }

    /// <summary>The actual cost input of a source (Central, Provincial, District), prefilled with what was paid.</summary>
    public static ILocator ActualCost(IPage page, string source) => page.Locator($"#a-{source}");

    /// <summary>Fills outputs, acceptance date and actual costs (beneficiaries reached stay as planned); "Lập hồ sơ quyết toán".</summary>
    public static async Task<Guid> OpenSettlementAsync(IPage page, string outputs, DateOnly acceptedOn, IReadOnlyDictionary<string, long> actualCost)
    {
        await page.Locator("#Outputs").FillAsync(outputs);
        await page.Locator("#AcceptedOn").FillAsync(Ui.DateValue(acceptedOn));
        foreach (var (source, amount) in actualCost)
            await ActualCost(page, source).FillAsync(Ui.Grouped(amount));
        await Ui.SubmitAsync(page, page.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ quyết toán", Exact = true }));
        await Ui.ExpectNoRefusalAsync(page, "Opening the settlement");
        await Expect(page).ToHaveURLAsync(Url());
        return Ui.IdInUrl(page);
    }

    [GeneratedRegex("/quyet-toan/[0-9a-f-]{36}$")]
    public static partial Regex Url();
}
