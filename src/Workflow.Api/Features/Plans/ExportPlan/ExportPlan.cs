using MediatR;

namespace Workflow.Api.Features.Plans.ExportPlan;

/// <summary>The plan as it stands, in the import format: what an official files, or edits and posts back as a revision.</summary>
public sealed record ExportPlanQuery(Guid Id) : IRequest<PlanExport>;

public sealed record PlanExport(string FileName, string Json);

public sealed class ExportPlanHandler(PlanAccess access) : IRequestHandler<ExportPlanQuery, PlanExport>
{
    public async Task<PlanExport> Handle(ExportPlanQuery request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.Id, cancellationToken);
        var content = await access.ContentOfAsync(plan, cancellationToken);
        return new PlanExport($"ke-hoach-von-{plan.UnitCode}-{plan.FiscalYear}-v{plan.Version}.json", PlanFile.Write(content));
    }
}
