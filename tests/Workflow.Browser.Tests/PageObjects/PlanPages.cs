using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>The Hớn Quản plan file (<c>TestData/hon-quan-2024-plan.json</c>), for any year, whole or broken.</summary>
public static class PlanFile
{
    /// <summary>
    /// A year whose plan takes commitments whatever today's date (a plan's year closes on 1 February of the next,
    /// rule 19): the Hớn Quản plan for next year, imported through the API by the finance officer if it is not there yet.
    /// </summary>
    public static async Task<int> OpenYearAsync(Infrastructure.AppServer app)
    {
        var year = Ui.Today.Year + 1;
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        using var signIn = await http.PostAsync("/api/auth/token",
            new StringContent("{\"userName\":\"taichinh\",\"password\":\"Demo@2024\"}", Encoding.UTF8, "application/json"));
        var token = System.Text.Json.JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/plans/import") { Content = new StringContent(ForYear(year), Encoding.UTF8, "application/json") };
        import.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(import);
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict,
            $"Importing the {year} plan answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return year;
    }

    private static readonly Lazy<string> Seed2024 = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "hon-quan-2024-plan.json"), Encoding.UTF8));

    /// <summary>The 2024 plan, as the same plan for <paramref name="year"/>.</summary>
    public static string ForYear(int year)
    {
        const string seedYear = "\"fiscalYear\": 2024";
        Assert.Contains(seedYear, Seed2024.Value, StringComparison.Ordinal);
        return Seed2024.Value.Replace(seedYear, $"\"fiscalYear\": {year}", StringComparison.Ordinal);
    }

    /// <summary>The plan for <paramref name="year"/> with the DA2 line's district counterpart 2,000,000 đ higher (rules 3 and 4 broken).</summary>
    public static string WithDa2DistrictRaised(int year)
    {
        var json = ForYear(year);
        const string da2District = "\"District\": 152000000";
        Assert.Single(Regex.Matches(json, Regex.Escape(da2District)));
        return json.Replace(da2District, "\"District\": 154000000", StringComparison.Ordinal);
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
