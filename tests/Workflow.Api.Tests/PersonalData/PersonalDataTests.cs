using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Policies;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.PersonalData;

/// <summary>Tân Khai's 2026 plan with its own database and file store, for files marked as personal data.</summary>
public sealed class PersonalDataFixture : IDisposable
{
    public TestDatabase Database { get; } = TestDatabase.Create("personal-data");

    public RuntimeFactory Factory { get; }

    public PersonalDataFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start));

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}

/// <summary>Shared steps of the personal-data tests: uploads with the mark, downloads, the access log.</summary>
internal static class PersonalDataApi
{
    public const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", Finance2 = "tk.kinhte2", Chair = "tk.chutich", Treasury = "khobac.kv",
        Monitor = "dn.giamsat", Admin = "dn.quantri", OtherCommuneFinance = "th.kinhte";

    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text} {Guid.NewGuid()}\n%%EOF\n");

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string subjects, Guid id, string fileName, byte[] content, string? personalData)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (personalData is not null) form.Add(new StringContent(personalData), "personalData");
        return await client.PostAsync($"/api/{subjects}/{id}/attachments", form);
    }

    public static async Task<JsonNode> UploadOkAsync(HttpClient client, string subjects, Guid id, string fileName, byte[] content, bool personalData)
    {
        using var response = await UploadAsync(client, subjects, id, fileName, content, personalData ? "true" : null);
        return (await response.ExpectAsync(HttpStatusCode.Created))!;
    }

    public static async Task<Guid> DraftAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        return await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 10_000_000, title));
    }

    public static async Task<Guid> ApprovedAsync(Session s, string title)
    {
        var id = await DraftAsync(s, title);
        await (await s.As(Clerk)).ActOkAsync("proposals", id, "submit");
        await (await s.As(Finance)).ActOkAsync("proposals", id, "start-appraisal");
        await (await s.As(Finance)).ActOkAsync("proposals", id, "appraise-pass", "Đủ điều kiện.");
        await (await s.As(Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("31/QĐ-UBND", "2026-03-02"));
        return id;
    }

    /// <summary>The log's entries for one file, as the administrator reads them.</summary>
    public static async Task<JsonArray> LogOfAsync(Session s, string sha256, string reader = Admin)
    {
        var page = await (await s.As(reader)).GetJsonAsync("/api/audit/personal-data-access");
        return new JsonArray(page["items"]!.AsArray().Where(e => (string?)e!["sha256"] == sha256).Select(e => e!.DeepClone()).ToArray());
    }
}

