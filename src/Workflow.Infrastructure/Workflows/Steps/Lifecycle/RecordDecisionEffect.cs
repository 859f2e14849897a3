using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>recordDecision</c>: keeps the approval decision's number and date on the proposal (checked by <c>requireData</c>).</summary>
public sealed class RecordDecisionEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "recordDecision";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        proposal.RecordDecision(context.Data.GetProperty("decisionNumber").GetString()!.Trim(),
            DateOnly.ParseExact(context.Data.GetProperty("decisionDate").GetString()!, "yyyy-MM-dd"), context.Now);
    }
}
