using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Disbursements;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;
using Workflow.Api.Common;
using Workflow.Api.Features.Search;
using Workflow.Domain.Common;

namespace Workflow.Api.Features.Disbursements.ListDisbursements;

/// <summary>The advances and payments the caller may see, newest change first, filtered as a finance office or treasury clears them.</summary>
public sealed record ListDisbursementsQuery(Guid? PlanId, Guid? ProposalId, string? Agency, int? FiscalYear, DisbursementKind? Kind, string? State, int Page, int PageSize,
    DossierSearch? Search = null) : IRequest<DisbursementPage>;

public sealed record DisbursementPage(IReadOnlyList<DisbursementListItem> Items, int Page, int PageSize, int Total);

public sealed record DisbursementListItem(
    Guid Id, string Code, Guid ProposalId, string ProposalCode, string ProposalTitle, string AgencyCode, int FiscalYear, DisbursementKind Kind,
    long Total, string State, string StateName, string? TreasuryReference, DateOnly? PaidOn, DateTimeOffset UpdatedAt);

public sealed class ListDisbursementsHandler(WorkflowDbContext db, ProposalAccess access, DefinitionCatalog catalog)
    : IRequestHandler<ListDisbursementsQuery, DisbursementPage>
{
    public async Task<DisbursementPage> Handle(ListDisbursementsQuery request, CancellationToken cancellationToken)
    {
        var proposals = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        if (request.PlanId is { } planId) proposals = proposals.Where(p => p.PlanId == planId);
        if (request.ProposalId is { } proposalId) proposals = proposals.Where(p => p.Id == proposalId);
        if (!string.IsNullOrWhiteSpace(request.Agency)) proposals = proposals.Where(p => p.AgencyCode == request.Agency);
        if (request.FiscalYear is { } year) proposals = proposals.Where(p => p.FiscalYear == year);
        var disbursements = db.Disbursements.AsNoTracking();
        if (request.Search is { NarrowsProposals: true } words) proposals = words.Proposals(proposals);
        else if (request.Search is { } code) disbursements = disbursements.Where(d => d.Code == code.OwnCode(DossierCode.Disbursement));
        var rows = from d in disbursements
                   join p in proposals on d.ProposalId equals p.Id
                   join i in db.WorkflowInstances on d.InstanceId equals i.Id
                   select new { d, ProposalCode = p.Code, ProposalTitle = p.Title, p.AgencyCode, p.FiscalYear, i.State, i.DefinitionId, i.DefinitionVersion };
        if (request.Kind is { } kind) rows = rows.Where(r => r.d.Kind == kind);
        if (!string.IsNullOrWhiteSpace(request.State)) rows = rows.Where(r => r.State == request.State);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.d.UpdatedAt).ThenByDescending(r => r.d.UnitCode).ThenByDescending(r => r.d.Code)
            .Skip(ListPaging.Offset(request.Page, request.PageSize)).Take(request.PageSize).ToListAsync(cancellationToken);
        return new DisbursementPage(page.Select(r => new DisbursementListItem(r.d.Id, r.d.Code, r.d.ProposalId, r.ProposalCode, r.ProposalTitle, r.AgencyCode,
            r.FiscalYear, r.d.Kind, r.d.Total, r.State, catalog.Get(r.DefinitionId, r.DefinitionVersion).State(r.State).DisplayName, r.d.TreasuryReference,
            r.d.PaidOn, r.d.UpdatedAt)).ToList(), request.Page, request.PageSize, total);
    }
}
