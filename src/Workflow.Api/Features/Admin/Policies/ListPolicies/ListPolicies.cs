using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Api.Features.Admin.Policies.ListPolicies;

/// <summary>A province's policy versions (of one fiscal year when given), newest first, and the one in force now for that year.</summary>
public sealed record ListPoliciesQuery(string? Province, int? Year) : IRequest<PolicyList>;

/// <param name="InForce">For <c>year</c>: the version rules apply now — the province's own, or its successor's when it was merged (<c>inherited</c>).</param>
public sealed record PolicyList(string ProvinceCode, string ProvinceName, int? FiscalYear, PolicyVersionView? InForce, bool Inherited,
    IReadOnlyList<PolicyVersionView> Versions);

public sealed class ListPoliciesHandler(WorkflowDbContext db, PolicyAccess access, TimeProvider clock) : IRequestHandler<ListPoliciesQuery, PolicyList>
{
    public async Task<PolicyList> Handle(ListPoliciesQuery request, CancellationToken cancellationToken)
    {
        var province = await access.ProvinceAsync(request.Province, cancellationToken);
        var query = db.ProvincePolicies.AsNoTracking().Where(p => p.ProvinceCode == province.Code);
        if (request.Year is { } year) query = query.Where(p => p.FiscalYear == year);
        var versions = (await query.ToListAsync(cancellationToken))
            .OrderByDescending(p => p.FiscalYear).ThenByDescending(p => p.Version).Select(PolicyVersionView.Of).ToList();
        var inForce = request.Year is { } y ? await db.PolicyInForceAsync(province.Code, y, clock.GetUtcNow(), cancellationToken) : null;
        return new PolicyList(province.Code, province.Name, request.Year, inForce is null ? null : PolicyVersionView.Of(inForce),
            inForce is not null && inForce.ProvinceCode != province.Code, versions);
    }
}
