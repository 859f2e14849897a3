using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Ledger;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.ImportPlan;

/// <summary>Imports a plan file as version 1 of a new plan (RULES.md 1–5). One plan per unit and fiscal year.</summary>
public sealed record ImportPlanCommand(JsonElement Body) : IRequest<PlanCreated>;

public sealed record PlanCreated(Guid Id, int FiscalYear, string UnitCode, int Version);

public sealed class ImportPlanHandler(WorkflowDbContext db, PlanOrganisation organisation, PlanLedger ledger, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ImportPlanCommand, PlanCreated>
{
    public async Task<PlanCreated> Handle(ImportPlanCommand request, CancellationToken cancellationToken)
    {
        var content = PlanFile.Read(request.Body);
        var context = await organisation.CheckAsync(content, cancellationToken);

        var existing = await db.Plans.AsNoTracking()
            .Where(p => p.UnitCode == content.Unit.Code && p.FiscalYear == content.FiscalYear)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null) throw Duplicate(content, existing);

        var plan = Plan.Import(Guid.NewGuid(), content, context.Applied, context.Agencies, user.UserName, clock.GetUtcNow(), PlanFile.Write(content));
        plan.RecordPolicyVersion(context.PolicyVersionId);
        organisation.AddNewOrganisation(context);
        db.Plans.Add(plan);
        await ledger.SyncAsync(plan, user.UserName, clock.GetUtcNow(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // a concurrent import of the same unit and year won the race
            throw Duplicate(content, null);
        }
        return new PlanCreated(plan.Id, plan.FiscalYear, plan.UnitCode, plan.Version);
    }

    private static ConflictException Duplicate(PlanContent content, Guid? existing) => new(
        $"Đơn vị {content.Unit.Name} đã có kế hoạch vốn năm {content.FiscalYear}" +
        (existing is null ? "" : $" (mã {existing})") +
        ". Muốn thay đổi, hãy lập bản điều chỉnh: POST /api/plans/{id}/revisions.",
        "plan.duplicate");
}
