using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Common;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Policies;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.PersonalData;

/// <summary>Its own server and clock: the retention test moves the clock years ahead.</summary>
public sealed class PersonalDataRetentionFixture : IDisposable
{
    public TestDatabase Database { get; } = TestDatabase.Create("personal-data-retention");

    public RuntimeFactory Factory { get; }

    public PersonalDataRetentionFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start));

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}

/// <summary>
/// Retention of personal-data files (docs/personal-data.md): the province's policy says how many years after a dossier
/// finishes its personal-data files are kept; the purge removes the content and keeps a tombstone, the download then
/// answers 410, and the integrity checks of the files and of the journal still pass.
/// </summary>
public sealed class PersonalDataRetentionTests(PersonalDataRetentionFixture fixture) : IClassFixture<PersonalDataRetentionFixture>
{
    private string StoredPath(string sha256) => Path.Combine(fixture.Database.AttachmentsRoot, sha256[..2], sha256);

    /// <summary>Đồng Nai's 2026 policy as in force, with a retention period added as a new version from today.</summary>
    private static async Task SetRetentionAsync(Session s, int years, DateTimeOffset now)
    {
        var admin = await s.As(PersonalDataApi.Admin);
        var values = (await admin.GetAsync("/api/admin/policies?province=DN&year=2026").OkAsync())["inForce"]!["values"]!.DeepClone().AsObject();
        values["personalDataRetentionYears"] = PolicyApi.Value(years, "Quy định lưu trữ hồ sơ của tỉnh (minh họa)");
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd");
        await admin.CreatePolicyAsync(PolicyApi.Version("DN", 2026, today, values)).CreatedAsync();
    }

    /// <summary>Xã Tân Hưng's administrator, stored directly as the demo users are.</summary>
    private async Task AddCommuneAdministratorAsync(string userName)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var user = new User(Guid.NewGuid(), userName, "Quản trị xã Tân Hưng", "", "DN.TH.KT", "DN.TH", [Roles.Admin]);
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, WorkflowApiFactory.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Purge_WhenAPaidDisbursementsBeneficiaryListIsPastTheProvincesRetention_RemovesItsContentKeepsATombstoneAndAnswers410()
    {
        using var s = new Session(fixture.Factory);
        // a retention of 0 years is no retention: refused at its path
        using (var bad = await (await s.As(PersonalDataApi.Admin)).CreatePolicyAsync(PolicyApi.Version("DN", 2026, "2026-03-02",
                   PolicyApi.Values().Also("personalDataRetentionYears", PolicyApi.Value(0)))))
            await ProblemAssert.HasErrorsAtAsync(bad, "values.personalDataRetentionYears.value");
        await SetRetentionAsync(s, 5, fixture.Factory.Clock.GetUtcNow());

        var proposal = await PersonalDataApi.ApprovedAsync(s, "Hỗ trợ bò giống (chi trả theo danh sách)");
        var clerk = await s.As(PersonalDataApi.Clerk);
        var payment = await clerk.CreateDisbursementOkAsync(proposal, "Payment", 10_000_000);
        var list = PersonalDataApi.Pdf("Danh sách hộ nhận tiền hỗ trợ");
        var receipt = PersonalDataApi.Pdf("Hợp đồng cung ứng");
        var sha = PersonalDataApi.Sha256Of(list);
        await PersonalDataApi.UploadOkAsync(clerk, "disbursements", payment, "danh-sach-chi-tra.pdf", list, personalData: true);
        await PersonalDataApi.UploadOkAsync(clerk, "disbursements", payment, "hop-dong.pdf", receipt, personalData: false);
        // a list on the proposal, still open, is kept however long ago it was attached
        var open = PersonalDataApi.Pdf("Danh sách hộ (đề xuất còn mở)");
        await PersonalDataApi.UploadOkAsync(clerk, "proposals", await PersonalDataApi.DraftAsync(s, "Hỗ trợ khác (còn mở)"), "ds-mo.pdf", open, personalData: true);
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As(PersonalDataApi.Finance2)).ActOkAsync("disbursements", payment, "approve");
        var treasury = await s.As(PersonalDataApi.Treasury);
        // the treasury pays from the list: it may open it
        using (var paying = await treasury.GetAsync($"/api/attachments/{sha}")) await paying.ExpectAsync(HttpStatusCode.OK);
        await treasury.ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2026-0099", "2026-03-02"));

        // within the period nothing goes
        using var early = await (await s.As(PersonalDataApi.Admin)).PostAsync("/api/admin/personal-data/purge", null);
        Assert.Empty((await early.ExpectAsync(HttpStatusCode.OK))!["purged"]!.AsArray());
        Assert.True(File.Exists(StoredPath(sha)));

