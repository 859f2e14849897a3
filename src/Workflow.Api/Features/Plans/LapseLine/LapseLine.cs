using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger;
using Workflow.Domain.Ledger.Rules;
using Workflow.Domain.Money;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;

namespace Workflow.Api.Features.Plans.LapseLine;

/// <summary>
/// Hủy dự toán (RULES.md 25): after the close, the finance office lets a line's uncommitted allocation lapse, with the
/// decision that allows it. Commitments of approved proposals stay on the line; only what nobody committed leaves it.
/// </summary>
public sealed record LapseLineCommand(Guid PlanId, string? Component, string? DecisionReference) : IRequest<LapseResult>;

public sealed record LapseResult(Guid Id, Guid PlanLineId, string Component, IReadOnlyDictionary<FundingSource, long> Lapsed, long Total);

public sealed class LapseLineValidator : AbstractValidator<LapseLineCommand>
{
    public LapseLineValidator()
    {
        RuleFor(c => c.Component).NotEmpty().WithMessage("Chọn dự án (component) cần hủy dự toán.");
        RuleFor(c => c.DecisionReference).NotEmpty().WithMessage("Nhập số, ngày văn bản cho phép hủy dự toán.").MaximumLength(256).WithMessage("Tối đa 256 ký tự.")
            .Must(r => r is null || !r.Any(char.IsControl)).WithMessage("Không dùng ký tự điều khiển.");
    }
}

public sealed class LapseLineHandler(WorkflowDbContext db, PlanAccess access, ICurrentUser user, TimeProvider clock) : IRequestHandler<LapseLineCommand, LapseResult>
{
    public async Task<LapseResult> Handle(LapseLineCommand request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.PlanId, cancellationToken);
        var line = plan.Lines.FirstOrDefault(l => l.ComponentCode == request.Component)
            ?? throw new ValidationFailedException("component", $"Kế hoạch không có dòng {request.Component}.");
        var now = clock.GetUtcNow();
        var end = await db.AdjustmentPeriodEndAsync(plan.UnitCode, plan.FiscalYear, now, cancellationToken);
        var early = FiscalYearClose.CheckLapse(plan.FiscalYear, now, end?.Value, end?.Basis).ToList();
        if (early.Count > 0) throw new ConflictException(early[0].Message, "lapse.yearOpen") { Violations = early };
        if (await db.Lapses.AnyAsync(x => x.PlanLineId == line.Id, cancellationToken))
            throw new ConflictException($"Dòng {line.ComponentCode} năm {plan.FiscalYear} đã được hủy dự toán.", "lapse.exists");
        if (await db.Carryovers.AnyAsync(c => c.FromPlanLineId == line.Id, cancellationToken))
            throw new ConflictException($"Dòng {line.ComponentCode} năm {plan.FiscalYear} đã được chuyển nguồn; không hủy dự toán số đã chuyển.", "lapse.carriedOver");

        var balances = await db.BalancesAsync(line.Id, cancellationToken);
        var lapsed = FiscalYearClose.CarriedAmounts(SourceAmounts.Of(s => balances[s].Allocated), SourceAmounts.Of(s => balances[s].Committed));
        if (lapsed.IsZero)
            throw new ConflictException($"Dòng {line.ComponentCode} không còn số chưa cam kết để hủy.", "lapse.nothingLeft");
        var reference = new LedgerReference(now, user.UserName, $"Hủy dự toán {line.ComponentCode} năm {plan.FiscalYear} ({request.DecisionReference!.Trim()})");
        db.Move(balances, LedgerEntryKind.Lapse, lapsed, reference);
        var lapse = new Lapse(Guid.NewGuid(), line.Id, request.DecisionReference.Trim(), lapsed, user.UserName, now);
        db.Lapses.Add(lapse);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"Dòng {line.ComponentCode} năm {plan.FiscalYear} vừa được hủy dự toán.", "lapse.exists");
        }
        return new LapseResult(lapse.Id, line.Id, line.ComponentCode, lapsed.ToDictionary(), lapsed.Total);
    }
}
