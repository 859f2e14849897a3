using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Indicators;

namespace Workflow.Domain.Tests.Monitoring;

public sealed class IndicatorTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "catalogues", "monitoring", "indicators");

    private static IndicatorCatalogue Shipped(string period)
    {
        var (catalogue, problems) = IndicatorCatalogue.Read(File.ReadAllText(Path.Combine(Folder, $"{period}.json")));
        Assert.Empty(problems);
        return catalogue!;
    }

    private static string File1(string rows) =>
        $$"""{ "period": "2021-2025", "fromYear": 2021, "toYear": 2025, "name": "thử", "indicators": [ {{rows}} ] }""";

    private const string Households = """{ "code": "poverty.households", "name": "Tổng số hộ", "unit": "hộ", "level": "impact", "component": null, "aggregation": "sum" }""";
    private const string Poor = """{ "code": "poverty.poorHouseholds", "name": "Số hộ nghèo", "unit": "hộ", "level": "impact", "component": null, "aggregation": "sum" }""";
    private const string Rate = """{ "code": "poverty.poorRate", "name": "Tỷ lệ hộ nghèo", "unit": "%", "level": "impact", "component": null, "aggregation": "ratio", "numerator": "poverty.poorHouseholds", "denominator": "poverty.households" }""";

    [Theory]
    [InlineData("2021-2025")]
    [InlineData("2026-2030")]
    public void Read_WhenTheShippedCatalogue_HasNoProblems(string period)
    {
        var catalogue = Shipped(period);

        Assert.False(catalogue.Complete);
        Assert.All(catalogue.Indicators.Where(i => !i.IsCount), i => Assert.True(catalogue.Find(i.Numerator)!.IsCount && catalogue.Find(i.Denominator)!.IsCount));
    }

    [Fact]
    public void Read_WhenThe2026To2030Catalogue_HasNoComponentCodesOfThe2021To2025Programme()
    {
        Assert.All(Shipped("2026-2030").Indicators, i => Assert.False(i.Code.StartsWith("DA", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_WhenACodeIsListedTwice_RefusesNamingTheSecondRowAndTheFirst()
    {
        var (catalogue, problems) = IndicatorCatalogue.Read(File1($"{Households}, {Poor}, {Households}"));

        Assert.Null(catalogue);
        ViolationAssert.AssertBroken(problems, "indicators[2].code", "'poverty.households'", "indicators[0]");
    }

    [Fact]
    public void Read_WhenARatioNamesAMissingIndicator_RefusesNamingTheField()
    {
        var (_, problems) = IndicatorCatalogue.Read(File1($"{Poor}, {Rate}"));

        ViolationAssert.AssertBroken(problems, "indicators[1].denominator", "'poverty.households'");
    }

    [Fact]
    public void Read_WhenARatioNamesAnotherRatio_RefusesBecauseRatiosAreRecomputedFromCounts()
    {
        var nested = """{ "code": "poverty.rateOfRate", "name": "x", "unit": "%", "level": "impact", "component": null, "aggregation": "ratio", "numerator": "poverty.poorRate", "denominator": "poverty.households" }""";

        var (_, problems) = IndicatorCatalogue.Read(File1($"{Households}, {Poor}, {Rate}, {nested}"));

        ViolationAssert.AssertBroken(problems, "indicators[3].numerator", "'poverty.poorRate'", "sum");
    }

    [Fact]
    public void Read_WhenAFieldIsUnknown_RefusesWithItsPath()
    {
        var (_, problems) = IndicatorCatalogue.Read(File1("""{ "code": "DA2.models", "name": "x", "unit": "mô hình", "level": "output", "component": "DA2", "aggregation": "sum", "weight": 2 }"""));

        Assert.Contains(problems, p => p.Path.Contains("weight", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenTheCodeDoesNotStartWithItsComponent_Refuses()
    {
        var (_, problems) = IndicatorCatalogue.Read(File1("""{ "code": "DA3.1.models", "name": "x", "unit": "mô hình", "level": "output", "component": "DA2", "aggregation": "sum" }"""));

        ViolationAssert.AssertBroken(problems, "indicators[0].component", "'DA2.'");
    }

    /// <summary>
    /// Two hamlets: A has 2 poor of 10 households (20 %), B has 10 poor of 1,000 (1 %). The average of the rates is
    /// 10.5 %; the commune's rate is (2 + 10) / (10 + 1,000) = 12 / 1,010 = 1.19 % — what the aggregation gives.
    /// </summary>
    [Fact]
    public void Aggregate_WhenTwoPartsOfDifferentSize_RecomputesTheRatioFromSumsNotTheAverageOfRates()
    {
        var (catalogue, _) = IndicatorCatalogue.Read(File1($"{Households}, {Poor}, {Rate}"));
        var hamletA = new Dictionary<string, long> { ["poverty.households"] = 10, ["poverty.poorHouseholds"] = 2 };
        var hamletB = new Dictionary<string, long> { ["poverty.households"] = 1_000, ["poverty.poorHouseholds"] = 10 };

        var values = IndicatorAggregation.Aggregate(catalogue!, [hamletA, hamletB]).ToDictionary(v => v.Indicator);

        Assert.Equal(1_010, values["poverty.households"].Count);
        Assert.Equal(12, values["poverty.poorHouseholds"].Count);
        Assert.Equal(1.19m, values["poverty.poorRate"].Percent);
        Assert.NotEqual((20m + 1m) / 2, values["poverty.poorRate"].Percent);
        Assert.Equal((12L, 1_010L), (values["poverty.poorRate"].Numerator!.Value, values["poverty.poorRate"].Denominator!.Value));
    }

    [Fact]
    public void Aggregate_WhenAPartGivesARatioItself_IgnoresItAndRoundsHalfAwayFromZero()
    {
        var (catalogue, _) = IndicatorCatalogue.Read(File1($"{Households}, {Poor}, {Rate}"));
        // 1 of 800 = 0.125 % → 0.13 %
        var part = new Dictionary<string, long> { ["poverty.households"] = 800, ["poverty.poorHouseholds"] = 1, ["poverty.poorRate"] = 99 };

        var values = IndicatorAggregation.Aggregate(catalogue!, [part]).ToDictionary(v => v.Indicator);

        Assert.Equal(0.13m, values["poverty.poorRate"].Percent);
    }

    [Fact]
    public void CheckOutputs_WhenUnknownOtherComponentNotOutputDuplicateOrNegative_NamesEachRow()
    {
        var catalogue = Shipped("2021-2025");
        OutputQuantity?[] outputs =
        [
            new("DA2.models", 2), new("DA2.nothing", 1), new("DA4.1.trained", 30), new("poverty.poorRate", 1), new("DA2.models", 3), new("DA2.participants", -1),
        ];

        var problems = catalogue.CheckOutputs(outputs, "DA2", "plannedOutputs").ToList();

        Assert.Equal(["plannedOutputs[1].indicator", "plannedOutputs[2].indicator", "plannedOutputs[3].indicator", "plannedOutputs[4].indicator", "plannedOutputs[5].quantity"],
            problems.Select(p => p.Path));
        Assert.Contains("DA4.1", problems[1].Message);
        Assert.Contains("plannedOutputs[0]", problems[3].Message);
    }

    [Fact]
    public void CheckOutputs_WhenOutputsOfTheComponent_Passes()
    {
        Assert.Empty(Shipped("2021-2025").CheckOutputs([new("DA4.1.trained", 30), new("DA4.1.courses", 1)], "DA4.1", "actualOutputs"));
    }

    [Fact]
    public void Record_WhenMoreEscapedThanSupportedOrReviewBeforeThePlanYear_Refuses()
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            EscapedAfterSupport.Record(Guid.NewGuid(), "BP.HQ", 2024, "DA2", 2023, 29, 28, "admin", DateTimeOffset.UnixEpoch));

        ViolationAssert.AssertBroken(e.Violations, "reviewYear", "2023", "2024");
        ViolationAssert.AssertBroken(e.Violations, "households", "29", "28");
    }
}
