using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

public static class SupportPolicies
{
    /// <summary>
    /// The caps and shares of the province's policy in force (<see cref="PolicyLookup.PolicyInForceAsync"/>) with its
    /// version, or the national ones (no version) when the province has no policy.
    /// </summary>
    public static async Task<(SupportPolicy Policy, ProvincePolicy? Version)> SupportPolicyInForceAsync(this WorkflowDbContext db,
        string unitCode, int fiscalYear, DateTimeOffset at, CancellationToken ct)
    {
        var version = await db.PolicyInForceAsync(unitCode, fiscalYear, at, ct);
        return (version?.Values.Support ?? SupportPolicy.National, version);
    }
}
