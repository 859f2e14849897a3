using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Policies;

/// <summary>
/// A plan file's <c>counterpart</c> block is optional: absent, the province's policy applies; present, it may ask for
/// more local money than the policy, never less. The plan records the policy version it was checked against.
/// </summary>
public class PlanCounterpartPolicyTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Import_WhenTheFileAsksALowerDistrictRateThanThePolicy_Returns400NamingThePolicyRateAndBasis()
    {
        using var client = await factory.ClientFor("taichinh");
        var plan = PlanFixture.ForYear(2025);
        // the same 15 % in total, but less on the district than the province's 10 %
        plan["counterpart"]!["rates"]!["Provincial"] = 0.06m;
        plan["counterpart"]!["rates"]!["District"] = 0.09m;

        using var response = await client.ImportAsync(plan);

        var errors = await ProblemAssert.HasErrorsAtAsync(response, "counterpart.rates.District");
        Assert.Contains("10 %", errors["counterpart.rates.District"][0]);
        Assert.Contains("căn cứ: QĐ 02/2022/QĐ-TTg", errors["counterpart.rates.District"][0]);
    }

    [Fact]
    public async Task Import_WhenTheFileAsksAHigherMinimumThanThePolicy_IsAcceptedWithTheFilesTerms()
    {
        using var client = await factory.ClientFor("taichinh");
        var plan = PlanFixture.ForYear(2025);
        // more than the policy's 15 % and 10 %, still met by the plan's amounts within one rounding unit
        plan["counterpart"]!["minimumLocalRate"] = 0.1502m;
        plan["counterpart"]!["rates"]!["District"] = 0.1002m;

        using var response = await client.ImportAsync(plan);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var stored = await client.GetPlanAsync(Guid.Parse((string)created!["id"]!));
        Assert.Equal(0.1502m, (decimal?)stored["counterpart"]!["minimumLocalRate"]);
        Assert.True((bool?)stored["counterpart"]!["stated"]);
        Assert.NotNull((int?)stored["policyVersionId"]);
    }

    [Fact]
    public async Task Import_WhenTheFileHasNoCounterpartBlock_AppliesAndRecordsTheProvincesPolicy()
    {
        using var client = await factory.ClientFor("taichinh");
        var plan = PlanFixture.ForYear(2023);
        plan.Remove("counterpart");

        using var response = await client.ImportAsync(plan);

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var stored = await client.GetPlanAsync(Guid.Parse((string)created!["id"]!));
        Assert.False((bool?)stored["counterpart"]!["stated"]);
        Assert.Equal(0.15m, (decimal?)stored["counterpart"]!["minimumLocalRate"]);
        Assert.Equal(0.10m, (decimal?)stored["counterpart"]!["rates"]!["District"]);
        Assert.NotNull((int?)stored["policyVersionId"]);
    }
}
