using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Báo cáo giám sát định kỳ: Xã Tân Khai's standing office finds the 6-month report it owes, sends it, and corrects it
/// with a reason; a report started from the form is a draft on its page; the province's standing office compiles the
/// communes' sent reports and sees which commune has not sent one. The deadline scan may have opened the 6-month drafts
/// already when the app started, so the due list is followed to the draft whether the scan or the officer made it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringReportPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    private const string Period = "2026-H1";

    [Fact]
    public async Task SubmitAndCorrect_WhenCommuneReportsHalfYear_ProvinceReportIncludesCommuneAndListsMissingOne()
    {
        var officer = await SignedInAsync("tk.giamsat");
        await officer.GotoAsync("/giam-sat");
        await officer.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Báo cáo định kỳ" }).ClickAsync();
        await Expect(officer.Locator("h1")).ToContainTextAsync("Xã Tân Khai");

        // the 6-month period ended on 30/06; the commune's 15 working days after it are long past
        var due = DueRow(officer, "mau-01", Period);
        await Expect(due).ToContainTextAsync("6 tháng đầu năm 2026");
        await Expect(due.Locator(".badge.overdue")).ToContainTextAsync("quá hạn");

        // a period that does not exist is named under its field, and nothing is made
        await officer.Locator("#Create_Template").SelectOptionAsync("bieu-02");
        await officer.Locator("#Create_Period").FillAsync("2026-H3");
        await Ui.SubmitAsync(officer, officer.Locator("#lap-bao-cao button[type=submit]"));
        await Expect(officer.Locator(".field-error[data-path='create.period']")).ToBeVisibleAsync();
        await Expect(officer.Locator("#Create_Period")).ToHaveValueAsync("2026-H3");

        await officer.Locator("#Create_Period").FillAsync(Period);
        await Ui.SubmitAsync(officer, officer.Locator("#lap-bao-cao button[type=submit]"));
        await Ui.ExpectNoRefusalAsync(officer, "Creating the bieu-02 report");
        await Ui.ExpectFlashAsync(officer, "Đã lập bản nháp báo cáo bieu-02 kỳ 2026-H1");
        await Expect(officer.Locator("#trang-thai")).ToHaveTextAsync("Nháp");
        await Expect(officer.Locator("#can-cu-mau [data-certainty='Proposed']")).ToContainTextAsync("đề xuất");

        var bieu02 = officer.Url;

        // a second one for the same template and period is refused, and the page points to the one the unit has
        await officer.GotoAsync("/giam-sat/bao-cao");
        await officer.Locator("#Create_Template").SelectOptionAsync("bieu-02");
        await officer.Locator("#Create_Period").FillAsync(Period);
        await Ui.SubmitAsync(officer, officer.Locator("#lap-bao-cao button[type=submit]"));
        await Expect(officer.Locator(".problem")).ToContainTextAsync("đã có bản nháp");
        await Expect(officer.Locator("#bao-cao-da-co a")).ToHaveAttributeAsync("href", new Uri(bieu02).AbsolutePath);

        // the Mẫu 01 report the commune owes: made from its due row, or the draft the deadline scan opened
        await officer.GotoAsync("/giam-sat/bao-cao");
        await OpenDueReportAsync(officer, "mau-01", Period);
        await Expect(officer.Locator("#trang-thai")).ToHaveTextAsync("Nháp");
        await Expect(officer.Locator("h1")).ToContainTextAsync("6 tháng đầu năm 2026");
        await Expect(officer.Locator("#bang-phien-ban tbody tr")).ToHaveCountAsync(1);

        await Ui.SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Cập nhật số liệu" }));
        await Ui.ExpectFlashAsync(officer, "Đã cập nhật số liệu của bản nháp");
        var firstVersion = officer.Url;

        await Ui.SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }));
        await Ui.ExpectNoRefusalAsync(officer, "Submitting the report");
        await Ui.ExpectFlashAsync(officer, "Đã gửi báo cáo mau-01 kỳ 2026-H1 (phiên bản 1), trễ hạn");
        await Expect(officer.Locator("#trang-thai")).ToHaveTextAsync("Đã gửi");
        await Expect(officer.Locator("#dung-han")).ToHaveTextAsync("Gửi trễ hạn");
        await Expect(officer.Locator("#nguoi-gui")).ToContainTextAsync("tk.giamsat");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Cập nhật số liệu" })).ToHaveCountAsync(0);
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Lập bản điều chỉnh" })).ToBeVisibleAsync();
        await Screenshot(officer, "95-giam-sat-bao-cao-da-gui");

        var download = await officer.RunAndWaitForDownloadAsync(() => officer.Locator("#tai-excel").ClickAsync());
        Assert.Equal("bao-cao-mau-01-DN.TK-2026-H1-v1.xlsx", download.SuggestedFilename);
        var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(workbook.Length > 100 && workbook[0] == 'P' && workbook[1] == 'K', "The Excel export is not a workbook (zip).");

        // a sent report is only changed by a correction, and a correction needs its reason
        await Ui.SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Lập bản điều chỉnh" }));
        await Expect(officer.Locator(".field-error[data-path='correction.reason']")).ToContainTextAsync("lý do");
        await Expect(officer.Locator("#trang-thai")).ToHaveTextAsync("Đã gửi");

        await officer.Locator("#Correction_Reason").FillAsync("Bổ sung số giải ngân Kho bạc xác nhận sau ngày gửi");
        await Ui.SubmitAsync(officer, officer.GetByRole(AriaRole.Button, new() { Name = "Lập bản điều chỉnh" }));
        await Ui.ExpectNoRefusalAsync(officer, "Correcting the report");
        await Ui.ExpectFlashAsync(officer, "Đã lập bản điều chỉnh phiên bản 2");
        await Expect(officer.Locator("#trang-thai")).ToHaveTextAsync("Nháp");
        await Expect(officer.Locator("#ly-do-dieu-chinh")).ToContainTextAsync("Bổ sung số giải ngân Kho bạc");
        await Expect(officer.Locator("#bang-phien-ban tbody tr")).ToHaveCountAsync(2);
        await Expect(officer.Locator("#bang-phien-ban tr[data-version='1'] a")).ToHaveAttributeAsync("href", new Uri(firstVersion).AbsolutePath);

        // the corrected version says a later one exists and offers no second correction
        await officer.GotoAsync(firstVersion);
        await Expect(officer.Locator("main")).ToContainTextAsync("Đã có phiên bản điều chỉnh mới hơn");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Lập bản điều chỉnh" })).ToHaveCountAsync(0);

        // the province compiles the communes' latest sent reports: Tân Khai's version 1 is in, Tân Hưng has sent none
        var province = await SignedInAsync("dn.tonghop");
        await province.GotoAsync("/giam-sat/bao-cao");
        await OpenDueReportAsync(province, "mau-01", Period);
        await Ui.SubmitAsync(province, province.GetByRole(AriaRole.Button, new() { Name = "Cập nhật số liệu" }));
        await Ui.ExpectNoRefusalAsync(province, "Refreshing the province's report");
        await Expect(province.Locator("#bang-da-tong-hop tr[data-unit='DN.TK']")).ToContainTextAsync("Xã Tân Khai");
        await Expect(province.Locator("#chua-gui li[data-unit='DN.TH']")).ToContainTextAsync("Xã Tân Hưng");
        await Expect(province.Locator("#bang-von tfoot")).ToContainTextAsync("Tổng cộng");
        await Screenshot(province, "96-giam-sat-bao-cao-tinh");

        // the province's monitor reads the commune's report and its exports but changes nothing; the commune does not see the province's
        var monitor = await SignedInAsync("dn.giamsat");
        await monitor.GotoAsync(firstVersion);
        await Expect(monitor.Locator("#trang-thai")).ToHaveTextAsync("Đã gửi");
        await Expect(monitor.Locator("#tai-excel")).ToBeVisibleAsync();
        await Expect(monitor.Locator("#thao-tac")).ToHaveCountAsync(0);
        var hidden = await officer.GotoAsync(province.Url);
        Assert.Equal(404, hidden!.Status);

        // on a phone the report reads without scrolling sideways
        var phone = await SignedInOnPhoneAsync("dn.tonghop");
        await phone.GotoAsync(province.Url);
        await Expect(phone.Locator("#bang-da-tong-hop tr[data-unit='DN.TK']")).ToBeVisibleAsync();
        Assert.True(await PageWidthAsync(phone) <= 390, "The report page scrolls sideways on a phone.");
        await phone.GotoAsync("/giam-sat/bao-cao");
        await Expect(phone.Locator("#den-han")).ToBeVisibleAsync();
        Assert.True(await PageWidthAsync(phone) <= 390, "The reports list scrolls sideways on a phone.");
        AssertNoBrowserProblemsExcept(p => p.Contains(new Uri(province.Url).AbsolutePath) && p.Contains("404"));
    }

    private static ILocator DueRow(IPage page, string template, string period) =>
        page.Locator($"#bang-den-han tr[data-template='{template}'][data-period='{period}']");

    /// <summary>Opens the report a due row stands for: its draft when one is open, else the one its button makes.</summary>
    private static async Task OpenDueReportAsync(IPage page, string template, string period)
    {
        var row = DueRow(page, template, period);
        await Expect(row).ToHaveCountAsync(1);
        var create = row.GetByRole(AriaRole.Button);
        if (await create.CountAsync() > 0)
        {
            await Ui.SubmitAsync(page, create);
            await Ui.ExpectNoRefusalAsync(page, $"Creating {template} {period}");
            await Ui.ExpectFlashAsync(page, $"Đã lập bản nháp báo cáo {template} kỳ {period}");
        }
        else
        {
            await row.GetByRole(AriaRole.Link).ClickAsync();
        }
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/giam-sat/bao-cao/[0-9a-f-]{36}$"));
    }
}
