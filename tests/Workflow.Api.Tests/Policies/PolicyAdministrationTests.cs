using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Policies;

/// <summary>
/// <c>/api/admin/policies</c>: versions per province and fiscal year, readable and added by the province's
/// administrator or finance office only (another province 404, other roles 403), validated at the JSON path,
/// journaled; a province merged into another takes its successor's policy.
/// </summary>
public class PolicyAdministrationTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>, IAsyncLifetime
{
    private const string ProvinceFinance = "taichinh.dn";

    public async Task InitializeAsync()
    {
        using var admin = await factory.ClientFor("admin");
        // created once per fixture; a second time it is a 409 duplicate, which is fine
        using var _ = await admin.CreateAgencyAsync(new { code = "DN.STC", name = "Sở Tài chính Đồng Nai", kind = "FinanceOffice", unitCode = "DN" });
        await AdminApi.AddUserAsync(factory, ProvinceFinance, "DN.STC", "DN", "FinanceOffice");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_WhenTheShippedBinhPhuocPolicy_ShowsItsValuesWithBasesInForceFor2024()
    {
        using var admin = await factory.ClientFor("admin");

        var list = await admin.GetPoliciesAsync("BP", 2024).OkAsync();

        var inForce = list["inForce"]!;
        Assert.Equal("BP", (string?)inForce["provinceCode"]);
        Assert.Equal(0.15m, (decimal?)inForce["values"]!["minimumLocalRate"]!["value"]);
        Assert.Contains("QĐ 02/2022/QĐ-TTg", (string?)inForce["values"]!["minimumLocalRate"]!["basis"]);
        Assert.Equal(0.5m, (decimal?)inForce["values"]!["advanceMaxRate"]!["value"]);
        Assert.Equal("2023-01-31", (string?)inForce["values"]!["adjustmentPeriodEnd"]!["value"]);
        Assert.False((bool?)list["inherited"]);
    }

    [Fact]
    public async Task Create_WhenProvinceFinanceOfficeAddsAVersion_Returns201AndJournalsIt()
    {
        using var finance = await factory.ClientFor(ProvinceFinance);
        // a year the demo has not seeded (it seeds Đồng Nai's policy from 2026 up to the current year)

        var created = await finance.CreatePolicyAsync(PolicyApi.Version("DN", 2035, "2035-01-01", PolicyApi.Values())).CreatedAsync();

        Assert.Equal(1, (int?)created["version"]);
        Assert.Equal("2036-01-31", (string?)created["values"]!["adjustmentPeriodEnd"]!["value"]);
        var second = await finance.CreatePolicyAsync(PolicyApi.Version("DN", 2035, "2035-02-01", PolicyApi.Values(2_000_000_000))).CreatedAsync();
        Assert.Equal(2, (int?)second["version"]);
        using var admin = await factory.ClientFor("admin");
        Assert.Single(await admin.JournalOfAsync("Policy", "DN/2035/2"));
        var versions = (await finance.GetPoliciesAsync("DN", 2035).OkAsync())["versions"]!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
    }

    [Fact]
    public async Task Create_WhenValuesAreOutOfRangeOrMissing_Returns400AtEachJsonPath()
    {
        using var admin = await factory.ClientFor("admin");
        var values = PolicyApi.Values();
        values["minimumLocalRate"] = PolicyApi.Value(1.5m);
        values["counterpartRates"]!["value"]!["District"] = -0.1m;
        values["taskBasedMaximum"] = PolicyApi.Value(-1L);
        values["roundingUnit"] = PolicyApi.Value(1_000_000L, basis: " ");
        values.Remove("advanceMaxRate");

        using var response = await admin.CreatePolicyAsync(PolicyApi.Version("DN", 2028, "2028-01-01", values));

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response,
            "values.minimumLocalRate.value", "values.counterpartRates.value.District", "values.taskBasedMaximum.value",
            "values.roundingUnit.basis", "values.advanceMaxRate.value");
        Assert.Contains("0 đến 1", errors["values.minimumLocalRate.value"][0]);
        Assert.Empty((await admin.GetPoliciesAsync("DN", 2028).OkAsync())["versions"]!.AsArray());
    }

    [Fact]
    public async Task Create_WhenPriorityShareIsBelowTheMinimumOrTheBodyLacksTheYear_Returns400ThereOnly()
    {
        using var admin = await factory.ClientFor("admin");
        var values = PolicyApi.Values();
        values["priorityBeneficiaryShare"] = PolicyApi.Value(0.4m);

        using (var response = await admin.CreatePolicyAsync(PolicyApi.Version("DN", 2028, "2028-01-01", values)))
            await ProblemAssert.HasErrorsExactlyAtAsync(response, "values.priorityBeneficiaryShare.value");
        using (var response = await admin.CreatePolicyAsync(new JsonObject { ["province"] = "DN", ["effectiveFrom"] = "2028-01-01", ["values"] = PolicyApi.Values() }))
            await ProblemAssert.HasErrorsExactlyAtAsync(response, "fiscalYear");
    }

