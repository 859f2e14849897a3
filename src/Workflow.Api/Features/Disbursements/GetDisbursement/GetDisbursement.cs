using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Api.Features.Workflows.History;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Disbursements.GetDisbursement;

public sealed record GetDisbursementQuery(Guid Id) : IRequest<DisbursementDetail>;

public sealed record DisbursementDetail(
    Guid Id, string Code, Guid ProposalId, string ProposalCode, DisbursementKind Kind, long Total, IReadOnlyDictionary<FundingSource, long> Split,
    IReadOnlyDictionary<FundingSource, long> Cash, long? ContractValue, string? Note, string? TreasuryReference, DateOnly? PaidOn,
    Guid InstanceId, string State, string StateName, IReadOnlyList<ActionView> AvailableActions, IReadOnlyList<HistoryEntry> History,
    DateTimeOffset CreatedAt, string CreatedBy, string CreatedByName, int? PolicyVersionId, PaymentDetails Payment, TreasuryCheck? TreasuryCheck);

public sealed class GetDisbursementHandler(WorkflowDbContext db, ProposalAccess access, CallerActions callerActions, IMediator mediator)
    : IRequestHandler<GetDisbursementQuery, DisbursementDetail>
{
    public async Task<DisbursementDetail> Handle(GetDisbursementQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        var d = await db.Disbursements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id && visible.Any(p => p.Id == x.ProposalId), cancellationToken)
            ?? throw new NotFoundException($"Không tìm thấy đề nghị giải ngân {request.Id}.");
        var proposalCode = await db.Proposals.AsNoTracking().Where(p => p.Id == d.ProposalId).Select(p => p.Code).SingleAsync(cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == d.InstanceId, cancellationToken);
        var standing = await callerActions.OfAsync(instance, cancellationToken);
        return new DisbursementDetail(d.Id, d.Code, d.ProposalId, proposalCode, d.Kind, d.Total, d.Amounts.ToDictionary(),
            d.Cash.ToDictionary(), d.ContractValue, d.Note, d.TreasuryReference, d.PaidOn,
            instance.Id, instance.State, standing.StateName,
            standing.Actions,
            await mediator.Send(new GetHistoryQuery(DisbursementProcess.SubjectType, d.Id), cancellationToken), d.CreatedAt, d.CreatedBy,
            (await PeopleNames.OfAsync(db, [d.CreatedBy], cancellationToken)).GetValueOrDefault(d.CreatedBy, d.CreatedBy), d.PolicyVersionId,
            d.Payment, d.TreasuryCheck);
    }
}
