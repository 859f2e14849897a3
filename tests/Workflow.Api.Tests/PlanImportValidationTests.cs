using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>
/// Perturbed copies of the real plan must fail with the path of what is wrong, and store nothing. The copies are
/// for fiscal year 2025, which has no plan here: without the error they would be imported (201), not refused as duplicates.
/// </summary>
public class PlanImportValidationTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const int Year = 2025;

    private static JsonObject Plan() => PlanFixture.ForYear(Year);

    /// <summary>Imports as the finance officer; asserts 400 with errors at the paths and that the plan list is unchanged.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> RejectedAsync(string body, bool exactly, params string[] paths)
    {
        using var client = await factory.ClientFor("taichinh");
        var before = (await client.GetPlansAsync()).Count;

        using var response = await client.ImportAsync(body);

        var errors = exactly
            ? await ProblemAssert.HasErrorsExactlyAtAsync(response, paths)
            : await ProblemAssert.HasErrorsAtAsync(response, paths);
        Assert.Equal(before, (await client.GetPlansAsync()).Count);
        Assert.Empty(await client.GetPlansAsync($"?year={Year}"));
        return errors;
    }

    private Task<IReadOnlyDictionary<string, string[]>> RejectedAtAsync(JsonNode plan, params string[] paths) =>
        RejectedAsync(plan.ToJsonString(), exactly: false, paths);

    private Task<IReadOnlyDictionary<string, string[]>> RejectedExactlyAtAsync(JsonNode plan, params string[] paths) =>
        RejectedAsync(plan.ToJsonString(), exactly: true, paths);

    [Fact]
    public async Task Import_WhenUnperturbedCopyIsChecked_WouldBeAccepted()
    {
        // guards the other tests: the base file itself is valid, so each failure below comes from its perturbation
        using var client = await factory.ClientFor("taichinh");
        var plan = Plan();
        plan["fiscalYear"] = 2023;

        using var response = await client.ImportAsync(plan);

        await response.ExpectAsync(HttpStatusCode.Created);
    }

    // ---- the seeds' held-back cases --------------------------------------------------------------------

    [Fact]
    public async Task Import_WhenThePlanIsTypedInMillionsAsTheDocumentWritesIt_Returns400Rule23AtEveryCellAndTheTotal()
    {
        var plan = Plan();
        foreach (var line in plan["lines"]!.AsArray())
            foreach (var (source, amount) in line!["amounts"]!.AsObject().ToList())
                line["amounts"]![source] = (long)amount! / 1_000_000;
        foreach (var (source, amount) in plan.Totals().ToList())
            plan.Totals()[source] = (long)amount! / 1_000_000;

        var errors = await RejectedAtAsync(plan, "lines[0].amounts.Central", "totals");

        Assert.Contains("có vẻ nhập theo triệu đồng", errors["lines[0].amounts.Central"][0]);
        Assert.Contains("4.034 ₫", errors["totals"][0]);
    }

    [Fact]
    public async Task Import_WhenTheDeclaredMinimumCounterpartIsZero_Returns400Rule5AtTheMinimumRateNamingTheFloor()
    {
        var plan = Plan();
        plan["counterpart"]!["minimumLocalRate"] = 0;

        var errors = await RejectedAtAsync(plan, "counterpart.minimumLocalRate");

        Assert.Contains("Quy tắc 5", errors["counterpart.minimumLocalRate"][0]);
        Assert.Contains("3 %", errors["counterpart.minimumLocalRate"][0]);
    }

    // ---- rules 3–5 ---------------------------------------------------------------------------------

    [Fact]
    public async Task Import_WhenDistrictOfDA2IsTwoMillionHigher_Returns400AtThatCellAndDistrictTotal()
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA2).AddTo("District", 2_000_000);

        var errors = await RejectedExactlyAtAsync(plan, "lines[0].amounts.District", "totals.District");

        Assert.Contains(errors["lines[0].amounts.District"], m => m.Contains("Quy tắc 4", StringComparison.Ordinal));
        Assert.Contains(errors["totals.District"], m => m.Contains("Quy tắc 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenCentralTotalIsOneDongHigher_Returns400AtCentralTotal()
    {
        var plan = Plan();
        plan.Totals().AddTo("Central", 1);

        var errors = await RejectedExactlyAtAsync(plan, "totals.Central");

        Assert.Contains(errors["totals.Central"], m => m.Contains("Quy tắc 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenMinimumLocalRateIsBelowProvincePolicy_Returns400AtMinimumLocalRate()
    {
        var plan = Plan();
        plan["counterpart"]!["minimumLocalRate"] = 0.10m;

        var errors = await RejectedExactlyAtAsync(plan, "counterpart.minimumLocalRate");

        Assert.Contains(errors["counterpart.minimumLocalRate"], m => m.Contains("Quy tắc 5", StringComparison.Ordinal) && m.Contains("15 %", StringComparison.Ordinal));
    }

    // ---- rules 1–2: components ---------------------------------------------------------------------

    [Fact]
    public async Task Import_WhenComponentIsUnknown_Returns400AtThatLinesComponent()
    {
        var plan = Plan();
        plan.Line(PlanFixture.DA7)["component"] = "DA9";

        await RejectedExactlyAtAsync(plan, "lines[6].component");
    }

    [Fact]
    public async Task Import_WhenComponentIsOutOfScope_Returns400AtThatLinesComponent()
    {
        var plan = Plan();
        plan.Line(PlanFixture.DA2)["component"] = "DA1";

        var errors = await RejectedExactlyAtAsync(plan, "lines[0].component");

        Assert.Contains(errors["lines[0].component"], m => m.Contains("không thuộc phạm vi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenComponentAppearsTwice_Returns400AtTheSecondLine()
    {
        var plan = Plan();
        plan.Line(PlanFixture.DA31)["component"] = "DA2";

        var errors = await RejectedExactlyAtAsync(plan, "lines[1].component");

        Assert.Contains(errors["lines[1].component"], m => m.Contains("Quy tắc 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenProjectAndItsSubprojectBothAppear_Returns400AtTheLaterLine()
    {
        var plan = Plan();
        plan.Line(PlanFixture.DA7)["component"] = "DA6.1"; // DA6 is line 5

        var errors = await RejectedExactlyAtAsync(plan, "lines[6].component");

        Assert.Contains(errors["lines[6].component"], m => m.Contains("Quy tắc 2", StringComparison.Ordinal) && m.Contains("DA6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenLeadAgencyIsNotAnAgencyOfTheUnit_Returns400AtThatLinesLeadAgency()
    {
        var plan = Plan();
        plan.Line(PlanFixture.DA32)["leadAgency"] = "Phòng Nội vụ";

        var errors = await RejectedExactlyAtAsync(plan, "lines[2].leadAgency");

        Assert.Contains(errors["lines[2].leadAgency"], m => m.Contains("Phòng Nội vụ", StringComparison.Ordinal));
    }

    // ---- amounts -----------------------------------------------------------------------------------

    [Fact]
    public async Task Import_WhenAmountIsNegative_Returns400AtThatCell()
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA31)["Provincial"] = -29_000_000;

        var errors = await RejectedAtAsync(plan, "lines[1].amounts.Provincial");

        Assert.Contains(errors["lines[1].amounts.Provincial"], m => m.Contains("Quy tắc 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenAmountFitsInLongButExceedsTheCellLimit_Returns400AtThatCell()
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA2)["District"] = 9_000_000_000_000_000_000;

        await RejectedAtAsync(plan, "lines[0].amounts.District");
    }

    [Fact]
    public async Task Import_WhenTotalExceedsTheCellLimit_Returns400AtThatTotal()
    {
        var plan = Plan();
        plan.Totals()["Central"] = 9_000_000_000_000_000_000;

        await RejectedAtAsync(plan, "totals.Central");
    }

    [Theory]
    [InlineData("9e18")]
    [InlineData("1000000000000000000000000000000")]
    [InlineData("1e30")]
    [InlineData("-1e30")]
    public async Task Import_WhenAmountIsBeyondLong_Returns400AtThatCellNot500(string number)
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA2)["District"] = JsonNode.Parse(number);

        await RejectedAtAsync(plan, "lines[0].amounts.District");
    }

    [Fact]
    public async Task Import_WhenAmountHasAFraction_Returns400AtThatCell()
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA2)["Central"] = 1.5m;

        var errors = await RejectedAtAsync(plan, "lines[0].amounts.Central");

        Assert.Contains(errors["lines[0].amounts.Central"], m => m.Contains("nguyên", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_WhenAmountIsAString_Returns400AtThatCell()
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA2)["Central"] = "1000";

        await RejectedAtAsync(plan, "lines[0].amounts.Central");
    }

    [Fact]
    public async Task Import_WhenSourceIsNotABudgetSource_Returns400AtThatSource()
    {
        var plan = Plan();
        plan.Amounts(PlanFixture.DA2)["Participant"] = 10_000_000;

        await RejectedExactlyAtAsync(plan, "lines[0].amounts.Participant");
    }

    // ---- structure ---------------------------------------------------------------------------------

    [Fact]
    public async Task Import_WhenTotalsAreMissing_Returns400AtTotals()
    {
        var plan = Plan();
        plan.Remove("totals");

        await RejectedExactlyAtAsync(plan, "totals");
    }

    [Fact]
    public async Task Import_WhenFiscalYearIsMissing_Returns400AtFiscalYear()
    {
        var plan = Plan();
        plan.Remove("fiscalYear");

        await RejectedExactlyAtAsync(plan, "fiscalYear");
    }

    [Fact]
    public async Task Import_WhenFiscalYearIsAString_Returns400AtFiscalYear()
    {
        var plan = Plan();
        plan["fiscalYear"] = "2025";

        await RejectedExactlyAtAsync(plan, "fiscalYear");
    }

    [Fact]
    public async Task Import_WhenTopLevelFieldIsUnknown_Returns400AtThatField()
    {
        var plan = Plan();
        plan["approvedBy"] = "UBND huyện";

        await RejectedExactlyAtAsync(plan, "approvedBy");
    }

    [Fact]
    public async Task Import_WhenImportCarriesARevisionReason_Returns400AtReason()
    {
        var plan = Plan();
        plan["reason"] = "reason belongs to revisions only";

        await RejectedExactlyAtAsync(plan, "reason");
    }

    [Fact]
    public async Task Import_WhenJsonIsTruncated_Returns400AtRoot()
    {
        var text = Plan().ToJsonString();

        await RejectedAsync(text[..(text.Length / 2)], exactly: true, "$");
    }

    [Fact]
    public async Task Import_WhenBodyIsEmpty_Returns400AtRoot()
    {
        await RejectedAsync("", exactly: true, "$");
    }

    [Fact]
    public async Task Import_WhenRootIsAnArray_Returns400AtRoot()
    {
        await RejectedAsync(new JsonArray(Plan()).ToJsonString(), exactly: true, "$");
    }

    [Fact]
    public async Task Import_WhenRootIsNull_Returns400AtRoot()
    {
        await RejectedAsync("null", exactly: true, "$");
    }

    [Fact]
    public async Task Import_WhenUnitNameDiffersFromTheCatalogue_Returns400AtUnitName()
    {
        var plan = Plan();
        plan["unit"]!["name"] = "Huyện Hớn Quản (cũ)";

        await RejectedExactlyAtAsync(plan, "unit.name");
    }

    [Fact]
    public async Task Import_WhenBodyIsLargerThanOneMebibyte_Returns413NotStoring()
    {
        using var client = await factory.ClientFor("taichinh");
        var before = (await client.GetPlansAsync()).Count;
        var plan = Plan();
        plan["decision"]!["basis"] = new string('x', 1024 * 1024);

        using var response = await client.ImportAsync(plan);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, (await client.GetPlansAsync()).Count);
    }

    // ---- all at once -------------------------------------------------------------------------------

    [Fact]
    public async Task Import_WhenSeveralFieldsAreWrong_ReportsThemAllTogether()
    {
        var plan = Plan();
        plan.Line(PlanFixture.DA7)["component"] = "DA9";
        plan.Line(PlanFixture.DA32)["leadAgency"] = "Phòng Nội vụ";
        plan.Totals().AddTo("Central", 1);

        await RejectedExactlyAtAsync(plan, "lines[6].component", "lines[2].leadAgency", "totals.Central");
    }

    [Fact]
    public async Task Import_WhenSeveralStructuralErrorsAreMade_ReportsThemAllTogether()
    {
        var plan = Plan();
        plan["fiscalYear"] = "2025";
        plan.Amounts(PlanFixture.DA2)["Central"] = "1000";
        plan.Amounts(PlanFixture.DA31)["Participant"] = 1;
        plan["approvedBy"] = "x";

        await RejectedExactlyAtAsync(plan, "fiscalYear", "lines[0].amounts.Central", "lines[1].amounts.Participant", "approvedBy");
    }
}
