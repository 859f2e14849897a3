using MediatR;
using Workflow.Api.Features.Plans.ImportPlanWorkbook;
using Workflow.Api.Features.Plans.RevisePlan;

namespace Workflow.Api.Features.Plans.RevisePlanWorkbook;

/// <summary>
/// A revision (RULES.md 6) from an Excel workbook: the whole plan again in the workbook layout, revised through
/// <see cref="RevisePlanCommand"/> like a JSON file. The reason is the sheet's "Lý do điều chỉnh", or
/// <paramref name="Reason"/> when given.
/// </summary>
public sealed record RevisePlanWorkbookCommand(Guid PlanId, byte[] Content, string? Reason) : IRequest<PlanRevised>;

public sealed class RevisePlanWorkbookHandler(IMediator mediator) : IRequestHandler<RevisePlanWorkbookCommand, PlanRevised>
{
    public async Task<PlanRevised> Handle(RevisePlanWorkbookCommand request, CancellationToken cancellationToken)
    {
        var (file, cells) = PlanWorkbook.Read(request.Content);
        if (!string.IsNullOrWhiteSpace(request.Reason)) file["reason"] = request.Reason;
        return await PlanWorkbookRequests.SendAsync(mediator, new RevisePlanCommand(request.PlanId, PlanWorkbookRequests.ToElement(file)), cells, cancellationToken);
    }
}
