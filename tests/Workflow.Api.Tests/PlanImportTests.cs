using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>Importing whole plan files: who may, duplicates, and import → export round trips.</summary>
public class PlanImportTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Import_WhenSeededPlanIsImportedAgain_Returns409AndKeepsOnePlan()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.ImportAsync(PlanFixture.Text);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("plan.duplicate", (string?)problem["code"]);
        Assert.Single(await client.GetPlansAsync("?year=2024&unit=BP.HQ"));
    }

    [Fact]
    public async Task Import_WhenSameFileIsForAnotherYear_Returns201WithLocationOfTheNewPlan()
    {
        using var client = await factory.ClientFor("taichinh");

        using var response = await client.ImportAsync(PlanFixture.ForYear(2025));

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)created!["id"]!);
        Assert.Equal(2025, (int?)created["fiscalYear"]);
        Assert.Equal(1, (int?)created["version"]);
        Assert.Equal($"/api/plans/{id}", response.Headers.Location?.OriginalString);

        using var get = await client.GetAsync(response.Headers.Location);
        var plan = await get.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2025, (int?)plan!["fiscalYear"]);
        Assert.Equal(3_507_000_000, (long?)plan["totals"]!["Central"]);
        Assert.Equal("taichinh", (string?)plan["createdBy"]);
        Assert.Contains(await client.GetPlansAsync("?year=2025"), p => (string?)p!["id"] == id.ToString());
    }

    [Theory]
    [InlineData("nongnghiep")] // LeadAgency
    [InlineData("chutich")] // Approver
    [InlineData("laodong")] // LeadAgency + Monitor
    [InlineData("khobac")] // Treasury
    public async Task Import_WhenCallerIsNotFinanceOfficeOrAdmin_Returns403AndStoresNothing(string userName)
    {
        using var client = await factory.ClientFor(userName);
        using var finance = await factory.ClientFor("taichinh");

        using var response = await client.ImportAsync(PlanFixture.ForYear(2031));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Empty(await finance.GetPlansAsync("?year=2031"));
    }

    [Fact]
    public async Task Import_WhenFinanceOfficerNamesAnotherUnit_Returns403AndStoresNothing()
    {
        using var client = await factory.ClientFor("taichinh");
        var plan = PlanFixture.ForYear(2032);
        plan["unit"] = JsonNode.Parse("""{ "code": "TV.TC", "name": "Huyện Trà Cú", "level": "District", "parent": { "code": "TV", "name": "Tỉnh Trà Vinh", "level": "Province" } }""");

        using var response = await client.ImportAsync(plan);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        using var admin = await factory.ClientFor("admin");
        Assert.Empty(await admin.GetPlansAsync("?year=2032"));
    }

    [Fact]
    public async Task Import_WhenAnonymous_Returns401()
    {
        using var client = factory.CreateClient();

        using var response = await client.ImportAsync(PlanFixture.ForYear(2033));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Export_WhenImportedFileIsExported_GivesTheSameFileAndTheSameBytesEachTime()
    {
        var year = PlanFixture.UnseededCommuneYear();
        await PolicyFixture.EnsureDongNaiAsync(factory, year);
        using var client = await factory.ClientFor("tk.kinhte");
        var input = PlanFixture.Commune(year);
        using var response = await client.ImportAsync(input.ToJsonString());
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = Guid.Parse((string)created!["id"]!);

        var first = await client.ExportAsync(id);
        var second = await client.ExportAsync(id);

        Assert.True(JsonNode.DeepEquals(input, JsonNode.Parse(first)), $"The export differs from the imported file:\n{first}");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Import_WhenExportedFileIsImportedAsAnotherYear_ExportsTheSameFileAgain()
    {
        using var client = await factory.ClientFor("taichinh");
        var seeded = await client.SeededPlanIdAsync();
        var exported = JsonNode.Parse(await client.ExportAsync(seeded))!.AsObject();
        exported["fiscalYear"] = 2022;

        using var response = await client.ImportAsync(exported);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var again = JsonNode.Parse(await client.ExportAsync(Guid.Parse((string)created!["id"]!)));

        Assert.True(JsonNode.DeepEquals(exported, again), $"Import → export → import changed the file:\n{again}");
    }

    [Fact]
    public async Task Import_WhenLeadAgencyIsSpelledWithEnDashAndExtraSpaces_MatchesTheKnownAgency()
    {
        using var client = await factory.ClientFor("taichinh");
        var plan = PlanFixture.ForYear(2023);
        plan.Line(PlanFixture.DA43)["leadAgency"] = "Phòng Lao động – Thương binh  và\u00A0Xã hội";

        using var response = await client.ImportAsync(plan);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var detail = await client.GetPlanAsync(Guid.Parse((string)created!["id"]!));
        Assert.Equal("BP.HQ.LDTBXH", (string?)detail["lines"]![PlanFixture.DA43]!["leadAgencyCode"]);
    }
}
