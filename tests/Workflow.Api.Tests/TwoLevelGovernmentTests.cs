using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>
/// RULES.md 22 at import: from fiscal year 2026 a plan belongs to a province or a commune valid on 1 January and carries
/// no district money; the district plans of 2022–2025 stay valid history.
/// </summary>
public class TwoLevelGovernmentTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Import_WhenA2026PlanIsForTheAbolishedHonQuanDistrict_Returns400AtTheUnitAndEveryDistrictAmountAndStoresNothing()
    {
        using var admin = await factory.ClientFor("admin");

        using var response = await admin.ImportAsync(PlanFixture.ForYear(2026));

        var errors = await ProblemAssert.HasErrorsAtAsync(response, "unit.level", "lines[0].amounts.District", "totals.District", "counterpart.rates.District");
        Assert.Contains("Quy tắc 22", errors["unit.level"][0]);
        Assert.Contains("01/01/2026", errors["unit.level"][0]);
        Assert.Contains("152.000.000 ₫", errors["lines[0].amounts.District"][0]);
        Assert.Null(await admin.FindPlanIdAsync("BP.HQ", 2026));
    }

    [Fact]
    public async Task Import_WhenA2026PlanNamesACommuneMergedAwayOn1July2025_Returns400NamingItsSuccessor()
    {
        using var admin = await factory.ClientFor("admin");
        var plan = PlanFixture.Commune(2026);
        plan["unit"] = JsonNode.Parse("""{ "code": "BP.HQ.TK", "name": "Thị trấn Tân Khai", "level": "Commune", "parent": { "code": "BP.HQ", "name": "Huyện Hớn Quản", "level": "District", "parent": { "code": "BP", "name": "Tỉnh Bình Phước", "level": "Province" } } }""");

        using var response = await admin.ImportAsync(plan);

        var errors = await ProblemAssert.HasErrorsAtAsync(response, "unit.code", "unit.parent.level");
        Assert.Contains("Xã Tân Khai (DN.TK)", errors["unit.code"][0]);
        Assert.Contains("30/06/2025", errors["unit.code"][0]);
    }

    [Fact]
    public async Task Import_WhenA2026CommunePlanUnderDongNai_Returns201CheckedAgainstTheProvincesPolicy()
    {
        using var admin = await factory.ClientFor("dn.quantri");
        await admin.CreateUnitAsync(new { code = "DN.MX", name = "Xã Minh Xuân", level = "Commune", kind = "Commune", parentCode = "DN", validFrom = "2025-07-01" })
            .OkAsync(HttpStatusCode.Created);
        var plan = PlanFixture.Commune(2026);
        plan["unit"]!["code"] = "DN.MX";
        plan["unit"]!["name"] = "Xã Minh Xuân";

        using var response = await admin.ImportAsync(plan);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var detail = await admin.GetPlanAsync(Guid.Parse((string)created!["id"]!));
        var policies = await admin.GetAsync("/api/admin/policies?province=DN&year=2026").OkAsync();
        Assert.Equal((int?)policies["inForce"]!["id"], (int?)detail["policyVersionId"]);
        Assert.Equal(0, (long?)detail["totals"]!["District"] ?? 0);
        // the rates applied come from the province's policy, whose unverified values say so
        Assert.Contains("QĐ 16/2026/QĐ-TTg", (string?)detail["counterpart"]!["basis"]);
        Assert.Contains("giá trị minh họa", (string?)detail["counterpart"]!["basis"]);
        Assert.Equal("DN/2026/1", (string?)detail["counterpart"]!["policy"]);
    }

    [Fact]
    public async Task Import_WhenTheFileAsksLessCommuneMoneyThanDongNaisPolicy_Returns400AtThatRate()
    {
        using var finance = await factory.ClientFor("th.kinhte");
        await PolicyFixture.EnsureDongNaiAsync(factory, 2027);
        var plan = PlanFixture.Commune(2027, "DN.TH");
        plan["counterpart"] = JsonNode.Parse("""{ "minimumLocalRate": 0.15, "rates": { "Provincial": 0.11, "Commune": 0.04 }, "roundingUnit": 1000000 }""");

        using var response = await finance.ImportAsync(plan);

        var errors = await ProblemAssert.HasErrorsAtAsync(response, "counterpart.rates.Commune");
        Assert.Contains("Quy tắc 4", errors["counterpart.rates.Commune"][0]);
    }

    [Fact]
    public async Task Import_WhenAProvinceHasNoPolicyForTheYear_Returns400AtTheYearEvenWithACounterpartBlock()
    {
        using var admin = await factory.ClientFor("admin");
        var plan = PlanFixture.Commune(2026);
        plan["unit"] = JsonNode.Parse("""{ "code": "AG.TEST", "name": "Xã Thử Nghiệm", "level": "Commune", "parent": { "code": "AG", "name": "Tỉnh An Giang", "level": "Province" } }""");
        plan["counterpart"] = JsonNode.Parse("""{ "minimumLocalRate": 0.15, "rates": { "Provincial": 0.10, "Commune": 0.05 }, "roundingUnit": 1000000 }""");

        using var response = await admin.ImportAsync(plan);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "fiscalYear");
        Assert.Contains("chưa có chính sách năm 2026", errors["fiscalYear"][0]);
    }
}
