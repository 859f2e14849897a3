using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.Catalogues.ListCatalogues;

/// <summary>Every recorded version of every programme period, earliest period first, newest version first within it.</summary>
public sealed record ListCataloguesQuery : IRequest<IReadOnlyList<CatalogueView>>;

/// <param name="InUse">True for the version plans of these years use (the newest of its period).</param>
/// <param name="Source"><c>file</c> (the catalogues folder at start-up) or <c>admin</c> (loaded through the API).</param>
public sealed record CatalogueView(
    string Period, int Version, int FromYear, int ToYear, string LegalBasis, bool InUse, string Source, string? RegisteredBy,
    DateTimeOffset RegisteredAt, string ContentHash, int ComponentCount, IReadOnlyList<string> InScope)
{
    public static CatalogueView Of(ProgrammePeriodRecord record, ProgrammePeriod? period, bool inUse) => new(
        record.PeriodId, record.Version, record.FromYear, record.ToYear, record.LegalBasis, inUse, record.Source, record.RegisteredBy,
        record.RegisteredAt, record.ContentHash, period?.Components.Count ?? 0, period?.InScope.Select(c => c.Code).ToList() ?? []);
}

public sealed class ListCataloguesHandler(WorkflowDbContext db, ProgrammeCatalogues catalogues) : IRequestHandler<ListCataloguesQuery, IReadOnlyList<CatalogueView>>
{
    public async Task<IReadOnlyList<CatalogueView>> Handle(ListCataloguesQuery request, CancellationToken cancellationToken)
    {
        var records = await db.ProgrammePeriods.AsNoTracking().ToListAsync(cancellationToken);
        var inUse = catalogues.Current.Periods.Select(p => (p.Id, p.Version)).ToHashSet();
        return records.OrderBy(r => r.FromYear).ThenByDescending(r => r.Version)
            .Select(r => CatalogueView.Of(r, CatalogueReader.Read(r.Content).Period, inUse.Contains((r.PeriodId, r.Version))))
            .ToList();
    }
}
