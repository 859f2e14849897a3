using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>
/// Xã Tân Khai's plans, seeded by the demo for 2026 and every year up to the current one: the current year's plan
/// takes commitments whatever today's date (a year closes on 1 February of the next, rule 19).
/// </summary>
public static class CommunePlan
{
    public const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2", Chair = "tk.chutich", Treasury = "khobac.kv";

    public static int OpenYear => Ui.Today.Year;

    private static readonly Lazy<string> File2026 = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "tan-khai-plan.json"), Encoding.UTF8));

    /// <summary>
    /// Tân Khai's plan file for <paramref name="year"/> with 10 % of DA2's central money typed in the district column,
    /// as a three-level spreadsheet would have it (refused from 2026, rule 22).
    /// </summary>
    public static string WithDistrictMoney(int year)
    {
        const string da2Commune = "\"Commune\": 60000000\n", totals = "\"Commune\": 125000000\n";
        var json = File2026.Value.Replace("\"fiscalYear\": 2026", $"\"fiscalYear\": {year}", StringComparison.Ordinal);
        Assert.Single(Regex.Matches(json, Regex.Escape(da2Commune)));
        return json.Replace(da2Commune, "\"Commune\": 60000000,\n        \"District\": 120000000\n", StringComparison.Ordinal)
            .Replace(totals, "\"Commune\": 125000000,\n    \"District\": 120000000\n", StringComparison.Ordinal);
    }
}

/// <summary>The Hớn Quản plan file (<c>TestData/hon-quan-2024-plan.json</c>), for any year, whole or broken.</summary>
public static class PlanFile
{
    private static readonly Lazy<string> Seed2024 = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "hon-quan-2024-plan.json"), Encoding.UTF8));

    /// <summary>The 2024 plan, as the same plan for <paramref name="year"/>.</summary>
    public static string ForYear(int year)
    {
        const string seedYear = "\"fiscalYear\": 2024";
        Assert.Contains(seedYear, Seed2024.Value, StringComparison.Ordinal);
        return Seed2024.Value.Replace(seedYear, $"\"fiscalYear\": {year}", StringComparison.Ordinal);
    }
}

/// <summary><c>/ke-hoach/nhap</c>: the finance office imports a plan file, pasted or uploaded.</summary>
public static class PlanImportPage
{
    public static ILocator Errors(IPage page) => page.Locator("#import-errors");

    public static ILocator FieldError(IPage page, string path) => page.Locator($"#import-errors .field-error[data-path='{path}']");

    public static ILocator Line(IPage page, int index) => page.Locator($"#import-errors tr[data-line='{index}']");

    public static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("/ke-hoach");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nhập tệp kế hoạch", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ke-hoach/nhap$"));
    }

    /// <summary>Pastes the file's text into the form and sends it.</summary>
    public static async Task PasteAsync(IPage page, string json)
    {
        await page.Locator("#Text").FillAsync(json);
        await Ui.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập", Exact = true }));
    }

    /// <summary>Chooses the file in the file input (the pasted text is cleared) and sends it.</summary>
    public static async Task UploadAsync(IPage page, string fileName, string json)
    {
        await page.Locator("#Text").FillAsync("");
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        await Ui.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập", Exact = true }));
    }
}

/// <summary><c>/ke-hoach/{id}</c>: the plan's lines with what is committed and disbursed, and the clerk's "Lập đề xuất".</summary>
public static partial class PlanPage
{
    public static ILocator Line(IPage page, string component) => page.Locator($"#plan-lines tr[data-component='{component}']");

    /// <summary>Opens the plan of <paramref name="year"/> from the plans list.</summary>
    public static async Task OpenFromListAsync(IPage page, int year)
    {
        await page.GotoAsync("/ke-hoach");
        await page.Locator("table").GetByRole(AriaRole.Link, new() { Name = year.ToString(System.Globalization.CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PlanUrl());
        await Expect(page.Locator("h1")).ToContainTextAsync($"Kế hoạch vốn năm {year}");
    }

    /// <summary>Clicks "Lập đề xuất" on a line and returns the proposal form.</summary>
    public static async Task<ProposalForm> ProposeOnAsync(IPage page, string component)
    {
        await Line(page, component).GetByRole(AriaRole.Link, new() { Name = "Lập đề xuất", Exact = true }).ClickAsync();
        var form = new ProposalForm(page);
        await form.ExpectOpenAsync();
        return form;
    }

    /// <summary>Opens the plan of <paramref name="year"/> and the proposal form on its <paramref name="component"/> line.</summary>
    public static async Task<ProposalForm> OpenProposalFormAsync(IPage page, int year, string component)
    {
        await OpenFromListAsync(page, year);
        return await ProposeOnAsync(page, component);
    }

    [GeneratedRegex(@"/ke-hoach/[0-9a-f-]{36}$")]
    public static partial Regex PlanUrl();
}

/// <summary><c>/ke-hoach/{id}/dieu-chinh</c>: the finance office revises a plan by editing its line amounts or uploading a new version.</summary>
public static class PlanRevisePage
{
    public static ILocator Amount(IPage page, string component, string source) =>
        page.Locator($"#revise-form tr[data-component='{component}'] input[name$='.Amounts[{source}]']");

    public static ILocator FieldError(IPage page, string path) => page.Locator($"#revise-form .field-error[data-path='{path}']");

    public static async Task OpenAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Điều chỉnh kế hoạch", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ke-hoach/[0-9a-f-]{36}/dieu-chinh$"));
    }

    /// <summary>Types the line's amounts (whole đồng, as a clerk types them) and the reason, and saves.</summary>
    public static async Task ReviseLineAsync(IPage page, string component, IReadOnlyDictionary<string, string> amounts, string reason)
    {
        foreach (var (source, amount) in amounts) await Amount(page, component, source).FillAsync(amount);
        await page.Locator("#Reason-form").FillAsync(reason);
        await Ui.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản điều chỉnh", Exact = true }));
    }
}
