using Workflow.Domain.Catalog;

namespace Workflow.Api.Features.Plans;

/// <summary>
/// The programme period a plan's fiscal year uses (docs/plan-file.md#programme-periods): which list, which version,
/// its legal basis, and — when no loaded period covers the year — <c>provisional: true</c> with the notice every page
/// and export of the plan repeats.
/// </summary>
public sealed record PlanCatalogue(string Period, int Version, string LegalBasis, bool Provisional, string? Notice)
{
    public static PlanCatalogue Of(CatalogueChoice choice) =>
        new(choice.Period.Id, choice.Period.Version, choice.Period.LegalBasis, choice.Provisional, choice.Notice);
}
