using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Features.Plans;
using Workflow.Api.Seeding;
using Workflow.Domain.Policies;
using Workflow.Infrastructure.Persistence;

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

    /// <summary>Line indexes of a commune plan (<see cref="Commune"/>), in file order.</summary>
    public const int CommuneDA2 = 0, CommuneDA31 = 1, CommuneDA43 = 2, CommuneDA6 = 3;

    /// <summary>
    /// A two-level commune plan as the demo seeds it (Tân Khai by default: DA2, DA3.1, DA4.3, DA6; central money with 10 %
    /// provincial and 5 % commune shares). The demo has Đồng Nai's 2026 policy; another year needs <see cref="PolicyFixture.EnsureDongNaiAsync"/>.
    /// </summary>
    public static JsonObject Commune(int fiscalYear, string unit = DongNai2026.TanKhai) =>
        JsonNode.Parse(PlanFile.Write(DongNai2026.Plan(unit, fiscalYear)))!.AsObject();

    /// <summary>
    /// A year for which the demo has not seeded the communes' plans — it seeds 2026 up to the current year — so a test
    /// importing one gets a new plan whatever today's date; <paramref name="offset"/> picks a later one.
    /// </summary>
    public static int UnseededCommuneYear(int offset = 0) => Math.Max(2027, DateTime.UtcNow.AddHours(7).Year + 1) + offset;

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

/// <summary>Province policies a test needs beyond the demo's, written as a province's finance office would have set them.</summary>
public static class PolicyFixture
{
    /// <summary>Đồng Nai's policy for <paramref name="fiscalYear"/> with the demo's values, unless the year has one.</summary>
    public static async Task EnsureDongNaiAsync(WorkflowApiFactory factory, int fiscalYear)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (db.ProvincePolicies.Any(p => p.ProvinceCode == DongNai2026.Province && p.FiscalYear == fiscalYear)) return;
        db.ProvincePolicies.Add(new ProvincePolicy(DongNai2026.Province, fiscalYear, 1, new DateOnly(fiscalYear, 1, 1),
            DongNai2026.PolicyValues(fiscalYear), "test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
