using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Plans;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Api.Features.Plans.GetPlan;

public sealed record GetPlanQuery(Guid Id) : IRequest<PlanDetail>;

public sealed record PlanDetail(
    Guid Id, int FiscalYear, UnitDto Unit, DecisionInfo Decision, CounterpartDto Counterpart, int Version,
    IReadOnlyList<PlanLineDto> Lines, IReadOnlyDictionary<FundingSource, long> Totals, long Total,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, PlanCatalogue Catalogue, int? PolicyVersionId);

public sealed record UnitDto(string Code, string Name, AdminLevel Level, string? ParentCode);

/// <param name="Stated">True when the plan file stated its own terms; false when the province's policy was applied.</param>
/// <param name="Basis">The legal basis of the rates in the policy version the plan was checked against, an illustrative value saying so; null without one.</param>
public sealed record CounterpartDto(decimal MinimumLocalRate, IReadOnlyDictionary<FundingSource, decimal> Rates, long RoundingUnit, bool Stated,
    string? Basis = null, string? Policy = null);

public sealed record PlanLineDto(
    Guid Id, string Component, string ComponentName, string LeadAgencyCode, string LeadAgencyName,
    IReadOnlyDictionary<FundingSource, long> Amounts, long Total);

public sealed class GetPlanHandler(WorkflowDbContext db, PlanAccess access, ProgrammeCatalogues catalogues) : IRequestHandler<GetPlanQuery, PlanDetail>
{
    public async Task<PlanDetail> Handle(GetPlanQuery request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.Id, cancellationToken);
        var unit = await db.AdminUnits.AsNoTracking().SingleAsync(u => u.Code == plan.UnitCode, cancellationToken);
        var agencyCodes = plan.Lines.Select(l => l.LeadAgencyCode).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var counterpart = plan.Counterpart;
        var catalogue = catalogues.For(plan.FiscalYear);
        var policy = await db.PolicyVersionAsync(plan.PolicyVersionId, cancellationToken);

        return new PlanDetail(
            plan.Id, plan.FiscalYear, new UnitDto(unit.Code, unit.Name, unit.Level, unit.ParentCode),
            new DecisionInfo(plan.DecisionNumber, plan.DecisionDate, plan.DecisionIssuer, plan.DecisionTitle, plan.DecisionBasis),
            new CounterpartDto(counterpart.MinimumLocalRate, counterpart.Rates, counterpart.RoundingUnit, plan.CounterpartStated,
                policy?.Values.CounterpartRates.Cited, policy is null ? null : $"{policy.ProvinceCode}/{policy.FiscalYear}/{policy.Version}"),
            plan.Version,
            plan.Lines.OrderBy(l => l.Position).Select(l => new PlanLineDto(
                l.Id, l.ComponentCode, catalogue.Period.NameOf(l.ComponentCode),
                l.LeadAgencyCode, agencies[l.LeadAgencyCode], l.Amounts.ToDictionary(), l.Total)).ToList(),
            plan.Totals.ToDictionary(), plan.Totals.Total,
            plan.CreatedAt, plan.CreatedBy, plan.UpdatedAt, PlanCatalogue.Of(catalogue), plan.PolicyVersionId);
    }
}
