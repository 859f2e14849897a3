using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>Tân Khai's 2026 plan with its own database and file store, and a file limit of 64 KB so oversize is cheap to send.</summary>
public sealed class AttachmentFixture : IDisposable
{
    public const long MaxBytes = 64 * 1024;

    public TestDatabase Database { get; } = TestDatabase.Create("attachments");

    public RuntimeFactory Factory { get; }

    public AttachmentFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start),
        new Dictionary<string, string> { ["Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}

/// <summary>
/// Files on dossiers (docs/lifecycle.md, "Tệp đính kèm"): uploaded by whoever compiles or acts on the dossier, kept once by
/// their SHA-256, downloaded only by those who see a dossier that has them, named in the journal of every transition,
/// and checked against their hashes.
/// </summary>
public sealed class AttachmentTests(AttachmentFixture fixture) : IClassFixture<AttachmentFixture>
{
    private const string Clerk = "tk.nongnghiep", Finance = "tk.kinhte", OtherCommuneClerk = "th.nongnghiep", OtherCommuneFinance = "th.kinhte";

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n%%EOF\n");

    private static byte[] Png(int seed) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. BitConverter.GetBytes(seed), .. Guid.NewGuid().ToByteArray()];

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static MultipartFormDataContent Form(string fileName, byte[] content, string field = "file", string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string subjects, Guid id, string fileName, byte[] content, string field = "file")
    {
        using var form = Form(fileName, content, field);
        return await client.PostAsync($"/api/{subjects}/{id}/attachments", form);
    }

    private static async Task<JsonNode> UploadOkAsync(HttpClient client, string subjects, Guid id, string fileName, byte[] content)
    {
        using var response = await UploadAsync(client, subjects, id, fileName, content);
        return (await response.ExpectAsync(HttpStatusCode.Created))!;
    }

    private async Task<Guid> DraftAsync(Session s, string title)
    {
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        return await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 10_000_000, title));
    }

    /// <summary>The files at addresses in the store (not what is still arriving in .incoming).</summary>
    private string[] StoredFiles() => Directory.Exists(fixture.Database.AttachmentsRoot)
        ? Directory.EnumerateFiles(fixture.Database.AttachmentsRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}.incoming{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order().ToArray()
        : [];

    private string[] IncomingFiles() => Directory.Exists(Path.Combine(fixture.Database.AttachmentsRoot, ".incoming"))
        ? Directory.GetFiles(Path.Combine(fixture.Database.AttachmentsRoot, ".incoming"))
        : [];

    private Task<int> AttachmentRowsAsync() => fixture.Factory.DbAsync(db => db.DossierFiles.CountAsync());

    [Fact]
    public async Task Upload_WhenTheClerkAttachesAPdfToTheirProposal_AnswersItsHashAndTheFinanceOfficeDownloadsTheSameBytesNameAndType()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Mô hình nuôi bò sinh sản (tờ trình kèm theo)");
        var content = Pdf("Tờ trình số 12/TTr-NN");

        var attached = await UploadOkAsync(await s.As(Clerk), "proposals", id, "To trinh 12-TTr.pdf", content);
        Assert.Equal(Sha256Of(content), (string?)attached["sha256"]);
        Assert.Equal("To trinh 12-TTr.pdf", (string?)attached["fileName"]);
        Assert.Equal("application/pdf", (string?)attached["contentType"]);
        Assert.Equal(content.Length, (long)attached["size"]!);

        var listed = await (await s.As(Clerk)).GetJsonAsync($"/api/proposals/{id}/attachments");
        Assert.Equal([Sha256Of(content)], listed["files"]!.AsArray().Select(f => (string)f!["sha256"]!));
        Assert.True((bool)listed["canAttach"]!);

        // the commune's economic office sees the proposal, so it may read the file
        using var download = await (await s.As(Finance)).GetAsync($"/api/attachments/{Sha256Of(content)}");
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("To trinh 12-TTr.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Download_WhenAnotherCommunesOfficerAsks_Returns404AsForAFileThatDoesNotExist()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Mô hình trồng sầu riêng (biên bản họp thôn)");
        var content = Pdf("Biên bản họp thôn 3");
        await UploadOkAsync(await s.As(Clerk), "proposals", id, "bien-ban.pdf", content);

        foreach (var stranger in new[] { OtherCommuneClerk, OtherCommuneFinance })
        {
            var client = await s.As(stranger);
            using (var download = await client.GetAsync($"/api/attachments/{Sha256Of(content)}"))
                await ProblemAssert.IsProblemAsync(download, HttpStatusCode.NotFound);
            using (var list = await client.GetAsync($"/api/proposals/{id}/attachments"))
                await ProblemAssert.IsProblemAsync(list, HttpStatusCode.NotFound);
            using (var upload = await UploadAsync(client, "proposals", id, "khac.pdf", Pdf(stranger)))
                await ProblemAssert.IsProblemAsync(upload, HttpStatusCode.NotFound);
        }
        // the same answer as for content nobody attached, and for something that is not a hash at all
        using (var unknown = await (await s.As(OtherCommuneClerk)).GetAsync($"/api/attachments/{Sha256Of(Pdf("không ai đính kèm"))}"))
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        using (var malformed = await (await s.As(Clerk)).GetAsync("/api/attachments/not-a-hash"))
            await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_WhenTheFinanceOfficeHasNoStepOnTheDraftButAppraisesItLater_IsRefusedThenAllowed()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Mô hình nuôi gà thả vườn (ý kiến thẩm định)");
        var finance = await s.As(Finance);
        using (var refused = await UploadAsync(finance, "proposals", id, "y-kien.pdf", Pdf("ý kiến sớm")))
        {
            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Contains("cơ quan chủ trì", (string?)problem["detail"]);
        }
        Assert.False((bool)(await finance.GetJsonAsync($"/api/proposals/{id}/attachments"))["canAttach"]!);

        await (await s.As(Clerk)).ActOkAsync("proposals", id, "submit");
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        var opinion = await UploadOkAsync(finance, "proposals", id, "y-kien-tham-dinh.pdf", Pdf("ý kiến thẩm định"));
        Assert.Equal(Finance, (string?)opinion["attachedBy"]);
        var history = await finance.GetJsonAsync($"/api/proposals/{id}/history");
        var entry = history.AsArray().Last()!;
        Assert.Equal("attach-file", (string?)entry["action"]);
        Assert.Equal("FinanceOffice", (string?)entry["role"]);
        Assert.Equal("UnderAppraisal", (string?)entry["from"]);
        Assert.Equal("UnderAppraisal", (string?)entry["to"]);
        Assert.Equal((string?)opinion["sha256"], (string?)entry["data"]!["sha256"]);
    }

    [Fact]
    public async Task Upload_WhenTheSameContentIsSentTwiceAndToASecondDossier_StoresItOnce()
    {
        using var s = new Session(fixture.Factory);
        var first = await DraftAsync(s, "Mô hình rau an toàn (danh sách hộ)");
        var second = await DraftAsync(s, "Mô hình rau an toàn, đợt 2 (danh sách hộ)");
        var clerk = await s.As(Clerk);
        var content = Png(42);
        var address = Sha256Of(content);

        await UploadOkAsync(clerk, "proposals", first, "danh-sach.png", content);
        using (var again = await UploadAsync(clerk, "proposals", first, "danh-sach (1).png", content))
        {
            var same = (await again.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal("danh-sach.png", (string?)same["fileName"]);
        }
        await UploadOkAsync(clerk, "proposals", second, "danh-sach-dot-2.png", content);

        Assert.Single((await clerk.GetJsonAsync($"/api/proposals/{first}/attachments"))["files"]!.AsArray());
        Assert.Single(StoredFiles(), f => Path.GetFileName(f) == address);
        Assert.Empty(IncomingFiles());
        Assert.Equal(2, await fixture.Factory.DbAsync(db => db.DossierFiles.CountAsync(f => f.Sha256 == address)));
    }

    public static TheoryData<string, byte[], string, string> Refusals => new()
    {
        { "to-trinh.pdf", Encoding.ASCII.GetBytes("<html>not a pdf</html>"), "file", "không phải PDF" },
        { "bao-cao.docx", Encoding.ASCII.GetBytes("%PDF-1.4 a pdf renamed"), "file", "không phải Word" },
        { "cai-dat.exe", [0x4D, 0x5A, 0x90, 0x00], "file", "không thuộc loại" },
        { "trong.pdf", [], "file", "rỗng" },
        { "qua-lon.pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[AttachmentFixture.MaxBytes]], "file", "vượt giới hạn 64 KB" },
        { "dung.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 sent under another field"), "document", "trường 'file'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Upload_WhenTheFileIsOfAWrongKindEmptyOversizeOrMissing_Returns400AtFileAndStoresNothing(string fileName, byte[] content, string field, string rule)
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, $"Hồ sơ thử tệp {fileName}");
        var stored = StoredFiles();
        var rows = await AttachmentRowsAsync();
        var journal = (await (await s.As(Clerk)).GetJsonAsync($"/api/proposals/{id}/history")).AsArray().Count;

        using var response = await UploadAsync(await s.As(Clerk), "proposals", id, fileName, content, field);
        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "file");
        Assert.Contains(rule, errors["file"].Single(), StringComparison.Ordinal);

        Assert.Equal(stored, StoredFiles());
        Assert.Empty(IncomingFiles());
        Assert.Equal(rows, await AttachmentRowsAsync());
        Assert.Equal(journal, (await (await s.As(Clerk)).GetJsonAsync($"/api/proposals/{id}/history")).AsArray().Count);
    }

    [Fact]
    public async Task Upload_WhenTheRequestIsFarLargerThanAFileMayBe_Returns413BeforeReadingIt()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Hồ sơ thử tệp quá lớn");
        var stored = StoredFiles();
        using var response = await UploadAsync(await s.As(Clerk), "proposals", id, "rat-lon.pdf",
            [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[AttachmentFixture.MaxBytes + 2 * 1024 * 1024]]);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(stored, StoredFiles());
        Assert.Empty(IncomingFiles());
    }

    [Fact]
    public async Task Fire_WhenTheDossierHasFiles_JournalsTheirHashesAndTheJournalStillVerifies()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Mô hình nuôi dê (hồ sơ đủ tệp)");
        var clerk = await s.As(Clerk);
        var request = Pdf("Tờ trình đề nghị phê duyệt");
        var map = Png(7);
        await UploadOkAsync(clerk, "proposals", id, "to-trinh.pdf", request);
        await UploadOkAsync(clerk, "proposals", id, "ban-do.png", map);
        await clerk.ActOkAsync("proposals", id, "submit");

        var history = (await clerk.GetJsonAsync($"/api/proposals/{id}/history")).AsArray();
        Assert.Equal(["start", "attach-file", "attach-file", "submit"], history.Select(e => (string)e!["action"]!));
        var submit = history[^1]!;
        Assert.Equal(new[] { Sha256Of(request), Sha256Of(map) }.Order(StringComparer.Ordinal), submit["data"]!["attachments"]!.AsArray().Select(h => (string)h!));

        // an action's own data may not claim to list them
        using (var claimed = await (await s.As(Finance)).ActAsync("proposals", id, "start-appraisal", data: new { attachments = new[] { Sha256Of(map) } }))
            await ProblemAssert.HasErrorsAtAsync(claimed, "data.attachments");

        using var verify = await (await s.As(Finance)).GetAsync("/api/audit/verify?full=true");
        var report = (await verify.ExpectAsync(HttpStatusCode.OK))!;
        Assert.True((bool)report["intact"]!, report.ToJsonString());
    }

    [Fact]
    public async Task Upload_WhenTheClerkAttachesAContractToAPaymentAndTheTreasuryItsReceipt_EachStepJournalsTheFilesThePaymentHadThenAndTheSettlementTakesItsOwn()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Mô hình nuôi lợn (thanh toán theo hợp đồng)");
        await (await s.As(Clerk)).ActOkAsync("proposals", id, "submit");
        await (await s.As(Finance)).ActOkAsync("proposals", id, "start-appraisal");
        await (await s.As(Finance)).ActOkAsync("proposals", id, "appraise-pass", "Đủ điều kiện.");
        await (await s.As("tk.chutich")).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("21/QĐ-UBND", "2026-03-02"));

        var clerk = await s.As(Clerk);
        var payment = await clerk.CreateDisbursementOkAsync(id, "Payment", 10_000_000);
        var contract = Pdf("Hợp đồng cung ứng giống số 5/HĐ");
        await UploadOkAsync(clerk, "disbursements", payment, "hop-dong-5.pdf", contract);
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As("tk.kinhte2")).ActOkAsync("disbursements", payment, "approve");

        // the treasury, which pays it now, adds its receipt; the clerk of another commune cannot read either
        var treasury = await s.As("khobac.kv");
        var receipt = Png(2026);
        Assert.Equal("khobac.kv", (string?)(await UploadOkAsync(treasury, "disbursements", payment, "chung-tu.png", receipt))["attachedBy"]);
        await treasury.ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0042", "2026-03-02"));
        using (var stranger = await (await s.As(OtherCommuneClerk)).GetAsync($"/api/attachments/{Sha256Of(receipt)}"))
            await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.NotFound);

        var history = (await clerk.GetJsonAsync($"/api/disbursements/{payment}/history")).AsArray();
        string[] Files(string action) => history.Single(e => (string?)e!["action"] == action)!["data"]!["attachments"]!.AsArray().Select(h => (string)h!).ToArray();
        Assert.Equal([Sha256Of(contract)], Files("request"));
        Assert.Equal([Sha256Of(contract)], Files("approve"));
        Assert.Equal(new[] { Sha256Of(contract), Sha256Of(receipt) }.Order(StringComparer.Ordinal), Files("confirm-payment"));
        Assert.Equal("Treasury", (string?)history.Single(e => (string?)e!["action"] == "attach-file" && (string?)e["data"]!["sha256"] == Sha256Of(receipt))!["role"]);

        // a paid payment is finished: no more files
        using (var late = await UploadAsync(clerk, "disbursements", payment, "bo-sung.pdf", Pdf("bổ sung")))
            await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Forbidden);

        // the settlement takes the acceptance record, seen as its proposal is
        var cash = (await clerk.GetDisbursementAsync(payment))["cash"]!.AsObject();
        var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 5, reachedTotal: 10);
        body["acceptedOn"] = "2026-03-02";
        body["actualCost"] = new JsonObject(cash.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)JsonValue.Create((long)c.Value!))));
        var settlement = await clerk.OpenSettlementOkAsync(id, body);
        var record = Pdf("Biên bản nghiệm thu");
        await UploadOkAsync(clerk, "settlements", settlement, "bien-ban-nghiem-thu.pdf", record);
        Assert.Equal(["bien-ban-nghiem-thu.pdf"], (await (await s.As(Finance)).GetJsonAsync($"/api/settlements/{settlement}/attachments"))["files"]!.AsArray().Select(f => (string)f!["fileName"]!));
        using (var stranger = await (await s.As(OtherCommuneFinance)).GetAsync($"/api/settlements/{settlement}/attachments"))
            await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.NotFound);
        using (var unknownKind = await UploadAsync(clerk, "contracts", settlement, "x.pdf", record))
            await ProblemAssert.IsProblemAsync(unknownKind, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Edit_WhenADocumentWasNamedByHandBeforeUploadsAndTheEditLeavesTheListOut_KeepsItReadable()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Clerk);
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        var body = CommuneStoryTests.Model(line, 10_000_000, "Mô hình cũ (tài liệu ghi tay)");
        var typed = new string('c', 64);
        body["attachments"] = new JsonArray(new JsonObject { ["name"] = "Tờ trình số 3 (bản giấy)", ["sha256"] = typed });
        var id = await clerk.CreateProposalOkAsync(body);

        // the page's form no longer sends the list: an edit without it changes the content, not the typed documents
        body.Remove("attachments");
        body["title"] = "Mô hình cũ (tài liệu ghi tay), đã sửa";
        using (var edited = await clerk.PutAsync($"/api/proposals/{id}", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"))) await edited.ExpectAsync(HttpStatusCode.OK);
        var proposal = await clerk.GetProposalAsync(id);
        Assert.Equal("Mô hình cũ (tài liệu ghi tay), đã sửa", (string?)proposal["title"]);
        Assert.Equal(typed, (string?)proposal["attachments"]![0]!["sha256"]);
        Assert.Equal("Tờ trình số 3 (bản giấy)", (string?)proposal["attachments"]![0]!["name"]);
    }

    [Fact]
    public async Task VerifyAttachments_WhenOneStoredFileIsAlteredAndAnotherDeleted_ReportsBothWithTheirDossiersUntilTheyAreUploadedAgain()
    {
        using var s = new Session(fixture.Factory);
        var id = await DraftAsync(s, "Mô hình cà phê (tệp bị sửa trên đĩa)");
        var clerk = await s.As(Clerk);
        var altered = Pdf("Hợp đồng liên kết tiêu thụ");
        var missing = Png(99);
        await UploadOkAsync(clerk, "proposals", id, "hop-dong.pdf", altered);
        await UploadOkAsync(clerk, "proposals", id, "anh-hien-truong.png", missing);
        var store = fixture.Database.AttachmentsRoot;
        File.WriteAllBytes(Path.Combine(store, Sha256Of(altered)[..2], Sha256Of(altered)), Pdf("Hợp đồng đã bị sửa số tiền"));
        File.Delete(Path.Combine(store, Sha256Of(missing)[..2], Sha256Of(missing)));

        using (var response = await (await s.As(Finance)).GetAsync("/api/audit/attachments"))
        {
            var report = (await response.ExpectAsync(HttpStatusCode.OK))!;
            Assert.False((bool)report["intact"]!);
            var problems = report["problems"]!.AsArray().ToDictionary(p => (string)p!["sha256"]!, p => p!);
            Assert.Equal(2, problems.Count);
            Assert.Equal("attachment.altered", (string?)problems[Sha256Of(altered)]["code"]);
            Assert.Equal("attachment.missing", (string?)problems[Sha256Of(missing)]["code"]);
            Assert.Equal(id.ToString(), (string?)problems[Sha256Of(missing)]["dossiers"]![0]!["subjectId"]);
            Assert.Equal("anh-hien-truong.png", (string?)problems[Sha256Of(missing)]["dossiers"]![0]!["fileName"]);
        }
        // the command line says the same, and fails
        var output = new StringWriter();
        Assert.Equal(3, await VerifyAttachmentsCommand.RunAsync(fixture.Factory.Services, output, new StringWriter()));
        Assert.Contains(Sha256Of(missing), output.ToString(), StringComparison.Ordinal);

        // the originals uploaded again are put back at their addresses
        using (var again = await UploadAsync(clerk, "proposals", id, "hop-dong.pdf", altered)) await again.ExpectAsync(HttpStatusCode.OK);
        using (var again = await UploadAsync(clerk, "proposals", id, "anh-hien-truong.png", missing)) await again.ExpectAsync(HttpStatusCode.OK);
        using (var response = await (await s.As(Finance)).GetAsync("/api/audit/attachments"))
            Assert.True((bool)(await response.ExpectAsync(HttpStatusCode.OK))!["intact"]!);
        Assert.Equal(0, await VerifyAttachmentsCommand.RunAsync(fixture.Factory.Services, new StringWriter(), new StringWriter()));
    }
}
