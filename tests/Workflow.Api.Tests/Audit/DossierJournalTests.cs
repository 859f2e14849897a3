using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Identity;

namespace Workflow.Api.Tests.Audit;

/// <summary>
/// The dossiers' journal for administrators and monitors (GET /api/audit/journal, page /nhat-ky), on Đồng Nai's two
/// communes of 2026: what each reader sees (their unit and those below it), the filters, and the pages.
/// </summary>
public sealed class DossierJournalTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Monitor = "dn.giamsat", ProvinceAdmin = "dn.quantri";

    /// <summary>A proposal drafted and submitted by the commune's agricultural centre (tk.nongnghiep or th.nongnghiep).</summary>
    private static async Task<(Guid Id, string Code)> SubmittedAsync(Session s, string unit, string title, long stateSupport = 20_000_000)
    {
        var clerk = await s.As(unit == "DN.TK" ? "tk.nongnghiep" : "th.nongnghiep");
        var plan = await clerk.FindPlanIdAsync(unit, 2026) ?? throw new InvalidOperationException($"{unit} has no 2026 plan.");
        var body = CommuneStoryTests.Model(await clerk.LineIdAsync(plan, "DA3.1"), stateSupport, title);
        body["communes"] = new JsonArray(unit);
        var id = await clerk.CreateProposalOkAsync(body);
        await clerk.ActOkAsync("proposals", id, "submit");
        return (id, (string)(await clerk.GetProposalAsync(id))["code"]!);
    }

    private static async Task<JsonNode> JournalAsync(HttpClient reader, string query) => await reader.GetJsonAsync($"/api/audit/journal?{query}");

    private static List<JsonNode> Items(JsonNode page) => page["items"]!.AsArray().Select(i => i!).ToList();

    /// <summary>An administrator of Xã Tân Khai alone, created by the province's administrator.</summary>
    private async Task<HttpClient> CommuneAdministratorAsync(Session s)
    {
        var name = $"tk.qt{Guid.NewGuid():N}"[..14];
        var created = await (await s.As(ProvinceAdmin)).PostAsJsonAsync("/api/admin/users", new
        {
            userName = name, displayName = "Lê Văn Quản", position = "Công chức văn phòng", agencyCode = "DN.TK.UBND", roles = new[] { Roles.Admin },
        }).OkAsync(HttpStatusCode.Created);
        var oneTime = (string)created["oneTimePassword"]!;
        using var anonymous = fixture.Factory.CreateClient();
        using var first = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = name, password = oneTime });
        var restricted = (string)(await first.ReadJsonAsync())["accessToken"]!;
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", restricted);
        using var changed = await anonymous.PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "đồng lúa Tân Khai 2026" });
        var token = (string)(await changed.ReadJsonAsync())["accessToken"]!;
        var client = fixture.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Read_WhenTheMonitorFiltersByDossierCode_ShowsEachStepWithFullNameUnitVietnameseActionAndLink()
    {
        using var s = new Session(fixture.Factory);
        var (id, code) = await SubmittedAsync(s, "DN.TK", "Mô hình trồng tiêu hữu cơ");
        await (await s.As("tk.kinhte")).ActOkAsync("proposals", id, "start-appraisal");

        var page = await JournalAsync(await s.As(Monitor), $"dossier={Uri.EscapeDataString(code)}&unit=DN.TK");

        var mine = Items(page).Where(e => (string?)e["subjectId"] == id.ToString()).ToList();
        Assert.Equal(["start-appraisal", "submit", "start"], mine.Select(e => (string)e["action"]!));
        var submit = mine[1];
        Assert.Equal("Gửi đề xuất", (string?)submit["actionName"]);
        Assert.Equal("tk.nongnghiep", (string?)submit["actorName"]);
        Assert.StartsWith("Cán bộ Trung tâm Dịch vụ nông nghiệp (Tân Khai)", (string)submit["actorDisplayName"]!);
        Assert.Equal("DN.TK", (string?)submit["unitCode"]);
        Assert.Equal("Xã Tân Khai", (string?)submit["unitName"]);
        Assert.Equal(code, (string?)submit["subjectCode"]);
        Assert.Equal($"/de-xuat/{id}", (string?)submit["link"]);
        Assert.Equal("Bắt đầu thẩm định", (string?)mine[0]["actionName"]);
        Assert.Contains("Phòng Kinh tế", (string)mine[0]["actorDisplayName"]!);
    }

    [Fact]
    public async Task Read_WhenACommunesAdministratorReads_SeesTheirCommuneOnlyWhileTheProvinceMonitorSeesBoth()
    {
        using var s = new Session(fixture.Factory);
        var (tanKhai, tanKhaiCode) = await SubmittedAsync(s, "DN.TK", "Mô hình nuôi heo rừng lai");
        var (tanHung, tanHungCode) = await SubmittedAsync(s, "DN.TH", "Mô hình trồng điều ghép");
        using var communeAdmin = await CommuneAdministratorAsync(s);

        var own = Items(await JournalAsync(communeAdmin, $"dossier={Uri.EscapeDataString(tanKhaiCode)}"));
        var other = Items(await JournalAsync(communeAdmin, $"dossier={Uri.EscapeDataString(tanHungCode)}"));
        var otherUnit = await JournalAsync(communeAdmin, "unit=DN.TH");
        var everything = Items(await JournalAsync(communeAdmin, "page=1"));

        Assert.Contains(own, e => (string?)e["subjectId"] == tanKhai.ToString());
        Assert.DoesNotContain(other, e => (string?)e["subjectId"] == tanHung.ToString());
        Assert.Equal(0, (int)otherUnit["total"]!);
        Assert.All(everything, e => Assert.Equal("DN.TK", (string?)e["unitCode"]));
        var monitor = await s.As(Monitor);
        Assert.Contains(Items(await JournalAsync(monitor, $"dossier={Uri.EscapeDataString(tanHungCode)}&unit=DN.TH")), e => (string?)e["subjectId"] == tanHung.ToString());
        Assert.Contains(Items(await JournalAsync(monitor, $"dossier={Uri.EscapeDataString(tanKhaiCode)}&unit=DN.TK")), e => (string?)e["subjectId"] == tanKhai.ToString());
    }

    [Fact]
    public async Task Read_WhenTheReaderIsNeitherAdministratorNorMonitor_IsForbidden()
    {
        using var s = new Session(fixture.Factory);
        using var refused = await (await s.As("tk.nongnghiep")).GetAsync("/api/audit/journal");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Read_WhenFilteredByPersonAndDates_KeepsOnlyThatPersonsStepsInsideTheRange()
    {
        using var s = new Session(fixture.Factory);
        // the class's tests share one clock: this one takes today and the day after tomorrow, whatever today is
        var today = DateOnly.FromDateTime(fixture.Factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var later = today.AddDays(2);
        var (early, _) = await SubmittedAsync(s, "DN.TH", "Mô hình trồng sầu riêng");
        s.MoveTo(later);
        var (late, _) = await SubmittedAsync(s, "DN.TH", "Mô hình nuôi ong lấy mật");
        var monitor = await s.As(Monitor);

        // part of the full name, any case
        var byName = Items(await JournalAsync(monitor, $"person={Uri.EscapeDataString("nông nghiệp (tân hưng")}&unit=DN.TH&from={later:yyyy-MM-dd}&to={later:yyyy-MM-dd}"));
        var byLogin = Items(await JournalAsync(monitor, $"person=th.nongnghiep&from={today:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}"));
        var nobody = await JournalAsync(monitor, $"person=th.kinhte&unit=DN.TH&from={later:yyyy-MM-dd}&to={later:yyyy-MM-dd}");

        Assert.Contains(byName, e => (string?)e["subjectId"] == late.ToString());
        Assert.DoesNotContain(byName, e => (string?)e["subjectId"] == early.ToString());
        Assert.All(byName, e => Assert.Equal("th.nongnghiep", (string?)e["actorName"]));
        Assert.Contains(byLogin, e => (string?)e["subjectId"] == early.ToString());
        Assert.DoesNotContain(byLogin, e => (string?)e["subjectId"] == late.ToString());
        Assert.Equal(0, (int)nobody["total"]!);
        using var backwards = await monitor.GetAsync("/api/audit/journal?from=2026-03-05&to=2026-03-01");
        await ProblemAssert.HasErrorsAtAsync(backwards, "to");
    }

    [Fact]
    public async Task Read_WhenTheEntriesFillMoreThanOnePage_PagesHoldFiftyNewestFirstWithoutOverlapAndAPagePastTheEndIsEmpty()
    {
        using var s = new Session(fixture.Factory);
        for (var i = 0; i < 26; i++) await SubmittedAsync(s, "DN.TH", $"Mô hình số {i + 1}", 5_000_000);
        var monitor = await s.As(Monitor);

        var first = await JournalAsync(monitor, "unit=DN.TH&person=th.nongnghiep&page=1");
        var second = await JournalAsync(monitor, "unit=DN.TH&person=th.nongnghiep&page=2");
        var beyond = await JournalAsync(monitor, "unit=DN.TH&person=th.nongnghiep&page=1000");

        var total = (int)first["total"]!;
        Assert.True(total >= 52, $"total {total}");
        Assert.Equal(50, Items(first).Count);
        Assert.Equal(Math.Min(50, total - 50), Items(second).Count);
        Assert.Empty(Items(first).Select(e => (long)e["id"]!).Intersect(Items(second).Select(e => (long)e["id"]!)));
        var moments = Items(first).Concat(Items(second)).Select(e => DateTimeOffset.Parse((string)e["at"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(moments.OrderByDescending(m => m), moments);
        Assert.Empty(Items(beyond));
        Assert.Equal(total, (int)beyond["total"]!);
    }

    [Fact]
    public async Task Read_AfterTheJournalIsVerified_ShowsItIntactWithTheMomentOfTheCheck()
    {
        using var s = new Session(fixture.Factory);
        await SubmittedAsync(s, "DN.TK", "Mô hình trồng bưởi da xanh");
        var monitor = await s.As(Monitor);

        var verified = await monitor.GetJsonAsync("/api/audit/verify");
        var integrity = (await JournalAsync(monitor, "page=1"))["integrity"]!;

        Assert.True((bool)verified["intact"]!);
        Assert.True((bool)integrity["intact"]!);
        Assert.Equal(0, (int)integrity["problemCount"]!);
        Assert.NotNull((string?)integrity["checkedAt"]);
        Assert.Equal("/api/audit/verify", (string?)integrity["verifyLink"]);
    }
}
