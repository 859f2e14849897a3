using System.Text.Json.Nodes;
using Workflow.Domain.Catalog;
using Workflow.Domain.Tests.TestData;
using static Workflow.Domain.Tests.ViolationAssert;

namespace Workflow.Domain.Tests.Catalogues;

public sealed class CatalogueReaderTests
{
    private static JsonObject Shipped() => JsonNode.Parse(ShippedCatalogue.Json)!.AsObject();

    private static IReadOnlyList<Workflow.Domain.Common.Violation> ReadEdited(Action<JsonObject> edit)
    {
        var file = Shipped();
        edit(file);
        return CatalogueReader.Read(file.ToJsonString()).Problems;
    }

    [Fact]
    public void Read_WhenTheShippedFile_IsTheQd90TreeWithProjects2346And7InScope()
    {
        var period = ShippedCatalogue.Period2021To2025;

        Assert.Equal(("2021-2025", 2, 2021, 2025), (period.Id, period.Version, period.FromYear, period.ToYear));
        Assert.Contains("90/QĐ-TTg", period.LegalBasis);
        Assert.Equal(0.03m, period.CounterpartFloor?.Rate);
        Assert.Contains("02/2022/QĐ-TTg", period.CounterpartFloor?.Basis);
        Assert.Equal(18, period.Components.Count);
        Assert.Equal(["DA2", "DA3", "DA3.1", "DA3.2", "DA4", "DA4.1", "DA4.2", "DA4.3", "DA6", "DA6.1", "DA6.2", "DA7", "DA7.1", "DA7.2"],
            period.InScope.Select(c => c.Code));
        Assert.True(period.IsAncestor("DA6", "DA6.1"));
        Assert.False(period.IsAncestor("DA6.1", "DA6"));
    }

    [Fact]
    public void Read_WhenACodeAppearsTwice_RefusesTheSecondAtItsCode()
    {
        var problems = ReadEdited(f => f["components"]![5]!["code"] = "DA3");

        AssertBroken(problems, "components[5].code", "DA3", "components[4]");
    }

    [Fact]
    public void Read_WhenAParentIsNotInTheFile_RefusesAtThatParent()
    {
        var problems = ReadEdited(f => f["components"]![6]!["parent"] = "DA9");

        AssertBrokenPaths(problems, "components[6].parent");
        AssertBroken(problems, "components[6].parent", "DA9");
    }

    [Fact]
    public void Read_WhenASubprojectIsInScopeUnderAProjectOutOfScope_RefusesAtItsScope()
    {
        var problems = ReadEdited(f => f["components"]![1]!["inScope"] = true);

        AssertBrokenPaths(problems, "components[1].inScope");
        AssertBroken(problems, "components[1].inScope", "DA1.1", "DA1");
    }

    [Fact]
    public void Read_WhenASubprojectIsOutOfScopeUnderAProjectInScope_RefusesAtItsScope()
    {
        var problems = ReadEdited(f => f["components"]![5]!["inScope"] = false);

        AssertBrokenPaths(problems, "components[5].inScope");
    }

    [Fact]
    public void Read_WhenParentsFormACycle_Refuses()
    {
        var problems = ReadEdited(f =>
        {
            f["components"]![3]!["parent"] = "DA3.1"; // DA2 under DA3.1 under DA3 … and DA3 under DA2
            f["components"]![4]!["parent"] = "DA2";
        });

        AssertBroken(problems, "components[4].parent", "vòng lặp");
    }

    [Theory]
    [InlineData(2025, 2021, "toYear")]
    [InlineData(2020, 2025, "fromYear")]
    [InlineData(2021, 2036, "toYear")]
    public void Read_WhenTheYearsAreBad_RefusesAtTheYear(int from, int to, string path)
    {
        var problems = ReadEdited(f =>
        {
            f["fromYear"] = from;
            f["toYear"] = to;
            f["period"] = $"{from}-{to}";
        });

        AssertBrokenPaths(problems, path);
    }

    [Fact]
    public void Read_WhenThePeriodDoesNotNameItsYears_RefusesAtPeriod()
    {
        AssertBrokenPaths(ReadEdited(f => f["period"] = "2021-2030"), "period");
    }

    [Fact]
    public void Read_WhenAnUnknownFieldOrAMissingBasis_RefusesEach()
    {
        var problems = ReadEdited(f =>
        {
            f.Remove("legalBasis");
            f["components"]![0]!.AsObject()["scope"] = true;
        });

        AssertBrokenPaths(problems, "components[0].scope", "legalBasis");
    }

