using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals.CreateProposal;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Proposals.EditProposal;

/// <summary>The agency corrects its draft (also after a return for revision). The plan line stays.</summary>
public sealed record EditProposalCommand(Guid Id, ProposalInput Input) : IRequest<ProposalEdited>;

public sealed record ProposalEdited(Guid Id, int Revision);

public sealed class EditProposalValidator : AbstractValidator<EditProposalCommand>
{
    public EditProposalValidator()
    {
        RuleFor(c => c.Input).NotNull().WithMessage("Gửi nội dung đề xuất.");
        RuleFor(c => c.Input).SetValidator(new ProposalInputValidator()).OverridePropertyName("").When(c => c.Input is not null);
    }
}

public sealed class EditProposalHandler(WorkflowDbContext db, ProposalAccess access, TimeProvider clock, Domain.Monitoring.Indicators.IndicatorCatalogues indicators) : IRequestHandler<EditProposalCommand, ProposalEdited>
{
    public async Task<ProposalEdited> Handle(EditProposalCommand request, CancellationToken cancellationToken)
    {
        var proposal = await access.FindAsync(request.Id, cancellationToken, track: true);
        access.EnsureOwnAgency(proposal, "sửa đề xuất");
        if (request.Input.PlanLineId is { } lineId && lineId != proposal.PlanLineId)
            throw new ValidationFailedException("planLineId", "Không đổi dòng kế hoạch của đề xuất đã lập; hãy rút đề xuất và lập đề xuất mới.");
        var state = await access.StateOfAsync(proposal, cancellationToken);

        var line = await db.PlanLines.AsNoTracking().SingleAsync(l => l.Id == proposal.PlanLineId, cancellationToken);
        var content = request.Input.ToContent();
        // documents named by hand (before files were uploaded) are kept when the edit does not list them: the page no longer does
        if (request.Input.Attachments is null) content = content with { Attachments = proposal.Attachments };
        // likewise for clients that do not know planned outputs yet
        content = content with
        {
            PlannedOutputs = Monitoring.Indicators.OutputsInput.Check(indicators, request.Input.PlannedOutputs, proposal.FiscalYear, proposal.Component, "plannedOutputs")
                             ?? proposal.PlannedOutputs,
        };
        var (split, byHand) = ProposalSplit.Resolve(content, line);
        proposal.Edit(content, split, byHand, state, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken); // two editors of one revision: the second gets 409
        return new ProposalEdited(proposal.Id, proposal.Revision);
    }
}
