using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Api.Features.Workflows.History;
using Workflow.Domain.Catalog;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Proposals.GetProposal;

public sealed record GetProposalQuery(Guid Id) : IRequest<ProposalDetail>;

public sealed record ProposalDetail(
    Guid Id, string Code, Guid PlanId, Guid PlanLineId, int FiscalYear, string Component, string ComponentName, string AgencyCode, string AgencyName, string UnitCode,
    string Title, ProposalKind Kind, ActivityType? ActivityType, AreaType AreaType, IReadOnlyList<string> Communes, DateOnly StartDate, DateOnly EndDate,
    long TotalCost, long StateSupport, IReadOnlyDictionary<FundingSource, long> Split, bool SplitByHand, ParticipantCounterpart Counterpart,
    Beneficiaries Beneficiaries, IReadOnlyList<Attachment> Attachments, long? ContractValue, string? DecisionNumber, DateOnly? DecisionDate,
    Guid InstanceId, string State, string StateName, int Revision, IReadOnlyList<ActionView> AvailableActions,
    IReadOnlyDictionary<FundingSource, MoneyPosition> Position, MoneyPosition Total,
    SettlementStatus SettlementStatus, Guid? SettlementId, IReadOnlyList<DisbursementSummary> Disbursements,
    IReadOnlyList<HistoryEntry> History, DateTimeOffset CreatedAt, string CreatedBy, string CreatedByName, int? PolicyVersionId,
    IReadOnlyList<Monitoring.Indicators.OutputView> PlannedOutputs);

/// <summary>A proposal's money in one source: approved, still committed, paid out (cash), advances not yet cleared, settled.</summary>
public sealed record MoneyPosition(long Approved, long Committed, long Disbursed, long AdvanceOutstanding, long Settled);

public sealed record DisbursementSummary(Guid Id, string Code, DisbursementKind Kind, long Total, string State, string StateName, string? TreasuryReference, DateOnly? PaidOn);

public sealed class GetProposalHandler(WorkflowDbContext db, ProposalAccess access, DefinitionCatalog catalog, ProgrammeCatalogues catalogues, CallerActions callerActions, IMediator mediator,
    Domain.Monitoring.Indicators.IndicatorCatalogues indicators)
    : IRequestHandler<GetProposalQuery, ProposalDetail>
{
    public async Task<ProposalDetail> Handle(GetProposalQuery request, CancellationToken cancellationToken)
    {
        var p = await access.FindAsync(request.Id, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == p.InstanceId, cancellationToken);
        var standing = await callerActions.OfAsync(instance, cancellationToken);
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Code == p.AgencyCode).Select(a => a.Name).SingleAsync(cancellationToken);

        var disbursements = await (from d in db.Disbursements.AsNoTracking()
                                   join i in db.WorkflowInstances on d.InstanceId equals i.Id
                                   where d.ProposalId == p.Id
                                   orderby d.CreatedAt
                                   select new { d, i.State, i.DefinitionId, i.DefinitionVersion }).ToListAsync(cancellationToken);
        var paid = disbursements.Where(x => x.d.IsPaid).Select(x => x.d).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.ProposalId == p.Id).Select(e => new { e.Source, e.Kind, e.Amount }).ToListAsync(cancellationToken);
        var settlement = await (from s in db.Settlements.AsNoTracking()
                                join i in db.WorkflowInstances on s.InstanceId equals i.Id
                                where s.ProposalId == p.Id
                                select new { s.Id, i.State }).SingleOrDefaultAsync(cancellationToken);

        var outstanding = DisbursementPosition.Of(paid).AdvanceOutstanding;
        var position = FundingSources.Budget.ToDictionary(s => s, s =>
        {
            long Sum(LedgerEntryKind kind) => entries.Where(e => e.Source == s && e.Kind == kind).Sum(e => e.Amount);
            return new MoneyPosition(p.Amount(s), Sum(LedgerEntryKind.Commit) - Sum(LedgerEntryKind.Release),
                Sum(LedgerEntryKind.Disburse) - Sum(LedgerEntryKind.Refund), outstanding[s], Sum(LedgerEntryKind.Settle));
        });
        var total = new MoneyPosition(position.Values.Sum(x => x.Approved), position.Values.Sum(x => x.Committed), position.Values.Sum(x => x.Disbursed),
            position.Values.Sum(x => x.AdvanceOutstanding), position.Values.Sum(x => x.Settled));

        return new ProposalDetail(
            p.Id, p.Code, p.PlanId, p.PlanLineId, p.FiscalYear, p.Component, catalogues.For(p.FiscalYear).Period.NameOf(p.Component), p.AgencyCode, agencyName, p.UnitCode,
            p.Title, p.Kind, p.ActivityType, p.AreaType, p.Communes, p.StartDate, p.EndDate, p.TotalCost, p.StateSupport, p.Split.ToDictionary(), p.SplitByHand, p.Counterpart,
            p.Beneficiaries, p.Attachments, p.ContractValue, p.DecisionNumber, p.DecisionDate,
            instance.Id, instance.State, standing.StateName, p.Revision, standing.Actions,
            position, total, Settlement.StatusOf(settlement?.State), settlement?.Id,
            disbursements.Select(x => new DisbursementSummary(x.d.Id, x.d.Code, x.d.Kind, x.d.Total, x.State,
                catalog.Get(x.DefinitionId, x.DefinitionVersion).State(x.State).DisplayName, x.d.TreasuryReference, x.d.PaidOn)).ToList(),
            await mediator.Send(new GetHistoryQuery(ProposalProcess.SubjectType, p.Id), cancellationToken), p.CreatedAt, p.CreatedBy,
            (await PeopleNames.OfAsync(db, [p.CreatedBy], cancellationToken)).GetValueOrDefault(p.CreatedBy, p.CreatedBy), p.PolicyVersionId,
            Monitoring.Indicators.OutputView.Of(indicators, p.FiscalYear, p.PlannedOutputs));
    }
}
