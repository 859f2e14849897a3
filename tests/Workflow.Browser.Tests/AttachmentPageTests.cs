using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using Workflow.Browser.Tests.Infrastructure;
using Workflow.Browser.Tests.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>The clerk attaches a file on the proposal's page and opens it again from the list (docs/lifecycle.md, "Tệp đính kèm").</summary>
[Collection(BrowserCollection.Name)]
public sealed class AttachmentPageTests(AppServer app, BrowserFixture browser) : SignedInTest(app, browser)
{
    [Fact]
    public async Task A_clerk_uploads_a_pdf_on_a_proposal_sees_it_listed_with_its_hash_and_downloads_the_same_file_and_a_20_MB_scan_passes()
    {
        var clerk = await SignedInAsync("nongnghiep");
        var id = await SeededPlan.CreateDraftAsync(clerk, "Mô hình nuôi bò (kèm tờ trình)");
        await Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/de-xuat/{id}$"));
        await Expect(clerk.Locator("#no-attachments")).ToBeVisibleAsync();

        var content = Encoding.ASCII.GetBytes("%PDF-1.7\n% To trinh de nghi phe duyet mo hinh\n%%EOF\n");
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        await clerk.GetByLabel(new System.Text.RegularExpressions.Regex("^Tải tệp lên")).SetInputFilesAsync(
            new FilePayload { Name = "to-trinh.pdf", MimeType = "application/pdf", Buffer = content });
        await Ui.SubmitAsync(clerk, clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }));
        await Ui.ExpectNoRefusalAsync(clerk, "Attaching the file");
        await Ui.ExpectFlashAsync(clerk, "Đã đính kèm tệp to-trinh.pdf.");

        var row = clerk.Locator("#attachments tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("PDF");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1 KB");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(hash);
        await Screenshot(clerk, "40-de-xuat-tep-dinh-kem");

        var download = await clerk.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "to-trinh.pdf" }).ClickAsync());
        Assert.Equal("to-trinh.pdf", download.SuggestedFilename);
        Assert.Equal(content, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // a picture that is not one is refused at the field, and nothing is added to the list
        await clerk.GetByLabel(new System.Text.RegularExpressions.Regex("^Tải tệp lên")).SetInputFilesAsync(
            new FilePayload { Name = "anh-hien-truong.png", MimeType = "image/png", Buffer = Encoding.ASCII.GetBytes("not a picture") });
        await Ui.SubmitAsync(clerk, clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }));
        await Expect(clerk.Locator(".field-error[data-path='file']")).ToContainTextAsync("không phải PNG");
        await Expect(clerk.Locator("#attachments tbody tr")).ToHaveCountAsync(1);

        // a scan at the limit, 20 MB, passes the real server's request limits
        var scan = new byte[20 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(scan);
        await clerk.GetByLabel(new System.Text.RegularExpressions.Regex("^Tải tệp lên")).SetInputFilesAsync(
            new FilePayload { Name = "ban-scan.pdf", MimeType = "application/pdf", Buffer = scan });
        await Ui.SubmitAsync(clerk, clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }));
        await Ui.ExpectFlashAsync(clerk, "Đã đính kèm tệp ban-scan.pdf.");
        await Expect(clerk.Locator("#attachments tbody tr").Filter(new() { HasText = "ban-scan.pdf" }).Locator("td").Nth(2)).ToHaveTextAsync("20 MB");
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_file_just_over_the_limit_chosen_on_the_dossier_page_is_refused_on_the_page_in_Vietnamese_and_nothing_is_stored()
    {
        var clerk = await SignedInAsync("nongnghiep");
        var id = await SeededPlan.CreateDraftAsync(clerk, "Mô hình nuôi dê (bản scan quá lớn)");
        await Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/de-xuat/{id}$"));

        // one byte over the server's limit (Attachments:MaxBytes, 20 MB by default)
        var scan = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(scan);
        var hash = Convert.ToHexStringLower(SHA256.HashData(scan));
        await clerk.GetByLabel(new System.Text.RegularExpressions.Regex("^Tải tệp lên")).SetInputFilesAsync(
            new FilePayload { Name = "ban-scan-qua-lon.pdf", MimeType = "application/pdf", Buffer = scan });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }).ClickAsync();

        var error = clerk.Locator(".field-error[data-path='file']");
        await Expect(error).ToContainTextAsync("Tệp «ban-scan-qua-lon.pdf» vượt giới hạn 20 MB mỗi tệp");
        await Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/de-xuat/{id}$"));
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Tệp đính kèm" })).ToBeVisibleAsync();
        await Expect(clerk.Locator("#no-attachments")).ToBeVisibleAsync();
        await Expect(clerk.Locator("#attach-file")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.False(File.Exists(Path.Combine(App.AttachmentsRoot, hash[..2], hash)), "Nothing may be stored for a refused file.");

        // a file within the limit then goes through, and the message is gone
        await clerk.GetByLabel(new System.Text.RegularExpressions.Regex("^Tải tệp lên")).SetInputFilesAsync(
            new FilePayload { Name = "to-trinh.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% to trinh\n%%EOF\n") });
        await Expect(error).ToHaveCountAsync(0);
        await Ui.SubmitAsync(clerk, clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }));
        await Ui.ExpectFlashAsync(clerk, "Đã đính kèm tệp to-trinh.pdf.");
        AssertNoBrowserProblems();
    }

    [Fact]
    public async Task A_clerk_marks_a_beneficiary_list_as_personal_data_and_the_list_shows_the_mark()
    {
        var clerk = await SignedInAsync("nongnghiep");
        var id = await SeededPlan.CreateDraftAsync(clerk, "Hỗ trợ bò giống (danh sách hộ)");
        await Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/de-xuat/{id}$"));
        await clerk.GetByLabel(new System.Text.RegularExpressions.Regex("^Tải tệp lên")).SetInputFilesAsync(
            new FilePayload { Name = "danh-sach-ho.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes($"%PDF-1.7\n% danh sach ho {Guid.NewGuid()}\n%%EOF\n") });
        await clerk.GetByLabel("Có dữ liệu cá nhân (danh sách hộ, người thụ hưởng)").CheckAsync();
        await Ui.SubmitAsync(clerk, clerk.GetByRole(AriaRole.Button, new() { Name = "Đính kèm", Exact = true }));
        await Ui.ExpectFlashAsync(clerk, "Đã đính kèm tệp danh-sach-ho.pdf.");
        await Expect(clerk.Locator("#attachments tbody tr").Filter(new() { HasText = "danh-sach-ho.pdf" }).Locator(".personal-data")).ToHaveTextAsync("Dữ liệu cá nhân");
        AssertNoBrowserProblems();
    }
}
