using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>The Hớn Quản 2024 plan file (copied into TestData from shared/domain/fixtures) and edited copies of it.</summary>
public static class PlanFixture
{
    /// <summary>Line indexes in the file, in file order.</summary>
    public const int DA2 = 0, DA31 = 1, DA32 = 2, DA41 = 3, DA43 = 4, DA6 = 5, DA7 = 6;

    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "hon-quan-2024-plan.json"));

    /// <summary>A fresh, editable copy of the file.</summary>
    public static JsonObject Load() => JsonNode.Parse(Text)!.AsObject();

    /// <summary>The file as another fiscal year of the same unit (a plan that does not exist yet).</summary>
    public static JsonObject ForYear(int fiscalYear)
    {
        var plan = Load();
        plan["fiscalYear"] = fiscalYear;
        return plan;
    }

    public static JsonObject Line(this JsonObject plan, int index) => plan["lines"]![index]!.AsObject();

    public static JsonObject Amounts(this JsonObject plan, int line) => plan.Line(line)["amounts"]!.AsObject();

    public static JsonObject Totals(this JsonObject plan) => plan["totals"]!.AsObject();

    /// <summary>Adds <paramref name="delta"/> to one amount (a missing amount counts as 0).</summary>
    public static JsonObject AddTo(this JsonObject amounts, string source, long delta)
    {
        amounts[source] = (amounts[source]?.GetValue<long>() ?? 0) + delta;
        return amounts;
    }
}

/// <summary>The 2021–2025 programme catalogue exactly as shipped (catalogues/2021-2025.catalogue.json, copied beside the program).</summary>
public static class ShippedCatalogue
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalogues", "2021-2025.catalogue.json"));

    public static Workflow.Domain.Catalog.CatalogueChoice For2021To2025 { get; } =
        new(Workflow.Domain.Catalog.CatalogueReader.Read(Text).Period!, false, null);
}
