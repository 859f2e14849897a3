using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Search.SearchDossiers;

/// <summary>
/// One search box over proposals, disbursements and settlements (<c>GET /api/search</c>): a code or words of a title,
/// narrowed by fiscal year and lead agency, in what the caller may see. Each kind answers its total and its most
/// recently changed matches; the lists (<c>/api/proposals?q=</c>, <c>/api/disbursements?q=</c>,
/// <c>/api/settlements?q=</c>) page through the rest.
/// </summary>
public sealed record SearchDossiersQuery(DossierSearch Search, int? FiscalYear, string? Agency, int Limit) : IRequest<SearchResult>;

public sealed record SearchResult(string Query, SearchHits Proposals, SearchHits Disbursements, SearchHits Settlements);

public sealed record SearchHits(int Total, IReadOnlyList<SearchHit> Items);

/// <param name="Kind">Which list the dossier is in: <c>Proposal</c>, <c>Disbursement</c> or <c>Settlement</c>.</param>
/// <param name="Title">The proposal's title (a disbursement's or settlement's is its proposal's).</param>
/// <param name="Amount">A proposal's state support, a disbursement's amount, a settlement's actual cost.</param>
public sealed record SearchHit(string Kind, Guid Id, string Code, string? ProposalCode, string Title, string AgencyCode, string AgencyName, int FiscalYear,
    long Amount, string State, string StateName, DateTimeOffset UpdatedAt);

public sealed class SearchDossiersHandler(WorkflowDbContext db, ProposalAccess access, DefinitionCatalog catalog) : IRequestHandler<SearchDossiersQuery, SearchResult>
{
    public const int MaxLimit = 50;

    public async Task<SearchResult> Handle(SearchDossiersQuery request, CancellationToken cancellationToken)
    {
        var search = request.Search;
        var visible = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        if (request.FiscalYear is { } year) visible = visible.Where(p => p.FiscalYear == year);
        if (!string.IsNullOrWhiteSpace(request.Agency)) visible = visible.Where(p => p.AgencyCode == request.Agency);
        var matching = search.Proposals(visible);
        var narrowed = search.NarrowsProposals ? matching : visible;

        var proposals = from p in matching
                        join i in db.WorkflowInstances on p.InstanceId equals i.Id
                        join a in db.Agencies on p.AgencyCode equals a.Code
                        select new Row
                        {
                            Kind = ProposalProcess.SubjectType, Id = p.Id, Code = p.Code, ProposalCode = null,
                            Title = p.Title, AgencyCode = p.AgencyCode, AgencyName = a.Name, FiscalYear = p.FiscalYear,
                            Amount = p.StateSupport, State = i.State, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion,
                            UpdatedAt = p.UpdatedAt,
                        };
        // a disbursement's or settlement's own code finds it in every proposal the caller sees
        var disbursementRows = db.Disbursements.AsNoTracking();
        var settlementRows = db.Settlements.AsNoTracking();
        if (!search.NarrowsProposals)
        {
            var disbursementCode = search.OwnCode(DossierCode.Disbursement);
            var settlementCode = search.OwnCode(DossierCode.Settlement);
            disbursementRows = disbursementRows.Where(d => d.Code == disbursementCode);
            settlementRows = settlementRows.Where(s => s.Code == settlementCode);
        }
        var disbursements = from d in disbursementRows
                            join p in narrowed on d.ProposalId equals p.Id
                            join i in db.WorkflowInstances on d.InstanceId equals i.Id
                            join a in db.Agencies on p.AgencyCode equals a.Code
                            select new Row
                            {
                                Kind = DisbursementProcess.SubjectType, Id = d.Id, Code = d.Code, ProposalCode = p.Code,
                                Title = p.Title, AgencyCode = p.AgencyCode, AgencyName = a.Name, FiscalYear = p.FiscalYear,
                                Amount = d.Amounts.Central + d.Amounts.Provincial + d.Amounts.District + d.Amounts.Commune, State = i.State, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion,
                                UpdatedAt = d.UpdatedAt,
                            };
        var settlements = from s in settlementRows
                          join p in narrowed on s.ProposalId equals p.Id
                          join i in db.WorkflowInstances on s.InstanceId equals i.Id
                          join a in db.Agencies on p.AgencyCode equals a.Code
                          select new Row
                          {
                              Kind = SettlementProcess.SubjectType, Id = s.Id, Code = s.Code, ProposalCode = p.Code,
                              Title = p.Title, AgencyCode = p.AgencyCode, AgencyName = a.Name, FiscalYear = p.FiscalYear,
                              Amount = s.ActualCost.Central + s.ActualCost.Provincial + s.ActualCost.District + s.ActualCost.Commune, State = i.State, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion,
                              UpdatedAt = s.UpdatedAt,
                          };

        return new SearchResult(search.Text,
            await HitsAsync(proposals, request.Limit, cancellationToken),
            await HitsAsync(disbursements, request.Limit, cancellationToken),
            await HitsAsync(settlements, request.Limit, cancellationToken));
    }

    /// <summary>A hit as the database gives it (set by initialiser, so that the engine can order by its members).</summary>
    private sealed class Row
    {
        public required string Kind { get; init; }
        public Guid Id { get; init; }
        public required string Code { get; init; }
        public string? ProposalCode { get; init; }
        public required string Title { get; init; }
        public required string AgencyCode { get; init; }
        public required string AgencyName { get; init; }
        public int FiscalYear { get; init; }
        public long Amount { get; init; }
        public required string State { get; init; }
        public required string DefinitionId { get; init; }
        public int DefinitionVersion { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private async Task<SearchHits> HitsAsync(IQueryable<Row> rows, int limit, CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        if (total == 0) return new SearchHits(0, []);
        var page = await rows.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Code).Take(limit).ToListAsync(ct);
        return new SearchHits(total, page.Select(r => new SearchHit(r.Kind, r.Id, r.Code, r.ProposalCode, r.Title, r.AgencyCode, r.AgencyName, r.FiscalYear,
            r.Amount, r.State, catalog.Get(r.DefinitionId, r.DefinitionVersion).State(r.State).DisplayName, r.UpdatedAt)).ToList());
    }
}
