using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Proposals.ListProposals;

public sealed record ListProposalsQuery(Guid? PlanId, string? Component, string? Agency, string? State, SettlementStatus? SettlementStatus, int Page, int PageSize)
    : IRequest<ProposalPage>;

public sealed record ProposalPage(IReadOnlyList<ProposalSummary> Items, int Page, int PageSize, int Total);

public sealed record ProposalSummary(
    Guid Id, string Code, string Title, string Component, string AgencyCode, string AgencyName, ProposalKind Kind, int FiscalYear,
    long StateSupport, string State, string StateName, SettlementStatus SettlementStatus, string? DecisionNumber, DateTimeOffset UpdatedAt);

public sealed class ListProposalsHandler(WorkflowDbContext db, ProposalAccess access, DefinitionCatalog catalog) : IRequestHandler<ListProposalsQuery, ProposalPage>
{
    public async Task<ProposalPage> Handle(ListProposalsQuery request, CancellationToken cancellationToken)
    {
        var proposals = (await access.VisibleAsync(cancellationToken)).AsNoTracking();
        if (request.PlanId is { } planId) proposals = proposals.Where(p => p.PlanId == planId);
        if (!string.IsNullOrWhiteSpace(request.Component)) proposals = proposals.Where(p => p.Component == request.Component);
        if (!string.IsNullOrWhiteSpace(request.Agency)) proposals = proposals.Where(p => p.AgencyCode == request.Agency);
        var rows = from p in proposals
                   join i in db.WorkflowInstances on p.InstanceId equals i.Id
                   join a in db.Agencies on p.AgencyCode equals a.Code
                   let settlementState = (from s in db.Settlements join si in db.WorkflowInstances on s.InstanceId equals si.Id where s.ProposalId == p.Id select si.State).FirstOrDefault()
                   select new { p, i.State, i.DefinitionId, i.DefinitionVersion, AgencyName = a.Name, SettlementState = settlementState };
        if (!string.IsNullOrWhiteSpace(request.State)) rows = rows.Where(r => r.State == request.State);
        if (request.SettlementStatus is { } status)
        {
            string?[] states = status switch
            {
                SettlementStatus.NotStarted => [null],
                SettlementStatus.InProgress => [SettlementProcess.Draft],
                SettlementStatus.Submitted => [SettlementProcess.Submitted, SettlementProcess.Verified],
                SettlementStatus.Approved => [SettlementProcess.Approved],
                _ => [SettlementProcess.Closed],
            };
            rows = status == SettlementStatus.NotStarted ? rows.Where(r => r.SettlementState == null) : rows.Where(r => states.Contains(r.SettlementState));
        }

        // without a filter on the process, the count needs the proposals alone (every one has its instance and agency)
        var total = string.IsNullOrWhiteSpace(request.State) && request.SettlementStatus is null
            ? await proposals.CountAsync(cancellationToken)
            : await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.p.UpdatedAt).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
        return new ProposalPage(page.Select(r => new ProposalSummary(r.p.Id, r.p.Code, r.p.Title, r.p.Component, r.p.AgencyCode, r.AgencyName, r.p.Kind, r.p.FiscalYear,
            r.p.StateSupport, r.State, catalog.Get(r.DefinitionId, r.DefinitionVersion).State(r.State).DisplayName,
            Settlement.StatusOf(r.SettlementState), r.p.DecisionNumber, r.p.UpdatedAt)).ToList(), request.Page, request.PageSize, total);
    }
}