    [Fact]
    public void Read_WhenTheCounterpartFloorIsOutOfRangeOrWithoutBasis_RefusesEach()
    {
        var problems = ReadEdited(f => f["counterpartFloor"] = new JsonObject { ["rate"] = 1.5 });

        AssertBrokenPaths(problems, "counterpartFloor.basis", "counterpartFloor.rate");
    }

    [Fact]
    public void Read_WhenAPeriodStatesNoCounterpartFloor_HasNone() =>
        Assert.Null(CatalogueReader.Read(Shipped().Also(f => f.Remove("counterpartFloor")).ToJsonString()).Period!.CounterpartFloor);

    [Fact]
    public void Read_WhenNotJson_RefusesTheDocument()
    {
        AssertBrokenPaths(CatalogueReader.Read("{ \"period\": ").Problems, "$");
    }

    [Fact]
    public void CheckOverlap_WhenAnotherPeriodSharesAYear_RefusesButANewVersionOfTheSamePeriodPasses()
    {
        var shipped = ShippedCatalogue.Period2021To2025;
        var overlapping = new ProgrammePeriod("2025-2030", 1, 2025, 2030, "x", "y", shipped.Components);
        var next = new ProgrammePeriod("2026-2030", 1, 2026, 2030, "x", "y", shipped.Components);
        var newVersion = new ProgrammePeriod("2021-2025", 2, 2021, 2025, "x", "y", shipped.Components);

        AssertBroken(ProgrammeCatalogue.CheckOverlap(overlapping, [shipped]), "fromYear", "2021–2025");
        AssertValid(ProgrammeCatalogue.CheckOverlap(next, [shipped]));
        AssertValid(ProgrammeCatalogue.CheckOverlap(newVersion, [shipped]));
    }

    [Fact]
    public void For_WhenNoPeriodCoversTheYear_UsesTheLastEndedPeriodProvisionallyWithANotice()
    {
        var shipped = ShippedCatalogue.Period2021To2025;
        var catalogue = new ProgrammeCatalogue([shipped]);

        Assert.Equal(new CatalogueChoice(shipped, false, null), catalogue.For(2025));
        var later = catalogue.For(2026);
        Assert.Same(shipped, later.Period);
        Assert.True(later.Provisional);
        Assert.Contains("2026", later.Notice);
        Assert.Contains("2021–2025", later.Notice);
    }

    [Fact]
    public void For_WhenAPeriodCoversTheYear_UsesItsNewestVersionAndIsNotProvisional()
    {
        var shipped = ShippedCatalogue.Period2021To2025;
        var v1 = new ProgrammePeriod("2026-2030", 1, 2026, 2030, "x", "y", shipped.Components);
        var v2 = new ProgrammePeriod("2026-2030", 2, 2026, 2030, "x", "y", shipped.Components);
        var catalogue = new ProgrammeCatalogue([shipped, v2, v1]);

        var choice = catalogue.For(2026);
        Assert.Same(v2, choice.Period);
        Assert.False(choice.Provisional);
        Assert.Null(choice.Notice);
    }

    [Fact]
    public void Read_WhenBudgetCodesGiven_ASubprojectUsesItsProjectsWhereItHasNone()
    {
        var file = Shipped();
        file["programmeCode"] = "00123";
        file["components"]![4]!["sectorCode"] = "398";
        file["components"]![4]!["economicContentCode"] = "7049";
        file["components"]![5]!["economicContentCode"] = "7012";
        var (period, problems) = CatalogueReader.Read(file.ToJsonString());

        Assert.Empty(problems);
        Assert.Equal("00123", period!.ProgrammeCode);
        Assert.Equal(("398", "7012"), period.BudgetCodesOf("DA3.1"));
        Assert.Equal(("398", "7049"), period.BudgetCodesOf("DA3.2"));
        Assert.Equal(((string?)null, (string?)null), period.BudgetCodesOf("DA2"));
    }

    [Fact]
    public void Read_WhenABudgetCodeHasTheWrongShape_RefusesAtItsPath()
    {
        var problems = ReadEdited(f =>
        {
            f["programmeCode"] = "12";
            f["components"]![4]!["sectorCode"] = "39A";
            f["components"]![5]!["economicContentCode"] = "70490";
        });

        AssertBrokenPaths(problems, "programmeCode", "components[4].sectorCode", "components[5].economicContentCode");
        AssertBroken(problems, "components[5].economicContentCode", "4 chữ số");
    }
}

internal static class JsonObjectEdits
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> edit)
    {
        edit(o);
        return o;
    }
}
