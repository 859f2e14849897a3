using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Api.Features.Workflows.History;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Settlements.GetSettlement;

public sealed record GetSettlementQuery(Guid Id) : IRequest<SettlementDetail>;

public sealed record SettlementDetail(
    Guid Id, string Code, Guid ProposalId, string ProposalCode, string Outputs, DateOnly? AcceptedOn, Beneficiaries Planned, Beneficiaries Reached,
    IReadOnlyDictionary<FundingSource, long> ActualCost, long ActualTotal, IReadOnlyDictionary<FundingSource, long> RefundDue,
    Guid InstanceId, string State, string StateName, SettlementStatus Status, IReadOnlyList<ActionView> AvailableActions, IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<Monitoring.Indicators.OutputView> ActualOutputs, IReadOnlyList<Monitoring.Indicators.OutputComparison> OutputsPlannedAndActual);

public sealed class GetSettlementHandler(WorkflowDbContext db, ProposalAccess access, CallerActions callerActions, IMediator mediator,
    Domain.Monitoring.Indicators.IndicatorCatalogues indicators)
    : IRequestHandler<GetSettlementQuery, SettlementDetail>
{
    public async Task<SettlementDetail> Handle(GetSettlementQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        var s = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id && visible.Any(p => p.Id == x.ProposalId), cancellationToken)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ quyết toán {request.Id}.");
        var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == s.ProposalId, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == s.InstanceId, cancellationToken);
        var standing = await callerActions.OfAsync(instance, cancellationToken);
        return new SettlementDetail(s.Id, s.Code, s.ProposalId, proposal.Code, s.Outputs, s.AcceptedOn, proposal.Beneficiaries, s.Reached,
            s.ActualCost.ToDictionary(), s.ActualTotal, s.RefundDue.ToDictionary(),
            instance.Id, instance.State, standing.StateName, Settlement.StatusOf(instance.State),
            standing.Actions,
            await mediator.Send(new GetHistoryQuery(SettlementProcess.SubjectType, s.Id), cancellationToken),
            Monitoring.Indicators.OutputView.Of(indicators, proposal.FiscalYear, s.ActualOutputs), Compare(proposal, s));
    }

    /// <summary>Each indicator either side lists, in the proposal's order, then those only the acceptance added.</summary>
    private IReadOnlyList<Monitoring.Indicators.OutputComparison> Compare(Proposal proposal, Settlement s)
    {
        var planned = Monitoring.Indicators.OutputView.Of(indicators, proposal.FiscalYear, proposal.PlannedOutputs);
        var actual = Monitoring.Indicators.OutputView.Of(indicators, proposal.FiscalYear, s.ActualOutputs);
        return [.. planned.Concat(actual).DistinctBy(o => o.Indicator).Select(o => new Monitoring.Indicators.OutputComparison(o.Indicator, o.Name, o.Unit,
            planned.FirstOrDefault(p => p.Indicator == o.Indicator)?.Quantity, actual.FirstOrDefault(a => a.Indicator == o.Indicator)?.Quantity))];
    }
}