    [Fact]
    public async Task Create_WhenANewVersionWouldApplyRetroactively_Returns400AtEffectiveFrom()
    {
        using var admin = await factory.ClientFor("admin");
        await admin.CreatePolicyAsync(PolicyApi.Version("AG", 2026, "2026-01-01", PolicyApi.Values())).CreatedAsync();

        using var response = await admin.CreatePolicyAsync(PolicyApi.Version("AG", 2026, "2026-02-01", PolicyApi.Values(1_000_000_000)));

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "effectiveFrom");
    }

    [Fact]
    public async Task ReadAndCreate_WhenFinanceOfficeOfAnotherProvince_Returns404LikeAnUnknownProvince()
    {
        using var finance = await factory.ClientFor(ProvinceFinance);

        using var read = await finance.GetPoliciesAsync("BP", 2024);
        using var create = await finance.CreatePolicyAsync(PolicyApi.Version("BP", 2030, "2030-01-01", PolicyApi.Values()));
        using var districtFinance = await factory.ClientFor("taichinh");
        using var district = await districtFinance.GetPoliciesAsync("BP", 2024);

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(district, HttpStatusCode.NotFound);
        using var admin = await factory.ClientFor("admin");
        Assert.Empty((await admin.GetPoliciesAsync("BP", 2030).OkAsync())["versions"]!.AsArray());
    }

    [Theory]
    [InlineData("nongnghiep")] // LeadAgency
    [InlineData("khobac")] // Treasury
    public async Task ReadAndCreate_WhenCallerIsNeitherAdministratorNorFinanceOffice_Returns403(string userName)
    {
        using var client = await factory.ClientFor(userName);

        using var read = await client.GetPoliciesAsync("BP", 2024);
        using var create = await client.CreatePolicyAsync(PolicyApi.Version("BP", 2030, "2030-01-01", PolicyApi.Values()));

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InForce_WhenAProvinceWasMergedIntoASuccessor_IsTheSuccessorsPolicyForLaterYearsAndItsOwnBefore()
    {
        using var admin = await factory.ClientFor("admin");
        await admin.CreateUnitAsync(new { code = "SP", name = "Tỉnh Sáp Nhập", level = "Province", parentCode = "VN" }).OkAsync(HttpStatusCode.Created);
        await admin.CreatePolicyAsync(PolicyApi.Version("SP", 2024, "2024-01-01", PolicyApi.Values(1_000_000_000))).CreatedAsync();
        await admin.PostAsync("/api/admin/units/SP/close", Tests.Infrastructure.Api.JsonBody("""{ "validTo": "2025-06-30", "successorCode": "DN" }""")).OkAsync();
        await admin.CreatePolicyAsync(PolicyApi.Version("DN", 2029, "2029-01-01", PolicyApi.Values(2_500_000_000))).CreatedAsync();

        var later = await admin.GetPoliciesAsync("SP", 2029).OkAsync();
        var before = await admin.GetPoliciesAsync("SP", 2024).OkAsync();

        Assert.Equal("DN", (string?)later["inForce"]!["provinceCode"]);
        Assert.True((bool?)later["inherited"]);
        Assert.Equal(2_500_000_000, (long?)later["inForce"]!["values"]!["taskBasedMaximum"]!["value"]);
        Assert.Equal("SP", (string?)before["inForce"]!["provinceCode"]);
        Assert.Equal(1_000_000_000, (long?)before["inForce"]!["values"]!["taskBasedMaximum"]!["value"]);
    }

    [Fact]
    public async Task InForce_WhenBinhPhuocAfterItsMergerIntoDongNai_IsDongNaisIllustrative2026Policy()
    {
        using var admin = await factory.ClientFor("admin");

        var later = await admin.GetPoliciesAsync("BP", 2026).OkAsync();

        Assert.Equal("DN", (string?)later["inForce"]!["provinceCode"]);
        Assert.True((bool?)later["inherited"]);
        Assert.True((bool?)later["inForce"]!["values"]!["counterpartRates"]!["illustrative"]);
        Assert.Contains("QĐ 16/2026/QĐ-TTg", (string?)later["inForce"]!["values"]!["counterpartRates"]!["basis"]);
    }
}