/// <summary>
/// Files marked as personal data (docs/personal-data.md): opened only by those who work on the dossier, every opening
/// logged in the same request, the log read by the administrator and the Monitor.
/// </summary>
public sealed class PersonalDataTests(PersonalDataFixture fixture) : IClassFixture<PersonalDataFixture>
{
    [Fact]
    public async Task Download_WhenTheClerkOpensABeneficiaryListMarkedAsPersonalData_ServesItAndLogsExactlyOneAccess()
    {
        using var s = new Session(fixture.Factory);
        var id = await PersonalDataApi.DraftAsync(s, "Hỗ trợ bò giống (danh sách hộ)");
        var list = PersonalDataApi.Pdf("Danh sách hộ nghèo thụ hưởng thôn 4");
        var attached = await PersonalDataApi.UploadOkAsync(await s.As(PersonalDataApi.Clerk), "proposals", id, "danh-sach-ho.pdf", list, personalData: true);
        Assert.True((bool)attached["personalData"]!);

        var listed = await (await s.As(PersonalDataApi.Clerk)).GetJsonAsync($"/api/proposals/{id}/attachments");
        Assert.True((bool)listed["files"]![0]!["personalData"]!);
        // journaled on the dossier with the mark
        var history = (await (await s.As(PersonalDataApi.Clerk)).GetJsonAsync($"/api/proposals/{id}/history")).AsArray();
        Assert.True((bool)history.Single(e => (string?)e!["action"] == "attach-file")!["data"]!["personalData"]!);

        using (var download = await (await s.As(PersonalDataApi.Clerk)).GetAsync($"/api/attachments/{PersonalDataApi.Sha256Of(list)}"))
        {
            await download.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(list, await download.Content.ReadAsByteArrayAsync());
        }

        var log = await PersonalDataApi.LogOfAsync(s, PersonalDataApi.Sha256Of(list));
        var entry = Assert.Single(log)!;
        Assert.Equal(PersonalDataApi.Clerk, (string?)entry["userName"]);
        Assert.Equal("served", (string?)entry["outcome"]);
        Assert.Equal("danh-sach-ho.pdf", (string?)entry["fileName"]);
        Assert.Equal(id.ToString(), (string?)entry["subjectId"]);
        Assert.Equal("Proposal", (string?)entry["subjectType"]);
        Assert.Equal("GET /api/attachments/{sha256}", (string?)entry["route"]);
        Assert.Equal("DN.TK", (string?)entry["unitCode"]);
        // the Monitor reads the same log, filtered by person
        var monitorView = await (await s.As(PersonalDataApi.Monitor)).GetJsonAsync($"/api/audit/personal-data-access?user={PersonalDataApi.Clerk}");
        Assert.Contains(monitorView["items"]!.AsArray(), e => (string?)e!["sha256"] == PersonalDataApi.Sha256Of(list));
        Assert.All(monitorView["items"]!.AsArray(), e => Assert.Equal(PersonalDataApi.Clerk, (string?)e!["userName"]));
    }

