using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Common;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Settlements.OpenSettlement;

/// <summary>The agency opens its approved proposal's settlement: the proposal moves to Settling and the settlement workflow starts, together.</summary>
public sealed record OpenSettlementCommand(Guid ProposalId, SettlementInput Input) : IRequest<SettlementOpened>;

public sealed record SettlementOpened(Guid Id, string Code, Guid InstanceId, string State);

public sealed class OpenSettlementValidator : AbstractValidator<OpenSettlementCommand>
{
    public OpenSettlementValidator()
    {
        RuleFor(c => c.Input).NotNull().WithMessage("Gửi hồ sơ nghiệm thu, quyết toán.");
        RuleFor(c => c.Input).SetValidator(new SettlementInputValidator()).OverridePropertyName("").When(c => c.Input is not null);
    }
}

public sealed class OpenSettlementHandler(WorkflowDbContext db, ProposalAccess access, IWorkflowRuntime runtime, TimeProvider clock,
    Domain.Monitoring.Indicators.IndicatorCatalogues indicators)
    : IRequestHandler<OpenSettlementCommand, SettlementOpened>
{
    public async Task<SettlementOpened> Handle(OpenSettlementCommand request, CancellationToken cancellationToken)
    {
        var proposal = await access.FindAsync(request.ProposalId, cancellationToken);
        access.EnsureOwnAgency(proposal, "lập hồ sơ quyết toán");
        if (await db.Settlements.AnyAsync(s => s.ProposalId == proposal.Id, cancellationToken))
            throw new ConflictException("Đề xuất đã có hồ sơ quyết toán; hãy sửa hồ sơ đó.", "settlement.exists");
        var content = request.Input.ToContent() with
        {
            ActualOutputs = Monitoring.Indicators.OutputsInput.Check(indicators, request.Input.ActualOutputs, proposal.FiscalYear, proposal.Component, "actualOutputs"),
        };

        await using var transaction = await WorkTransaction.BeginAsync(db, cancellationToken);
        var code = await db.NextDossierCodeAsync(DossierCode.Settlement, proposal.UnitCode, proposal.FiscalYear, cancellationToken);
        var settlement = Settlement.Open(Guid.NewGuid(), code, proposal.Id, proposal.UnitCode, content, access.Actor.UserName, clock.GetUtcNow());
        var instanceId = Guid.NewGuid();
        settlement.AttachTo(instanceId);
        db.Settlements.Add(settlement);
        // the proposal's own workflow says whether it may go into settlement (only when approved)
        await runtime.FireWithoutSavingAsync(proposal.InstanceId, ProposalProcess.StartSettlementAction, access.Actor, null, null, cancellationToken);
        var subject = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == proposal.InstanceId).Select(i => new { i.UnitCode, i.AgencyCode, i.ParentUnitCode }).SingleAsync(cancellationToken);
        var instance = await runtime.StartAsync(SettlementProcess.DefinitionId, new WorkflowSubject(SettlementProcess.SubjectType, settlement.Id, subject.UnitCode, subject.AgencyCode, subject.ParentUnitCode),
            access.Actor, cancellationToken, instanceId);
        await transaction.CommitAsync(cancellationToken);
        return new SettlementOpened(settlement.Id, settlement.Code, instance.Id, instance.State);
    }
}
