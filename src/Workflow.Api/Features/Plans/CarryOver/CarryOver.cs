using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger;
using Workflow.Domain.Ledger.Rules;
using Workflow.Domain.Money;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.CarryOver;

/// <summary>
/// Chuyển nguồn (RULES.md 19): the finance office carries a line of a year that has ended into the same
/// component's line of the next year's plan. The uncommitted allocation moves; approved proposals keep
/// disbursing on the carried line.
/// </summary>
public sealed record CarryOverCommand(Guid PlanId, string? Component, string? DecisionReference) : IRequest<CarryoverResult>;

public sealed record CarryoverResult(Guid Id, Guid FromPlanLineId, Guid ToPlanLineId, IReadOnlyDictionary<FundingSource, long> Moved, long CommitmentsKept);

public sealed class CarryOverValidator : AbstractValidator<CarryOverCommand>
{
    public CarryOverValidator()
    {
        RuleFor(c => c.Component).NotEmpty().WithMessage("Chọn dự án (component) cần chuyển nguồn.");
        RuleFor(c => c.DecisionReference).NotEmpty().WithMessage("Nhập số, ngày văn bản cho phép chuyển nguồn.").MaximumLength(256).WithMessage("Tối đa 256 ký tự.");
    }
}

public sealed class CarryOverHandler(WorkflowDbContext db, PlanAccess access, ICurrentUser user, TimeProvider clock) : IRequestHandler<CarryOverCommand, CarryoverResult>
{
    public async Task<CarryoverResult> Handle(CarryOverCommand request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.PlanId, cancellationToken);
        var line = plan.Lines.FirstOrDefault(l => l.ComponentCode == request.Component)
            ?? throw new ValidationFailedException("component", $"Kế hoạch không có dòng {request.Component}.");
        var now = clock.GetUtcNow();
        var early = FiscalYearClose.CheckCarryover(plan.FiscalYear, now).ToList();
        if (early.Count > 0) throw new ConflictException(early[0].Message, "carryover.yearOpen") { Violations = early };
        if (await db.Lapses.AnyAsync(x => x.PlanLineId == line.Id, cancellationToken))
            throw new ConflictException($"Dòng {line.ComponentCode} năm {plan.FiscalYear} đã được hủy dự toán; không chuyển nguồn được.", "carryover.lapsed");
        if (await db.Carryovers.AnyAsync(c => c.FromPlanLineId == line.Id, cancellationToken))
            throw new ConflictException($"Dòng {line.ComponentCode} năm {plan.FiscalYear} đã được chuyển nguồn.", "carryover.exists");
        var next = await db.Plans.AsNoTracking().Include(p => p.Lines)
            .SingleOrDefaultAsync(p => p.UnitCode == plan.UnitCode && p.FiscalYear == plan.FiscalYear + 1, cancellationToken);
        var target = next?.Lines.FirstOrDefault(l => l.ComponentCode == line.ComponentCode)
            ?? throw new ConflictException($"Chưa có dòng {line.ComponentCode} trong kế hoạch năm {plan.FiscalYear + 1} của đơn vị để nhận nguồn chuyển sang.", "carryover.noTarget");

        var from = await db.Balances.Where(b => b.PlanLineId == line.Id).ToDictionaryAsync(b => b.Source, cancellationToken);
        var to = await db.Balances.Where(b => b.PlanLineId == target.Id).ToDictionaryAsync(b => b.Source, cancellationToken);
        var reference = new LedgerReference(now, user.UserName, $"Chuyển nguồn {line.ComponentCode} năm {plan.FiscalYear} sang {plan.FiscalYear + 1} ({request.DecisionReference})");
        var moved = FiscalYearClose.CarriedAmounts(SourceAmounts.Of(s => from[s].Allocated), SourceAmounts.Of(s => from[s].Committed));
        db.Move(from, LedgerEntryKind.CarryOut, moved, reference);
        db.Move(to, LedgerEntryKind.CarryIn, moved, reference);
        var kept = SourceAmounts.Of(s => from[s].Committed - from[s].Disbursed);
        var carryover = new Carryover(Guid.NewGuid(), line.Id, target.Id, request.DecisionReference!.Trim(), moved, kept, user.UserName, now);
        db.Carryovers.Add(carryover);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"Dòng {line.ComponentCode} năm {plan.FiscalYear} vừa được chuyển nguồn.", "carryover.exists");
        }
        return new CarryoverResult(carryover.Id, line.Id, target.Id, moved.ToDictionary(), carryover.KeptCommitments);
    }
}
