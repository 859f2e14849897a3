using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;
using Workflow.Api.Common;
using Workflow.Api.Features.Search;
using Workflow.Domain.Common;

namespace Workflow.Api.Features.Settlements.ListSettlements;

/// <summary>The settlements the caller may see, newest change first, filtered as a finance office follows them to their close.</summary>
public sealed record ListSettlementsQuery(Guid? PlanId, string? Agency, int? FiscalYear, string? State, int Page, int PageSize, DossierSearch? Search = null)
    : IRequest<SettlementPage>;

public sealed record SettlementPage(IReadOnlyList<SettlementListItem> Items, int Page, int PageSize, int Total);

/// <param name="RefundDue">Money paid beyond the actual cost, still to come back.</param>
public sealed record SettlementListItem(
    Guid Id, string Code, Guid ProposalId, string ProposalCode, string ProposalTitle, string AgencyCode, int FiscalYear, DateOnly? AcceptedOn,
    long ActualTotal, long RefundDue, string State, string StateName, SettlementStatus Status, DateTimeOffset UpdatedAt);

public sealed class ListSettlementsHandler(WorkflowDbContext db, ProposalAccess access, DefinitionCatalog catalog)
    : IRequestHandler<ListSettlementsQuery, SettlementPage>
{
    public async Task<SettlementPage> Handle(ListSettlementsQuery request, CancellationToken cancellationToken)
    {
        var proposals = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        if (request.PlanId is { } planId) proposals = proposals.Where(p => p.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(request.Agency)) proposals = proposals.Where(p => p.AgencyCode == request.Agency);
        if (request.FiscalYear is { } year) proposals = proposals.Where(p => p.FiscalYear == year);
        var settlements = db.Settlements.AsNoTracking();
        if (request.Search is { NarrowsProposals: true } words) proposals = words.Proposals(proposals);
        else if (request.Search is { } code) settlements = settlements.Where(s => s.Code == code.OwnCode(DossierCode.Settlement));
        var rows = from s in settlements
                   join p in proposals on s.ProposalId equals p.Id
                   join i in db.WorkflowInstances on s.InstanceId equals i.Id
                   select new { s, ProposalCode = p.Code, ProposalTitle = p.Title, p.AgencyCode, p.FiscalYear, i.State, i.DefinitionId, i.DefinitionVersion };
        if (!string.IsNullOrWhiteSpace(request.State)) rows = rows.Where(r => r.State == request.State);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.s.UpdatedAt).ThenByDescending(r => r.s.UnitCode).ThenByDescending(r => r.s.Code)
            .Skip(ListPaging.Offset(request.Page, request.PageSize)).Take(request.PageSize).ToListAsync(cancellationToken);
        return new SettlementPage(page.Select(r => new SettlementListItem(r.s.Id, r.s.Code, r.s.ProposalId, r.ProposalCode, r.ProposalTitle, r.AgencyCode,
            r.FiscalYear, r.s.AcceptedOn, r.s.ActualTotal, r.s.RefundDue.Total, r.State, catalog.Get(r.DefinitionId, r.DefinitionVersion).State(r.State).DisplayName,
            Settlement.StatusOf(r.State), r.s.UpdatedAt)).ToList(), request.Page, request.PageSize, total);
    }
}
