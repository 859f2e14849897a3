using Workflow.Domain.Catalog;

namespace Workflow.Infrastructure.Catalogues;

/// <summary>
/// The programme periods this server knows (the newest version of each), filled at start-up by
/// <see cref="CatalogueRegistration"/> and when an administrator loads a period. Callers ask it for the catalogue of a
/// fiscal year (<see cref="For"/>) instead of using a compiled-in list.
/// </summary>
public sealed class ProgrammeCatalogues
{
    private volatile ProgrammeCatalogue? _current;

    public ProgrammeCatalogue Current =>
        _current ?? throw new InvalidOperationException("The programme catalogues are not loaded yet; start-up registers them before serving requests.");

    public CatalogueChoice For(int fiscalYear) => Current.For(fiscalYear);

    /// <summary>Every component code in the system's scope in any period (for filters that span years).</summary>
    public IReadOnlyList<Component> InScopeAcrossPeriods() =>
        Current.Periods.SelectMany(p => p.InScope).DistinctBy(c => c.Code).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

    internal void Replace(ProgrammeCatalogue catalogue) => _current = catalogue;
}