        // five years and a day after the payment finished, the list has run out; a dry run names it and removes nothing
        s.MoveTo(DateOnly.FromDateTime(fixture.Factory.Clock.GetUtcNow().AddYears(5).AddDays(1).DateTime));
        using (var dry = await (await s.As(PersonalDataApi.Admin)).PostAsync("/api/admin/personal-data/purge?dryRun=true", null))
        {
            var report = (await dry.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal([sha], report["purged"]!.AsArray().Select(p => (string)p!["sha256"]!));
            Assert.Contains("5 năm", (string?)report["purged"]![0]!["reason"]);
        }
        Assert.True(File.Exists(StoredPath(sha)));
        // an administrator of another commune administers none of Tân Khai's dossiers: nothing of theirs is listed
        await AddCommuneAdministratorAsync("th.quantri");
        using (var other = await (await s.As("th.quantri")).PostAsync("/api/admin/personal-data/purge?dryRun=true", null))
            Assert.Empty((await other.ExpectAsync(HttpStatusCode.OK))!["purged"]!.AsArray());

        // the command removes it
        var output = new StringWriter();
        Assert.Equal(0, await PurgePersonalDataCommand.RunAsync(fixture.Factory.Services, dryRun: false, output, new StringWriter()));
        Assert.Contains(sha, output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(StoredPath(sha)));
        Assert.True(File.Exists(StoredPath(PersonalDataApi.Sha256Of(receipt))));
        Assert.True(File.Exists(StoredPath(PersonalDataApi.Sha256Of(open))));
        clerk = await s.As(PersonalDataApi.Clerk); // signed in again after the clock moved

        // the tombstone: the name, size and hash stay, with when, by whom and why
        var files = (await clerk.GetJsonAsync($"/api/disbursements/{payment}/attachments"))["files"]!.AsArray();
        var tombstone = files.Single(f => (string?)f!["sha256"] == sha)!;
        Assert.Equal("danh-sach-chi-tra.pdf", (string?)tombstone["fileName"]);
        Assert.NotNull((string?)tombstone["contentRemovedAt"]);
        var row = await fixture.Factory.DbAsync(db => db.DossierFiles.SingleAsync(f => f.Sha256 == sha));
        Assert.Equal(PurgePersonalDataCommand.ActorName, row.ContentRemovedBy);
        Assert.Contains("Quy định lưu trữ hồ sơ của tỉnh", row.ContentRemovalReason, StringComparison.Ordinal);

        // asking for it: 410 in Vietnamese, and the attempt is logged
        using (var gone = await clerk.GetAsync($"/api/attachments/{sha}"))
        {
            var problem = await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.Gone);
            Assert.Contains("thời hạn lưu trữ", (string?)problem["detail"]);
        }
        Assert.Contains(await PersonalDataApi.LogOfAsync(s, sha), e => (string?)e!["outcome"] == "gone");

        // the files' check reports it as removed by policy, not missing; the journal that names its hash still verifies
        using (var check = await (await s.As(PersonalDataApi.Admin)).GetAsync("/api/audit/attachments"))
        {
            var report = (await check.ExpectAsync(HttpStatusCode.OK))!;
            Assert.True((bool)report["intact"]!, report.ToJsonString());
            Assert.Equal([sha], report["removedByPolicy"]!.AsArray().Select(r => (string)r!["sha256"]!));
        }
        Assert.Equal(0, await VerifyAttachmentsCommand.RunAsync(fixture.Factory.Services, new StringWriter(), new StringWriter()));
        using (var verify = await (await s.As(PersonalDataApi.Finance)).GetAsync("/api/audit/verify?full=true"))
            Assert.True((bool)(await verify.ExpectAsync(HttpStatusCode.OK))!["intact"]!);
        var history = (await clerk.GetJsonAsync($"/api/disbursements/{payment}/history")).AsArray();
        Assert.Contains(sha, history.Single(e => (string?)e!["action"] == "confirm-payment")!["data"]!["attachments"]!.AsArray().Select(h => (string)h!));

        // the administration journal names the removal
        var journal = await (await s.As(PersonalDataApi.Admin)).GetJsonAsync($"/api/admin/journal?objectType=PersonalDataFile&objectId={sha}");
        Assert.Equal("purge-personal-data", (string?)journal["items"]![0]!["action"]);
    }
}

internal static class JsonObjectAlso
{
    public static JsonObject Also(this JsonObject o, string key, JsonNode value)
    {
        o[key] = value;
        return o;
    }
}
