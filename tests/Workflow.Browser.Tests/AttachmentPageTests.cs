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
}
