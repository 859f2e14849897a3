using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Settlements.EditSettlement;

public sealed record EditSettlementCommand(Guid Id, SettlementInput Input) : IRequest<Guid>;

public sealed record SettlementEdited(Guid Id);

public sealed class EditSettlementValidator : AbstractValidator<EditSettlementCommand>
{
    public EditSettlementValidator()
    {
        RuleFor(c => c.Input).NotNull().WithMessage("Gửi hồ sơ nghiệm thu, quyết toán.");
        RuleFor(c => c.Input).SetValidator(new SettlementInputValidator()).OverridePropertyName("").When(c => c.Input is not null);
    }
}

public sealed class EditSettlementHandler(WorkflowDbContext db, ProposalAccess access, TimeProvider clock, Domain.Monitoring.Indicators.IndicatorCatalogues indicators) : IRequestHandler<EditSettlementCommand, Guid>
{
    public async Task<Guid> Handle(EditSettlementCommand request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken);
        var settlement = await db.Settlements.SingleOrDefaultAsync(s => s.Id == request.Id && visible.Any(p => p.Id == s.ProposalId), cancellationToken)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ quyết toán {request.Id}.");
        var proposal = await access.FindAsync(settlement.ProposalId, cancellationToken);
        access.EnsureOwnAgency(proposal, "sửa hồ sơ quyết toán");
        var state = await db.WorkflowInstances.Where(i => i.Id == settlement.InstanceId).Select(i => i.State).SingleAsync(cancellationToken);
        var content = request.Input.ToContent() with
        {
            ActualOutputs = Monitoring.Indicators.OutputsInput.Check(indicators, request.Input.ActualOutputs, proposal.FiscalYear, proposal.Component, "actualOutputs")
                            ?? settlement.ActualOutputs,
        };
        settlement.Edit(content, state, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return settlement.Id;
    }
}
