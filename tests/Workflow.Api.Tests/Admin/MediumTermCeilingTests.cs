using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// A unit's medium-term ceilings (kế hoạch trung hạn) for 2026–2030: set by the province's administrator, and the
/// commune's annual plans of those years together may not exceed them. Tân Khai's seeded 2026 plan gives DA2
/// 1,200 / 120 / 60 million and DA3.1 800 / 80 / 40 million.
/// </summary>
public class MediumTermCeilingTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const string Basis = "Quyết định 88/QĐ-UBND ngày 15/01/2026 của UBND tỉnh Đồng Nai giao kế hoạch trung hạn";

    private static object Ceilings(long da2Central, params (string Component, long Central)[] more) => new
    {
        basis = Basis,
        lines = new[] { ("DA2", da2Central) }.Concat(more).Select(l => new
        {
            component = l.Item1,
            amounts = new Dictionary<string, long> { ["Central"] = l.Item2, ["Provincial"] = l.Item2 / 10, ["Commune"] = l.Item2 / 20 },
        }).ToArray(),
    };

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string unit, object body) =>
        client.PutAsJsonAsync($"/api/admin/units/{unit}/ceilings/2026-2030", body);

    /// <summary>Tân Hưng's lines are DA2 and DA3.1 only; each test gets its own unit so ceilings do not meet.</summary>
    private async Task<string> NewCommuneAsync(HttpClient admin, string code)
    {
        await admin.CreateUnitAsync(new { code, name = $"Xã {code}", level = "Commune", kind = "Commune", parentCode = "DN", validFrom = "2025-07-01" })
            .OkAsync(HttpStatusCode.Created);
        var plan = PlanFixture.Commune(2026);
        plan["unit"]!["code"] = code;
        plan["unit"]!["name"] = $"Xã {code}";
        using var imported = await admin.ImportAsync(plan);
        await imported.ExpectAsync(HttpStatusCode.Created);
        return code;
    }

    [Fact]
    public async Task Import_WhenTheYearsOfThePeriodTogetherExceedTheCeiling_Returns400NamingTheCeilingItsBasisAndTheAmounts()
    {
        using var admin = await factory.ClientFor("dn.quantri");
        var unit = await NewCommuneAsync(admin, "DN.C1");
        await PolicyFixture.EnsureDongNaiAsync(factory, 2027);
        await PolicyFixture.EnsureDongNaiAsync(factory, 2028);
        var set = await PutAsync(admin, unit, Ceilings(3_000_000_000, ("DA3", 3_000_000_000), ("DA4", 1_000_000_000), ("DA6", 1_000_000_000))).OkAsync();
        Assert.Equal(1_200_000_000, (long?)set["lines"]!.AsArray().Single(l => (string?)l!["component"] == "DA2")!["allocated"]!["Central"]);

        var second = PlanFixture.Commune(2027);
        second["unit"]!["code"] = unit;
        second["unit"]!["name"] = $"Xã {unit}";
        using (var fits = await admin.ImportAsync(second))
            await fits.ExpectAsync(HttpStatusCode.Created);

        var third = PlanFixture.Commune(2028);
        third["unit"]!["code"] = unit;
        third["unit"]!["name"] = $"Xã {unit}";
        using var over = await admin.ImportAsync(third);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(over, "lines[0].amounts.Central", "lines[0].amounts.Provincial", "lines[0].amounts.Commune");
        var message = errors["lines[0].amounts.Central"][0];
        Assert.Contains("Kế hoạch trung hạn 2026–2030", message);
        Assert.Contains("88/QĐ-UBND", message);
        Assert.Contains("3.000.000.000 ₫", message);
        Assert.Contains("2.400.000.000 ₫", message);
        Assert.Contains("vượt 600.000.000 ₫", message);
        Assert.Null(await admin.FindPlanIdAsync(unit, 2028));
    }

    [Fact]
    public async Task Revise_WhenALineIsRaisedAboveTheCeiling_Returns400AndAProjectsCeilingCoversItsSubprojects()
    {
        using var admin = await factory.ClientFor("dn.quantri");
        var unit = await NewCommuneAsync(admin, "DN.C2");
        // DA3 covers the plan's DA3.1 line exactly
        await PutAsync(admin, unit, Ceilings(1_200_000_000, ("DA3", 800_000_000), ("DA4", 300_000_000), ("DA6", 200_000_000))).OkAsync();
        var id = (await admin.FindPlanIdAsync(unit, 2026))!.Value;
        var revision = JsonNode.Parse(await admin.ExportAsync(id))!.AsObject();
        revision.Amounts(PlanFixture.CommuneDA31).AddTo("Central", 20_000_000).AddTo("Provincial", 2_000_000).AddTo("Commune", 1_000_000);
        revision.Totals().AddTo("Central", 20_000_000).AddTo("Provincial", 2_000_000).AddTo("Commune", 1_000_000);
        revision["reason"] = "Bổ sung vốn Dự án 3";

        using var response = await admin.ReviseAsync(id, revision);

        var errors = await ProblemAssert.HasErrorsAtAsync(response, "lines[1].amounts.Central");
        Assert.Contains("của DA3 là 800.000.000 ₫", errors["lines[1].amounts.Central"][0]);
    }

    [Fact]
    public async Task Import_WhenAComponentHasNoCeilingOnceTheUnitHasSome_Returns400AtThatLine()
    {
        using var admin = await factory.ClientFor("dn.quantri");
        var unit = await NewCommuneAsync(admin, "DN.C3");
        await PolicyFixture.EnsureDongNaiAsync(factory, 2029);
        await PutAsync(admin, unit, Ceilings(5_000_000_000, ("DA3", 5_000_000_000), ("DA4", 5_000_000_000), ("DA6", 5_000_000_000))).OkAsync();
        var plan = PlanFixture.Commune(2029);
        plan.Line(PlanFixture.CommuneDA6)["component"] = "DA7";
        plan["unit"]!["code"] = unit;
        plan["unit"]!["name"] = $"Xã {unit}";

        using var response = await admin.ImportAsync(plan);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "lines[3].component");
    }

    [Fact]
    public async Task Set_WhenBelowWhatThePlansAllocate_Returns409ListingTheLineAndKeepsTheOldCeilings()
    {
        using var admin = await factory.ClientFor("dn.quantri");
        var unit = await NewCommuneAsync(admin, "DN.C4");
        await PutAsync(admin, unit, Ceilings(2_000_000_000, ("DA3", 2_000_000_000), ("DA4", 2_000_000_000), ("DA6", 2_000_000_000))).OkAsync();

        using var response = await PutAsync(admin, unit, Ceilings(1_000_000_000, ("DA3", 2_000_000_000), ("DA4", 2_000_000_000), ("DA6", 2_000_000_000)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("ceiling.belowPlans", (string?)problem["code"]);
        Assert.Contains("1.200.000.000 ₫", problem.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var kept = await admin.GetAsync($"/api/admin/units/{unit}/ceilings/2026-2030").OkAsync();
        Assert.Equal(2_000_000_000, (long?)kept["lines"]!.AsArray().Single(l => (string?)l!["component"] == "DA2")!["amounts"]!["Central"]);
        Assert.Single(await admin.JournalOfAsync("Ceiling", $"{unit}/2026-2030"));
    }

    [Fact]
    public async Task Set_WhenDistrictMoneyAnUnknownComponentOrNoBasis_Returns400AtEachField()
    {
        using var admin = await factory.ClientFor("dn.quantri");

        using var response = await PutAsync(admin, "DN.TH", new
        {
            basis = " ",
            lines = new object[]
            {
                new { component = "DA2", amounts = new Dictionary<string, long> { ["Central"] = 1, ["District"] = 1 } },
                new { component = "DA9", amounts = new Dictionary<string, long> { ["Central"] = 1 } },
                new { component = "DA3", amounts = new Dictionary<string, long> { ["Central"] = -1 } },
            },
        });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "basis", "lines[0].amounts.District", "lines[1].component", "lines[2].amounts.Central");
        Assert.False((bool)(await admin.GetAsync("/api/admin/units/DN.TH/ceilings/2026-2030").OkAsync())["limited"]!);
    }

    [Fact]
    public async Task ReadAndSet_WhenTheUnitIsInAnotherProvince_Returns404()
    {
        using var admin = await factory.ClientFor("dn.quantri");

        using var read = await admin.GetAsync("/api/admin/units/AG/ceilings/2026-2030");
        using var write = await PutAsync(admin, "AG", Ceilings(1_000_000_000));

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(write, HttpStatusCode.NotFound);
    }
}
