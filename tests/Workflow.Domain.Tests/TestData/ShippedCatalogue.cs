using Workflow.Domain.Catalog;

namespace Workflow.Domain.Tests.TestData;

/// <summary>The 2021–2025 catalogue exactly as shipped in <c>catalogues/2021-2025.catalogue.json</c>.</summary>
internal static class ShippedCatalogue
{
    public static readonly string Json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "catalogues", "2021-2025.catalogue.json"));

    public static readonly ProgrammePeriod Period2021To2025 = CatalogueReader.Read(Json).Period
        ?? throw new InvalidOperationException("The shipped catalogue does not load: " + string.Join("; ", CatalogueReader.Read(Json).Problems));
}
