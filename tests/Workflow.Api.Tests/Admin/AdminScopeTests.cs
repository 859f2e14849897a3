using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Infrastructure;
using Http = Workflow.Api.Tests.Infrastructure.Api;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// Who administers what: a province administrator (stored directly, as the API cannot create users yet) manages
/// their province and what lies below it; another province's units, agencies, assignments and journal answer 404 or
/// are filtered out, exactly like unknown codes. Other roles are refused (403); monitors may read the journal of
/// their own unit.
/// </summary>
public class AdminScopeTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>, IAsyncLifetime
{
    private const string ProvinceAdmin = "quantri.sa";

    public async Task InitializeAsync()
    {
        using var admin = await factory.ClientFor("admin");
        using var existing = await admin.GetAsync("/api/admin/units/SA");
        if (existing.StatusCode != HttpStatusCode.OK)
        {
            foreach (var p in new[] { "SA", "SB" })
            {
                await admin.CreateUnitAsync(new { code = p, name = $"Tỉnh {p}", level = "Province", parentCode = "VN" }).OkAsync(HttpStatusCode.Created);
                await admin.CreateUnitAsync(new { code = $"{p}.X", name = $"Xã X của {p}", level = "Commune", parentCode = p }).OkAsync(HttpStatusCode.Created);
                await admin.CreateAgencyAsync(new { code = $"{p}.QT", name = $"Quản trị tỉnh {p}", kind = "Administration", unitCode = p }).OkAsync(HttpStatusCode.Created);
                await admin.CreateAgencyAsync(new { code = $"{p}.X.TCKH", name = "Tài chính xã X", kind = "FinanceOffice", unitCode = $"{p}.X" }).OkAsync(HttpStatusCode.Created);
                await admin.CreateAgencyAsync(new { code = $"{p}.X.UBND", name = "UBND xã X", kind = "PeoplesCommittee", unitCode = $"{p}.X" }).OkAsync(HttpStatusCode.Created);
                await admin.CreateAgencyAsync(new { code = $"{p}.KBNN", name = "Kho bạc khu vực", kind = "Treasury", unitCode = p }).OkAsync(HttpStatusCode.Created);
                await admin.SetAssignmentsAsync($"{p}.X", new { validFrom = "2025-07-01", appraiser = $"{p}.X.TCKH", approver = $"{p}.X.UBND", treasury = $"{p}.KBNN" }).OkAsync();
            }
        }
        await AdminApi.AddUserAsync(factory, ProvinceAdmin, "SA.QT", "SA", "Admin");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/api/admin/units/SB")]
    [InlineData("/api/admin/units/SB.X")]
    [InlineData("/api/admin/units/VN")]
    [InlineData("/api/admin/units/SB.X/assignments")]
    public async Task Read_WhenProvinceAdminAsksForAnotherProvincesObject_Returns404LikeAnUnknownCode(string url)
    {
        using var client = await factory.ClientFor(ProvinceAdmin);

        using var response = await client.GetAsync(url);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Change_WhenProvinceAdminTargetsAnotherProvince_Returns404AndChangesNothing()
    {
        using var client = await factory.ClientFor(ProvinceAdmin);

        using var rename = await client.PutAsync("/api/admin/units/SB.X", Http.JsonBody("""{ "name": "Xã Bị Đổi" }"""));
        using var close = await client.PostAsync("/api/admin/units/SB.X/close", Http.JsonBody("""{ "validTo": "2025-12-31" }"""));
        using var agency = await client.PutAsync("/api/admin/agencies/SB.X.TCKH", Http.JsonBody("""{ "name": "Bị đổi", "kind": "FinanceOffice" }"""));
        using var assign = await client.SetAssignmentsAsync("SB.X", new { validFrom = "2026-01-01", appraiser = "SB.X.TCKH", approver = "SB.X.UBND", treasury = "SB.KBNN" });

        foreach (var response in new[] { rename, close, agency, assign })
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        using var admin = await factory.ClientFor("admin");
        var unit = await admin.GetAsync("/api/admin/units/SB.X").OkAsync();
        Assert.Equal(("Xã X của SB", null), ((string?)unit["name"], (string?)unit["validTo"]));
        Assert.Empty((await admin.GetAsync($"/api/admin/journal?actor={ProvinceAdmin}&unit=SB").OkAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Create_WhenProvinceAdminNamesAnotherProvinceOrTheRoot_Returns400AtTheReference()
    {
        using var client = await factory.ClientFor(ProvinceAdmin);

        using var commune = await client.CreateUnitAsync(new { code = "SB.Y", name = "Xã Y", level = "Commune", parentCode = "SB" });
        using var province = await client.CreateUnitAsync(new { code = "SC", name = "Tỉnh SC", level = "Province", parentCode = "VN" });
        using var agency = await client.CreateAgencyAsync(new { code = "SB.Z", name = "Cơ quan Z", kind = "LeadAgency", unitCode = "SB" });

        await ProblemAssert.HasErrorsExactlyAtAsync(commune, "parentCode");
        await ProblemAssert.HasErrorsExactlyAtAsync(province, "parentCode");
        await ProblemAssert.HasErrorsExactlyAtAsync(agency, "unitCode");
    }

    [Fact]
    public async Task List_WhenProvinceAdmin_ShowsOnlyTheirProvinceAndBelow()
    {
        using var client = await factory.ClientFor(ProvinceAdmin);

        var units = await client.GetArrayAsync("/api/admin/units");
        var agencies = await client.GetArrayAsync("/api/admin/agencies");
        var otherProvince = await client.GetArrayAsync("/api/admin/agencies?unit=SB");

        Assert.Equal(["SA", "SA.X"], units.Select(u => (string)u!["code"]!).Where(c => !c.StartsWith("SA.N", StringComparison.Ordinal)).ToArray());
        Assert.NotEmpty(agencies);
        Assert.All(agencies, a => Assert.StartsWith("SA", (string)a!["unitCode"]!));
        Assert.Empty(otherProvince);
    }

    [Fact]
    public async Task Change_WhenProvinceAdminWorksInTheirProvince_IsAppliedAndJournaledUnderTheirName()
    {
        using var client = await factory.ClientFor(ProvinceAdmin);

        await client.CreateUnitAsync(new { code = "SA.N1", name = "Phường Mới", level = "Commune", kind = "Ward", parentCode = "SA" }).OkAsync(HttpStatusCode.Created);
        await client.PutAsync("/api/admin/units/SA.X", Http.JsonBody("""{ "name": "Xã X (đổi tên)" }""")).OkAsync();

        var entry = Assert.Single(await client.JournalOfAsync("Unit", "SA.N1"));
        Assert.Equal(ProvinceAdmin, (string?)entry!["actorName"]);
        using var admin = await factory.ClientFor("admin");
        var seenByNational = await admin.GetAsync($"/api/admin/journal?actor={ProvinceAdmin}").OkAsync();
        Assert.Contains(seenByNational["items"]!.AsArray(), e => (string?)e!["objectId"] == "SA.X" && (string?)e["action"] == "rename");
    }

    [Fact]
    public async Task ReadJournal_WhenProvinceAdmin_SeesOnlyTheJournalOfTheirProvince()
    {
        using var client = await factory.ClientFor(ProvinceAdmin);

        var all = await client.GetAsync("/api/admin/journal").OkAsync();
        var other = await client.GetAsync("/api/admin/journal?unit=SB").OkAsync();
        var otherObject = await client.GetAsync("/api/admin/journal?objectType=Assignment&objectId=SB.X").OkAsync();

        Assert.NotEmpty(all["items"]!.AsArray());
        Assert.All(all["items"]!.AsArray(), e => Assert.StartsWith("SA", (string)e!["unitCode"]!));
        Assert.Contains(all["items"]!.AsArray(), e => (string?)e!["objectType"] == "Assignment" && (string?)e["objectId"] == "SA.X");
        Assert.Equal(0, (int?)other["total"]);
        Assert.Equal(0, (int?)otherObject["total"]);
    }

    [Theory]
    [InlineData("taichinh")]
    [InlineData("laodong")]
    [InlineData("chutich")]
    public async Task Administer_WhenCallerIsNotAnAdministrator_Returns403(string user)
    {
        using var client = await factory.ClientFor(user);

        using var list = await client.GetAsync("/api/admin/units");
        using var create = await client.PostAsJsonAsync("/api/admin/agencies", new { code = "BP.HQ.X", name = "X", kind = "LeadAgency", unitCode = "BP.HQ" });
        using var assignments = await client.GetAsync("/api/admin/units/BP.HQ/assignments");

        foreach (var response in new[] { list, create, assignments })
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadJournal_WhenCallerIsNeitherAdminNorMonitor_Returns403()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.GetAsync("/api/admin/journal");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReadJournal_WhenMonitor_SeesTheJournalOfTheirUnitOnly()
    {
        using var admin = await factory.ClientFor("admin");
        await admin.PutAsync("/api/admin/units/BP.HQ.MD", Http.JsonBody("""{ "name": "Xã Minh Đức (tên mới)" }""")).OkAsync();
        using var monitor = await factory.ClientFor("laodong");

        var page = await monitor.GetAsync("/api/admin/journal").OkAsync();

        var items = page["items"]!.AsArray();
        Assert.Contains(items, e => (string?)e!["objectId"] == "BP.HQ.MD");
        Assert.All(items, e => Assert.StartsWith("BP.HQ", (string)e!["unitCode"]!));
    }

    [Fact]
    public async Task Administer_WhenAnonymous_Returns401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/admin/units");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
