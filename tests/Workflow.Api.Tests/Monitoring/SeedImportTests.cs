using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// The five seed documents' baselines and targets (catalogues/monitoring/seeds) load through the API as a national
/// administrator loads a unit's old documents, with the warnings each document deserves; loading again changes nothing.
/// </summary>
public sealed class SeedImportTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private static JsonNode Seed(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalogues", "monitoring", "seeds", name)))!;

    [Theory]
    [InlineData("000-my-thanh-2024.json", 1, "TargetsAgree")]
    [InlineData("001-hon-quan-2024.json", 1, null)]
    [InlineData("002-quang-minh-2024.json", 6, "StatedRatesMatchCounts")]
    [InlineData("003-thinh-duc-2022.json", 13, "SubUnitsAddUp")]
    [InlineData("004-tra-cu-2023.json", 1, "StatedRatesMatchCounts")]
    public async Task Import_WhenASeedIsLoadedTwice_HoldsItsCensusesOnceAndWarnsAsItsDocumentDeserves(string name, int censuses, string? check)
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As("admin");
        var file = Seed(name);

        var first = await admin.PostAsJsonAsync("/api/monitoring/import", file).OkAsync();
        var again = await admin.PostAsJsonAsync("/api/monitoring/import", file).OkAsync();

        Assert.Equal(censuses, (int)again["baselines"]!);
        var unit = (string)file["unit"]!["code"]!;
        var position = await admin.GetAsync($"/api/monitoring/baselines?unit={unit}").OkAsync();
        Assert.Equal(censuses, position["baselines"]!.AsArray().Count);
        Assert.Equal(first["warnings"]!.ToJsonString(), again["warnings"]!.ToJsonString());
        var checks = again["warnings"]!.AsArray().Select(w => (string?)w!["check"]).Distinct().ToList();
        if (check is null) Assert.Empty(checks);
        else Assert.Contains(check, checks);
    }

    [Fact]
    public async Task Import_WhenAProvinceAdministratorLoadsAnAbolishedUnit_Answers400AndStoresNothing()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As("dn.quantri");
        var file = Seed("003-thinh-duc-2022.json");
        file["unit"]!["code"] = "TN.TD.X";

        using var response = await admin.PostAsJsonAsync("/api/monitoring/import", file);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "unit.code");
    }

    [Fact]
    public async Task Import_WhenARowIsImpossible_RefusesTheWholeFileNamingTheRow()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As("admin");
        var file = Seed("002-quang-minh-2024.json");
        file["unit"]!["code"] = "BG.VY.QM.X";
        file["baselines"]![1]!["poor"]!["households"] = -1;

        using var response = await admin.PostAsJsonAsync("/api/monitoring/import", file);

        await ProblemAssert.HasErrorsAtAsync(response, "baselines[1].poor.households");
        Assert.Empty((await admin.GetAsync("/api/monitoring/baselines?unit=BG.VY.QM.X").OkAsync())["baselines"]!.AsArray());
    }

    [Fact]
    public async Task Import_WhenASubUnitHasNoCodeOrNoName_Answers400NamingTheRowAndStoresNothing()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As("admin");
        var file = Seed("002-quang-minh-2024.json");
        file["unit"]!["code"] = "BG.VY.QM.Y";
        file["subUnits"]![0]!["code"] = null;
        file["subUnits"]![1]!["name"] = null;

        using var response = await admin.PostAsJsonAsync("/api/monitoring/import", file);

        await ProblemAssert.HasErrorsAtAsync(response, "subUnits[0].code", "subUnits[1].name");
        Assert.Empty((await admin.GetAsync("/api/monitoring/baselines?unit=BG.VY.QM.Y").OkAsync())["baselines"]!.AsArray());
        Assert.Empty((await admin.GetAsync("/api/monitoring/sub-units?unit=BG.VY.QM.Y").OkAsync()).AsArray());
    }

    [Fact]
    public async Task Import_WhenAStatedRateDoesNotSayWhatItIsARateOf_Answers400NamingTheRow()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As("admin");
        var file = Seed("002-quang-minh-2024.json");
        file["unit"]!["code"] = "BG.VY.QM.Z";
        file["baselines"]![0]!["statedRates"] = new JsonArray(new JsonObject { ["rate"] = 0.57m });

        using var response = await admin.PostAsJsonAsync("/api/monitoring/import", file);

        await ProblemAssert.HasErrorsAtAsync(response, "baselines[0].statedRates[0].of");
        Assert.Empty((await admin.GetAsync("/api/monitoring/baselines?unit=BG.VY.QM.Z").OkAsync())["baselines"]!.AsArray());
    }
}
