using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Http = Workflow.Api.Tests.Infrastructure.Api;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// Units through the administration API as the demo national administrator (unit VN): creation under the right
/// parent, renaming, closing with a successor, and the journal entry each change leaves.
/// </summary>
public class AdminUnitTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private Task<HttpClient> Admin() => factory.ClientFor("admin");

    private static object Province(string code, string name) => new { code, name, level = "Province", parentCode = "VN" };

    private static object Commune(string code, string name, string parentCode, string? kind = null) => new { code, name, level = "Commune", kind, parentCode };

    [Fact]
    public async Task Units_WhenDemoAdminLists_StartAtTheNationalRootAboveTheProvinces()
    {
        using var admin = await Admin();

        var root = await admin.GetAsync("/api/admin/units/VN").OkAsync();
        var provinces = await admin.GetArrayAsync("/api/admin/units?parent=VN&level=Province");

        Assert.Equal("National", (string?)root["level"]);
        Assert.Null(root["parentCode"]);
        Assert.Contains(provinces, p => (string?)p!["code"] == "BP");
        Assert.All(provinces, p => Assert.Equal("VN", (string?)p!["parentCode"]));
    }

    [Fact]
    public async Task CreateUnit_WhenProvinceThenWardUnderIt_BothStoredListedAndJournaled()
    {
        using var admin = await Admin();

        var province = await admin.CreateUnitAsync(Province("CU", "Tỉnh Cao Uyên")).OkAsync(HttpStatusCode.Created);
        var ward = await admin.CreateUnitAsync(Commune("CU.P1", "Phường Một", "CU", "Ward")).OkAsync(HttpStatusCode.Created);

        Assert.Equal("VN", (string?)province["parentCode"]);
        Assert.Equal("Ward", (string?)ward["kind"]);
        Assert.Equal("Phường", (string?)ward["kindName"]);
        var children = await admin.GetArrayAsync("/api/admin/units?parent=CU");
        Assert.Equal(["CU.P1"], children.Select(c => (string)c!["code"]!).ToArray());

        var entry = Assert.Single(await admin.JournalOfAsync("Unit", "CU.P1"));
        Assert.Equal("create", (string?)entry!["action"]);
        Assert.Equal("admin", (string?)entry["actorName"]);
        Assert.Equal("CU.P1", (string?)entry["unitCode"]);
        Assert.Null(entry["before"]);
        Assert.Equal("Phường Một", (string?)JsonNode.Parse((string)entry["after"]!)!["name"]);
    }

    [Fact]
    public async Task CreateUnit_WhenCodeIsTaken_Returns409AndJournalsNothing()
    {
        using var admin = await Admin();

        using var response = await admin.CreateUnitAsync(Commune("BP.HQ", "Xã Trùng Mã", "DN"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("unit.duplicate", (string?)problem["code"]);
        Assert.Empty(await admin.JournalOfAsync("Unit", "BP.HQ"));
    }

    [Fact]
    public async Task CreateUnit_WhenNameHasControlCharactersAndParentIsUnknown_Returns400AtNameAndParentCode()
    {
        using var admin = await Admin();

        using var response = await admin.CreateUnitAsync(Commune("XX.A", "Xã\tMột", "XX"));

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "name");
        Assert.Contains("ký tự điều khiển", errors["name"][0]);
        using var unknownParent = await admin.CreateUnitAsync(Commune("XX.A", "Xã Một", "XX"));
        await ProblemAssert.HasErrorsExactlyAtAsync(unknownParent, "parentCode");
        Assert.Empty(await admin.JournalOfAsync("Unit", "XX.A"));
    }

    [Fact]
    public async Task CreateUnit_WhenParentIsNotOneLevelUp_Returns400AtParentCode()
    {
        using var admin = await Admin();

        using var communeUnderRoot = await admin.CreateUnitAsync(Commune("VN.X", "Xã Gốc", "VN"));
        using var provinceUnderProvince = await admin.CreateUnitAsync(new { code = "DN.T", name = "Tỉnh Con", level = "Province", parentCode = "DN" });

        await ProblemAssert.HasErrorsExactlyAtAsync(communeUnderRoot, "parentCode");
        await ProblemAssert.HasErrorsExactlyAtAsync(provinceUnderProvince, "parentCode");
    }

    [Fact]
    public async Task CreateUnit_WhenLevelIsMissingUnknownOrNational_Returns400AtLevel()
    {
        using var admin = await Admin();

        using var missing = await admin.CreateUnitAsync(new { code = "DN.Y", name = "Xã Y", parentCode = "DN" });
        using var unknown = await admin.CreateUnitAsync(new { code = "DN.Y", name = "Xã Y", level = "Hamlet", parentCode = "DN" });
        using var national = await admin.CreateUnitAsync(new { code = "VN2", name = "Quốc gia hai", level = "National" });

        await ProblemAssert.HasErrorsAtAsync(missing, "level");
        await ProblemAssert.HasErrorsExactlyAtAsync(unknown, "level");
        await ProblemAssert.HasErrorsAtAsync(national, "level");
    }

    [Fact]
    public async Task CreateUnit_WhenDistrictIsNotHistoryOrDatesAreReversed_Returns400AtValidTo()
    {
        using var admin = await Admin();

        using var district = await admin.CreateUnitAsync(new { code = "DN.H", name = "Huyện Mới", level = "District", parentCode = "DN" });
        using var reversed = await admin.CreateUnitAsync(new { code = "DN.Z", name = "Xã Z", level = "Commune", parentCode = "DN", validFrom = "2025-07-01", validTo = "2025-06-01" });
        using var historical = await admin.CreateUnitAsync(new { code = "DN.H2", name = "Huyện Cũ", level = "District", parentCode = "DN", validTo = "2025-06-30" });

        await ProblemAssert.HasErrorsExactlyAtAsync(district, "validTo");
        await ProblemAssert.HasErrorsExactlyAtAsync(reversed, "validTo");
        await historical.ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateUnit_WhenBodyIsMissing_Returns400AtTheDocument()
    {
        using var admin = await Admin();

        using var response = await admin.PostAsync("/api/admin/units", Http.JsonBody(""));

        await ProblemAssert.HasErrorsAtAsync(response, "$");
    }

    [Fact]
    public async Task RenameUnit_WhenNameChanges_JournalsBeforeAndAfter()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(Commune("DN.R", "Xã Cũ", "DN")).OkAsync(HttpStatusCode.Created);

        var renamed = await admin.PutAsync("/api/admin/units/DN.R", Http.JsonBody("""{ "name": "  Xã Mới  " }""")).OkAsync();

        Assert.Equal("Xã Mới", (string?)renamed["name"]);
        var entry = (await admin.JournalOfAsync("Unit", "DN.R"))[0]!;
        Assert.Equal("rename", (string?)entry["action"]);
        Assert.Equal("Xã Cũ", (string?)JsonNode.Parse((string)entry["before"]!)!["name"]);
        Assert.Equal("Xã Mới", (string?)JsonNode.Parse((string)entry["after"]!)!["name"]);
    }

    [Fact]
    public async Task RenameUnit_WhenNameIsEmptyOrTooLong_Returns400AtName()
    {
        using var admin = await Admin();

        using var empty = await admin.PutAsync("/api/admin/units/DN", Http.JsonBody("""{ "name": " " }"""));
        using var tooLong = await admin.PutAsync("/api/admin/units/DN", Http.JsonBody($$"""{ "name": "{{new string('a', 257)}}" }"""));

        await ProblemAssert.HasErrorsExactlyAtAsync(empty, "name");
        await ProblemAssert.HasErrorsExactlyAtAsync(tooLong, "name");
    }

    [Fact]
    public async Task RenameUnit_WhenUnknown_Returns404()
    {
        using var admin = await Admin();

        using var response = await admin.PutAsync("/api/admin/units/KHONGCO", Http.JsonBody("""{ "name": "Xã" }"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CloseUnit_WhenMergedIntoSuccessor_StaysAsHistoryNamingItAndIsJournaled()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(Commune("DN.M1", "Xã Sáp Nhập", "DN")).OkAsync(HttpStatusCode.Created);
        await admin.CreateUnitAsync(Commune("DN.M2", "Xã Kế Thừa", "DN")).OkAsync(HttpStatusCode.Created);

        var closed = await admin.PostAsync("/api/admin/units/DN.M1/close", Http.JsonBody("""{ "validTo": "2025-06-30", "successorCode": "DN.M2" }""")).OkAsync();

        Assert.Equal("2025-06-30", (string?)closed["validTo"]);
        Assert.Equal("DN.M2", (string?)closed["successorCode"]);
        Assert.Contains(await admin.GetArrayAsync("/api/admin/units?parent=DN"), u => (string?)u!["code"] == "DN.M1");
        var entry = (await admin.JournalOfAsync("Unit", "DN.M1"))[0]!;
        Assert.Equal("close", (string?)entry["action"]);
        Assert.Null(JsonNode.Parse((string)entry["before"]!)!["validTo"]);
        Assert.Equal("DN.M2", (string?)JsonNode.Parse((string)entry["after"]!)!["successorCode"]);

        using var again = await admin.PostAsync("/api/admin/units/DN.M1/close", Http.JsonBody("""{ "validTo": "2025-12-31" }"""));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CloseUnit_WhenSuccessorIsOfAnotherLevelOrValidToMissing_Returns400AtThatField()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(Commune("DN.S1", "Xã Sáu", "DN")).OkAsync(HttpStatusCode.Created);

        using var province = await admin.PostAsync("/api/admin/units/DN.S1/close", Http.JsonBody("""{ "validTo": "2025-06-30", "successorCode": "AG" }"""));
        using var noDay = await admin.PostAsync("/api/admin/units/DN.S1/close", Http.JsonBody("""{ "successorCode": "DN.TK" }"""));

        await ProblemAssert.HasErrorsExactlyAtAsync(province, "successorCode");
        await ProblemAssert.HasErrorsExactlyAtAsync(noDay, "validTo");
        Assert.Null((await admin.GetAsync("/api/admin/units/DN.S1").OkAsync())["validTo"]);
    }

    [Fact]
    public async Task CloseUnit_WhenUnitsBelowAreStillOpen_Returns409()
    {
        using var admin = await Admin();

        using var response = await admin.PostAsync("/api/admin/units/DN/close", Http.JsonBody("""{ "validTo": "2025-06-30", "successorCode": "AG" }"""));
        using var root = await admin.PostAsync("/api/admin/units/VN/close", Http.JsonBody("""{ "validTo": "2025-06-30" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("unit.children-open", (string?)problem["code"]);
        await ProblemAssert.IsProblemAsync(root, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReadJournal_WhenFilteredAndPaged_ReturnsNewestFirstWithinTheFilter()
    {
        using var admin = await Admin();
        await admin.CreateUnitAsync(Commune("DN.J", "Xã Nhật Ký", "DN")).OkAsync(HttpStatusCode.Created);
        await admin.PutAsync("/api/admin/units/DN.J", Http.JsonBody("""{ "name": "Xã Nhật Ký Mới" }""")).OkAsync();

        var page = await admin.GetAsync("/api/admin/journal?unit=DN.J&actor=admin&from=2000-01-01&page=1").OkAsync();

        Assert.Equal(2, (int?)page["total"]);
        Assert.Equal(["rename", "create"], page["items"]!.AsArray().Select(e => (string)e!["action"]!).ToArray());
        var empty = await admin.GetAsync("/api/admin/journal?unit=DN.J&page=2").OkAsync();
        Assert.Empty(empty["items"]!.AsArray());
        var future = await admin.GetAsync("/api/admin/journal?unit=DN.J&from=2999-01-01").OkAsync();
        Assert.Equal(0, (int?)future["total"]);
    }

    [Fact]
    public async Task ReadJournal_WhenFiltersAreMalformed_Returns400AtEachParameter()
    {
        using var admin = await Admin();

        using var type = await admin.GetAsync("/api/admin/journal?objectType=Plan");
        using var page = await admin.GetAsync("/api/admin/journal?page=0");
        using var from = await admin.GetAsync("/api/admin/journal?from=hôm-qua");

        await ProblemAssert.HasErrorsExactlyAtAsync(type, "objectType");
        await ProblemAssert.HasErrorsExactlyAtAsync(page, "page");
        await ProblemAssert.HasErrorsExactlyAtAsync(from, "from");
    }
}
