using System.Text.Json;
using MediatR;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.RevisePlan;

/// <summary>RULES.md 6: a revision (điều chỉnh) replaces a plan's content as its next version, keeping the history.</summary>
public sealed record RevisePlanCommand(Guid PlanId, JsonElement Body) : IRequest<PlanRevised>;

public sealed record PlanRevised(Guid Id, int Version);

public sealed class RevisePlanHandler(WorkflowDbContext db, PlanAccess access, PlanOrganisation organisation, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RevisePlanCommand, PlanRevised>
{
    public async Task<PlanRevised> Handle(RevisePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.PlanId, cancellationToken, track: true);
        var content = PlanFile.Read(request.Body, "reason");
        var reason = request.Body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!.Trim() : null;
        if (reason is { Length: > 1024 }) throw new ValidationFailedException("reason", "Lý do điều chỉnh tối đa 1024 ký tự.");

        var context = await organisation.CheckAsync(content, cancellationToken);
        plan.Revise(content, context.Applied, context.Agencies, Committed(), user.UserName, clock.GetUtcNow(), PlanFile.Write(content), reason);
        organisation.AddNewOrganisation(context);
        await db.SaveChangesAsync(cancellationToken); // a concurrent revision of the same version fails here: 409
        return new PlanRevised(plan.Id, plan.Version);
    }

    /// <summary>What approved proposals hold on each line. Nothing is committed before the budget ledger records approvals.</summary>
    private static IReadOnlyDictionary<(string Component, FundingSource Source), long> Committed() =>
        new Dictionary<(string, FundingSource), long>();
}