    [Fact]
    public async Task Download_WhenTheMonitorAsksForAMarkedFile_Returns403InVietnameseSendsNothingAndLogsTheRefusal()
    {
        using var s = new Session(fixture.Factory);
        var id = await PersonalDataApi.DraftAsync(s, "Hỗ trợ sinh kế (danh sách người thụ hưởng)");
        var list = PersonalDataApi.Pdf("Danh sách người thụ hưởng");
        var plain = PersonalDataApi.Pdf("Tờ trình");
        var clerk = await s.As(PersonalDataApi.Clerk);
        await PersonalDataApi.UploadOkAsync(clerk, "proposals", id, "nguoi-thu-huong.pdf", list, personalData: true);
        await PersonalDataApi.UploadOkAsync(clerk, "proposals", id, "to-trinh.pdf", plain, personalData: false);

        var monitor = await s.As(PersonalDataApi.Monitor);
        // the Monitor sees the dossier and its list of files, the mark included
        var listed = await monitor.GetJsonAsync($"/api/proposals/{id}/attachments");
        Assert.Equal(2, listed["files"]!.AsArray().Count);
        using (var refused = await monitor.GetAsync($"/api/attachments/{PersonalDataApi.Sha256Of(list)}"))
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Contains("dữ liệu cá nhân", (string?)problem["detail"]);
            Assert.DoesNotContain("Danh sách người thụ hưởng", await refused.Content.ReadAsStringAsync());
        }
        // an unmarked file keeps today's rule: whoever sees the dossier opens it, and nothing is logged
        using (var served = await monitor.GetAsync($"/api/attachments/{PersonalDataApi.Sha256Of(plain)}"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(plain, await served.Content.ReadAsByteArrayAsync());
        }
        Assert.Empty(await PersonalDataApi.LogOfAsync(s, PersonalDataApi.Sha256Of(plain)));

        // the refusal is logged: an attempt by someone without the need is what the log is for
        var entry = Assert.Single(await PersonalDataApi.LogOfAsync(s, PersonalDataApi.Sha256Of(list)))!;
        Assert.Equal(PersonalDataApi.Monitor, (string?)entry["userName"]);
        Assert.Equal("refused", (string?)entry["outcome"]);

        // another commune's officer does not see the dossier: 404, as for a file that does not exist, and no entry
        using (var stranger = await (await s.As(PersonalDataApi.OtherCommuneFinance)).GetAsync($"/api/attachments/{PersonalDataApi.Sha256Of(list)}"))
            await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.NotFound);
        Assert.Single(await PersonalDataApi.LogOfAsync(s, PersonalDataApi.Sha256Of(list)));
    }

    [Fact]
    public async Task Download_WhenTheFinanceOfficeAndTheChairmanOfTheUnitOpenAMarkedFile_ServesThemAndLogsBoth()
    {
        using var s = new Session(fixture.Factory);
        var id = await PersonalDataApi.DraftAsync(s, "Hỗ trợ nhà ở (danh sách hộ)");
        var list = PersonalDataApi.Pdf("Danh sách hộ cần hỗ trợ nhà ở");
        await PersonalDataApi.UploadOkAsync(await s.As(PersonalDataApi.Clerk), "proposals", id, "ho-nha-o.pdf", list, personalData: true);

        foreach (var reader in new[] { PersonalDataApi.Finance, PersonalDataApi.Chair })
        {
            using var download = await (await s.As(reader)).GetAsync($"/api/attachments/{PersonalDataApi.Sha256Of(list)}");
            await download.ExpectAsync(HttpStatusCode.OK);
        }
        var log = await PersonalDataApi.LogOfAsync(s, PersonalDataApi.Sha256Of(list));
        Assert.Equal(new[] { PersonalDataApi.Chair, PersonalDataApi.Finance }, log.Select(e => (string)e!["userName"]!).Order(StringComparer.Ordinal));
        Assert.All(log, e => Assert.Equal("served", (string?)e!["outcome"]));
    }

    [Fact]
    public async Task Upload_WhenTheMarkIsNeitherTrueNorFalse_Returns400AtPersonalDataAndStoresNothing()
    {
        using var s = new Session(fixture.Factory);
        var id = await PersonalDataApi.DraftAsync(s, "Hỗ trợ giống cây (đánh dấu sai)");
        var rows = await fixture.Factory.DbAsync(db => db.DossierFiles.CountAsync());
        using var response = await PersonalDataApi.UploadAsync(await s.As(PersonalDataApi.Clerk), "proposals", id, "ds.pdf", PersonalDataApi.Pdf("ds"), "có lẽ");
        await ProblemAssert.HasErrorsAtAsync(response, "personalData");
        Assert.Equal(rows, await fixture.Factory.DbAsync(db => db.DossierFiles.CountAsync()));
    }

    [Fact]
    public async Task Upload_WhenTheSameContentIsSentAgainWithTheMark_MarksTheAttachmentAndJournalsIt()
    {
        using var s = new Session(fixture.Factory);
        var id = await PersonalDataApi.DraftAsync(s, "Hỗ trợ lưới (đánh dấu sau)");
        var clerk = await s.As(PersonalDataApi.Clerk);
        var list = PersonalDataApi.Pdf("Danh sách hộ nhận lưới");
        await PersonalDataApi.UploadOkAsync(clerk, "proposals", id, "luoi.pdf", list, personalData: false);
        using (var again = await PersonalDataApi.UploadAsync(clerk, "proposals", id, "luoi.pdf", list, "true"))
            Assert.True((bool)(await again.ExpectAsync(HttpStatusCode.OK))!["personalData"]!);
        using (var monitor = await (await s.As(PersonalDataApi.Monitor)).GetAsync($"/api/attachments/{PersonalDataApi.Sha256Of(list)}"))
            await ProblemAssert.IsProblemAsync(monitor, HttpStatusCode.Forbidden);
        var history = (await clerk.GetJsonAsync($"/api/proposals/{id}/history")).AsArray();
        Assert.Contains(history, e => (string?)e!["action"] == "mark-personal-data");
    }

    [Fact]
    public async Task AccessLog_WhenAClerkAsks_Returns403()
    {
        using var s = new Session(fixture.Factory);
        using var response = await (await s.As(PersonalDataApi.Clerk)).GetAsync("/api/audit/personal-data-access");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
