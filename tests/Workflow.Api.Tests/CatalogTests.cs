using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

public class CatalogTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private async Task<JsonArray> GetListAsync(string url, string user = "nongnghiep")
    {
        using var client = await factory.ClientFor(user);
        using var response = await client.GetAsync(url);
        return (await response.ExpectAsync(HttpStatusCode.OK))!.AsArray();
    }

    private static JsonNode Single(JsonArray items, string key, string value) =>
        Assert.Single(items, i => (string?)i![key] == value)!;

    [Fact]
    public async Task Components_WhenListed_MarkWhatTheSystemManagesAndNestSubprojects()
    {
        var components = await GetListAsync("/api/catalog/components");

        Assert.True((bool)Single(components, "code", "DA2")["inScope"]!);
        Assert.False((bool)Single(components, "code", "DA1")["inScope"]!);
        Assert.False((bool)Single(components, "code", "DA5")["inScope"]!);
        Assert.Equal("DA6", (string?)Single(components, "code", "DA6.1")["parentCode"]);
        Assert.Null(Single(components, "code", "DA6")["parentCode"]);
    }

    [Fact]
    public async Task FundingSources_WhenListed_ContainCentralToCreditInOrder()
    {
        var sources = await GetListAsync("/api/catalog/funding-sources");

        Assert.Equal(
            ["Central", "Provincial", "District", "Commune", "Participant", "Integrated", "Credit"],
            sources.Select(s => (string)s!["source"]!).ToArray());
        Assert.True((bool)Single(sources, "source", "Central")["isStateBudget"]!);
        Assert.False((bool)Single(sources, "source", "Participant")["isStateBudget"]!);
    }

    [Fact]
    public async Task Units_WhenListed_IncludeHonQuanAsDistrictOfBinhPhuoc()
    {
        var units = await GetListAsync("/api/catalog/units");

        var honQuan = Single(units, "code", "BP.HQ");
        Assert.Equal("District", (string?)honQuan["level"]);
        Assert.Equal("BP", (string?)honQuan["parentCode"]);
        Assert.Equal("Huyện Hớn Quản", (string?)honQuan["name"]);
    }

    [Fact]
    public async Task Units_WhenFilteredByParent_ReturnOnlyItsChildren()
    {
        var communes = await GetListAsync("/api/catalog/units?parent=BP.HQ&level=Commune");

        Assert.NotEmpty(communes);
        Assert.All(communes, u => Assert.Equal("BP.HQ", (string?)u!["parentCode"]));
        Assert.Contains(communes, u => (string?)u!["name"] == "Xã Minh Đức");
    }

    [Fact]
    public async Task Units_WhenLevelIsUnknown_Returns400AtLevel()
    {
        using var client = await factory.ClientFor("nongnghiep");

        using var response = await client.GetAsync("/api/catalog/units?level=Hamlet");

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "level");
    }

    [Fact]
    public async Task Agencies_WhenFilteredByHonQuan_IncludeTheFinanceOffice()
    {
        var agencies = await GetListAsync("/api/catalog/agencies?unit=BP.HQ");

        var finance = Single(agencies, "code", "BP.HQ.TCKH");
        Assert.Equal("FinanceOffice", (string?)finance["kind"]);
        Assert.Equal("Phòng Tài chính - Kế hoạch", (string?)finance["name"]);
        Assert.All(agencies, a => Assert.Equal("BP.HQ", (string?)a!["unitCode"]));
    }

    [Fact]
    public async Task Catalog_WhenAnonymous_Returns401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/catalog/components");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
