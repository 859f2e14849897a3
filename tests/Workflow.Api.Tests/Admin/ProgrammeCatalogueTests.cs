using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Infrastructure.Catalogues;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// Programme periods as data: the shipped 2021–2025 catalogue loads at start-up; a plan of a year no loaded period
/// covers is marked provisional; a national administrator loads a period (checked at its JSON paths, journaled) and
/// plans of its years use it. The 2026–2030 file here is made up for the tests: the real list is not issued yet.
/// </summary>
public class ProgrammeCatalogueTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static string TestPeriod2026 { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "2026-2030.test-catalogue.json"));

    private static JsonObject Shipped() => JsonNode.Parse(ShippedCatalogue.Text)!.AsObject();

    private static Task<HttpResponseMessage> LoadAsync(HttpClient client, string body) =>
        client.PostAsync("/api/admin/catalogues", Infrastructure.Api.JsonBody(body));

    [Fact]
    public async Task List_AtStartUp_HasTheShipped2021To2025CatalogueInUseWithItsBasis()
    {
        using var admin = await factory.ClientFor("admin");

        var list = (await admin.GetAsync("/api/admin/catalogues").OkAsync()).AsArray();

        var shipped = Assert.Single(list, c => (string?)c!["period"] == "2021-2025" && (int)c["version"]! == 2)!;
        Assert.True((bool)shipped["inUse"]!);
        Assert.Equal("file", (string?)shipped["source"]);
        Assert.Contains("90/QĐ-TTg", (string?)shipped["legalBasis"]);
        Assert.Equal(18, (int)shipped["componentCount"]!);
    }

    [Fact]
    public async Task GetPlan_WhenTheYearIsInTheShippedPeriod_IsNotProvisional()
    {
        using var client = await factory.ClientFor("taichinh");

        var plan = await client.GetPlanAsync(await client.SeededPlanIdAsync());

        Assert.Equal("2021-2025", (string?)plan["catalogue"]!["period"]);
        Assert.False((bool)plan["catalogue"]!["provisional"]!);
        Assert.Null(plan["catalogue"]!["notice"]);
    }

    [Fact]
    public async Task Load_WhenTheFileIsBroken_Refuses400AtEachJsonPathAndRecordsNothing()
    {
        using var admin = await factory.ClientFor("admin");
        var file = JsonNode.Parse(TestPeriod2026)!.AsObject();
        file["period"] = "2031-2035";
        file["fromYear"] = 2031;
        file["toYear"] = 2035;
        file["components"]![3]!["parent"] = "DA9";
        file["components"]![15]!["code"] = "DA2";

        using var response = await LoadAsync(admin, file.ToJsonString());

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "components[3].parent", "components[15].code");
        Assert.Contains("DA9", errors["components[3].parent"][0]);
        var list = (await admin.GetAsync("/api/admin/catalogues").OkAsync()).AsArray();
        Assert.DoesNotContain(list, c => (string?)c!["period"] == "2031-2035");
    }

    [Fact]
    public async Task Load_WhenTheShippedVersionIsChangedWithoutABump_Refuses400AtVersion()
    {
        using var admin = await factory.ClientFor("admin");
        var file = Shipped();
        file["components"]![3]!["name"] = "Dự án 2: tên đã sửa";

        using var response = await LoadAsync(admin, file.ToJsonString());

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "version");
        Assert.Contains("tăng \"version\"", errors["version"][0]);
    }

    [Fact]
    public async Task Load_WhenThePeriodOverlapsTheShippedOne_Refuses400AtFromYear()
    {
        using var admin = await factory.ClientFor("admin");
        var file = JsonNode.Parse(TestPeriod2026)!.AsObject();
        file["period"] = "2025-2030";
        file["fromYear"] = 2025;

        using var response = await LoadAsync(admin, file.ToJsonString());

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "fromYear");
    }

    [Fact]
    public async Task Load_WhenTheAdministratorIsNotNational_Returns403AndOtherRoles403()
    {
        var provinceAdmin = await Accounts.CreateAsync(factory, "quantri.hq", ["Admin"]);
        using var province = await factory.ClientFor(provinceAdmin.UserName!, Accounts.Password);
        using var finance = await factory.ClientFor("taichinh");

        using var refused = await LoadAsync(province, TestPeriod2026);
        using var notAdmin = await LoadAsync(finance, TestPeriod2026);
        using var notAdminList = await finance.GetAsync("/api/admin/catalogues");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(notAdmin, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(notAdminList, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A2026Plan_IsProvisionalUntilThe2026To2030PeriodIsLoaded_ThenUsesIt()
    {
        using var client = await factory.ClientFor("tk.kinhte");
        using var admin = await factory.ClientFor("admin");
        var id = (await client.FindPlanIdAsync("DN.TK", 2026))!.Value;

        // no period covers 2026: the 2021–2025 list, provisionally, on the plan, the report and every export
        var before = await client.GetPlanAsync(id);
        Assert.Equal("2021-2025", (string?)before["catalogue"]!["period"]);
        Assert.True((bool)before["catalogue"]!["provisional"]!);
        var notice = (string)before["catalogue"]!["notice"]!;
        Assert.Contains("2026", notice);
        var report = await client.GetAsync($"/api/reports/plans/{id}").OkAsync();
        Assert.Equal(notice, (string?)report["catalogue"]!["notice"]);
        using (var csv = await client.GetAsync($"/api/reports/plans/{id}/export?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Contains(notice, await csv.Content.ReadAsStringAsync());
        }

        var loaded = await LoadAsync(admin, TestPeriod2026).OkAsync(HttpStatusCode.Created);
        Assert.Equal("2026-2030", (string?)loaded["period"]);

        var after = await client.GetPlanAsync(id);
        Assert.Equal("2026-2030", (string?)after["catalogue"]!["period"]);
        Assert.False((bool)after["catalogue"]!["provisional"]!);
        Assert.EndsWith("(danh mục thử nghiệm)", (string?)after["lines"]![0]!["componentName"]);
        // the seeded 2024 plan keeps the shipped list
        using (var district = await factory.ClientFor("taichinh"))
            Assert.Equal("2021-2025", (string?)(await district.GetPlanAsync(await district.SeededPlanIdAsync()))["catalogue"]!["period"]);
        // the same file again is a conflict; the load is journaled
        using var again = await LoadAsync(admin, TestPeriod2026);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        var journal = await admin.GetAsync("/api/admin/journal?objectType=Catalogue").OkAsync();
        Assert.Contains(journal["items"]!.AsArray(), e => (string?)e!["objectId"] == "2026-2030 v1" && (string?)e["action"] == "create");
        // a line for a code only the new period has is accepted in a 2027 plan
        // (a commune of its own: the demo seeds Tân Khai's plans up to the current year)
        await PolicyFixture.EnsureDongNaiAsync(factory, 2027);
        using var province = await factory.ClientFor("dn.quantri");
        await province.CreateUnitAsync(new { code = "DN.DM", name = "Xã Danh mục", level = "Commune", kind = "Commune", parentCode = "DN", validFrom = "2025-07-01" })
            .OkAsync(HttpStatusCode.Created);
        var plan2027 = PlanFixture.Commune(2027);
        plan2027["unit"]!["code"] = "DN.DM";
        plan2027["unit"]!["name"] = "Xã Danh mục";
        plan2027.Line(PlanFixture.CommuneDA6)["component"] = "DA8";
        using var imported = await province.ImportAsync(plan2027);
        await imported.ExpectAsync(HttpStatusCode.Created);
    }
}

/// <summary>A broken catalogue file in the folder stops the program with exit code 1, naming the file and the JSON path.</summary>
public class BrokenCatalogueStartUpTests
{
    [Fact]
    public async Task StartUp_WhenACatalogueFileHasAParentNotInTheFile_ExitsWith1NamingFileAndPath()
    {
        var folder = Directory.CreateTempSubdirectory("catalogues-").FullName;
        using var database = TestDatabase.Create("catalogue");
        var file = JsonNode.Parse(ShippedCatalogue.Text)!.AsObject();
        file["components"]![1]!["parent"] = "DA9";
        File.WriteAllText(Path.Combine(folder, "2021-2025.catalogue.json"), file.ToJsonString());

        var outcome = await Workflows.ApiProcess.RunAsync(database.Environment(("Catalogues__Path", folder)));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("2021-2025.catalogue.json: components[1].parent:", outcome.Errors);
        Assert.Contains("DA9", outcome.Errors);
    }
}
