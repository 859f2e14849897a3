using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Workflow.Api.Features.Plans.ImportPlan;
using Workflow.Domain.Common;

namespace Workflow.Api.Features.Plans.ImportPlanWorkbook;

/// <summary>
/// Imports a plan from an Excel workbook (docs/plan-file.md, "The plan workbook"). The sheet is turned into the plan
/// file and imported exactly as a JSON file is (<see cref="ImportPlanCommand"/>), so every rule applies the same;
/// each refusal is told back by the cell it came from.
/// </summary>
public sealed record ImportPlanWorkbookCommand(byte[] Content) : IRequest<PlanCreated>;

public sealed class ImportPlanWorkbookHandler(IMediator mediator) : IRequestHandler<ImportPlanWorkbookCommand, PlanCreated>
{
    public async Task<PlanCreated> Handle(ImportPlanWorkbookCommand request, CancellationToken cancellationToken)
    {
        var (file, cells) = PlanWorkbook.Read(request.Content);
        if (file.ContainsKey("reason"))
            throw new ValidationFailedException(cells.Locate("reason").Cell,
                $"{PlanWorkbook.Labels.Reason}: chỉ ghi khi điều chỉnh một kế hoạch đã có; kế hoạch nhập mới để trống dòng này.");
        return await PlanWorkbookRequests.SendAsync(mediator, new ImportPlanCommand(PlanWorkbookRequests.ToElement(file)), cells, cancellationToken);
    }
}

/// <summary>Sends a plan-file request made from a workbook and tells its refusals back by cell.</summary>
public static class PlanWorkbookRequests
{
    public static JsonElement ToElement(JsonObject file) => JsonSerializer.SerializeToElement(file);

    public static async Task<T> SendAsync<T>(IMediator mediator, IRequest<T> request, PlanWorkbook.CellMap cells, CancellationToken ct)
    {
        try
        {
            return await mediator.Send(request, ct);
        }
        catch (ValidationFailedException e)
        {
            throw cells.Relocate(e);
        }
        catch (ConflictException e) when (e.Violations.Count > 0)
        {
            throw cells.Relocate(e);
        }
    }
}
