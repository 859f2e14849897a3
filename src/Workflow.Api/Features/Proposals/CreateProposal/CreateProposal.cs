using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Proposals.CreateProposal;

/// <summary>A lead-agency officer drafts a proposal on one of their agency's plan lines; its workflow starts in Draft.</summary>
public sealed record CreateProposalCommand(ProposalInput Input) : IRequest<ProposalCreated>;

public sealed record ProposalCreated(Guid Id, string Code, Guid InstanceId, string State);

public sealed class CreateProposalValidator : AbstractValidator<CreateProposalCommand>
{
    public CreateProposalValidator()
    {
        RuleFor(c => c.Input).NotNull().WithMessage("Gửi nội dung đề xuất.");
        RuleFor(c => c.Input.PlanLineId).NotNull().WithMessage("Chọn dòng kế hoạch (planLineId).").OverridePropertyName("planLineId").When(c => c.Input is not null);
        RuleFor(c => c.Input).SetValidator(new ProposalInputValidator()).OverridePropertyName("").When(c => c.Input is not null);
    }
}

public sealed class CreateProposalHandler(WorkflowDbContext db, ICurrentUser user, IWorkflowRuntime runtime, TimeProvider clock, Domain.Monitoring.Indicators.IndicatorCatalogues indicators)
    : IRequestHandler<CreateProposalCommand, ProposalCreated>
{
    public async Task<ProposalCreated> Handle(CreateProposalCommand request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var line = await db.PlanLines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == input.PlanLineId, cancellationToken)
            ?? throw new ValidationFailedException("planLineId", "Không có dòng kế hoạch này.");
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == line.PlanId, cancellationToken);
        if (!LeadAgencyOwnsProposal.MayDraft(line.LeadAgencyCode, plan.UnitCode, user.IsIn(Roles.LeadAgency), user.AgencyCode, user.UnitCode))
            throw new ForbiddenException(LeadAgencyOwnsProposal.DraftRefusal);

        var content = input.ToContent() with
        {
            PlannedOutputs = Monitoring.Indicators.OutputsInput.Check(indicators, input.PlannedOutputs, plan.FiscalYear, line.ComponentCode, "plannedOutputs"),
        };
        var (split, byHand) = ProposalSplit.Resolve(content, line);
        var now = clock.GetUtcNow();
        // the number, the proposal and its instance commit together, so numbers have no gaps
        await using var transaction = await WorkTransaction.BeginAsync(db, cancellationToken);
        var code = await db.NextDossierCodeAsync(DossierCode.Proposal, plan.UnitCode, plan.FiscalYear, cancellationToken);
        var proposal = Proposal.Draft(Guid.NewGuid(), code,
            plan.Id, line.Id, line.ComponentCode, line.LeadAgencyCode, plan.UnitCode, plan.FiscalYear, content, split, byHand, user.UserName, now);
        var instanceId = Guid.NewGuid();
        proposal.AttachTo(instanceId);
        db.Proposals.Add(proposal);

        // the national root takes no part in a province's processes: a province's parent-unit tasks stay in the province
        var parent = await db.AdminUnits.AsNoTracking().Where(u => u.Code == plan.UnitCode)
            .Select(u => u.Level == Domain.Catalog.AdminLevel.Province ? null : u.ParentCode).SingleAsync(cancellationToken);
        var actor = new Actor(user.Id, user.UserName, user.Roles, user.AgencyCode, user.UnitCode);
        var instance = await runtime.StartAsync(ProposalProcess.DefinitionId, new WorkflowSubject(ProposalProcess.SubjectType, proposal.Id, plan.UnitCode, line.LeadAgencyCode, parent),
            actor, cancellationToken, instanceId); // saves the proposal with its instance
        await transaction.CommitAsync(cancellationToken);
        return new ProposalCreated(proposal.Id, proposal.Code, instance.Id, instance.State);
    }
}

/// <summary>RULES.md 8 at the form: the split by the line's ratio (<see cref="SplitFollowsLine"/>), or a hand split checked against it.</summary>
public static class ProposalSplit
{
    public static (SourceAmounts Split, bool ByHand) Resolve(ProposalContent content, Domain.Plans.PlanLine line)
    {
        var violations = ProposalRules.CheckContent(content).ToList();
        var unfundable = SplitFollowsLine.CheckLineCanFund(line.ComponentCode, content.StateSupport, line.Amounts).ToList();
        violations.AddRange(unfundable);
        var byLine = SplitFollowsLine.ByLine(content.StateSupport, line.Amounts);
        if (content.Split is { } hand && unfundable.Count == 0)
            violations.AddRange(SplitFollowsLine.CheckHandSplit(content.StateSupport, hand, byLine));
        if (violations.Count > 0) throw new ValidationFailedException(violations);
        return content.Split is { } entered ? (entered, true) : (byLine, false);
    }
}
