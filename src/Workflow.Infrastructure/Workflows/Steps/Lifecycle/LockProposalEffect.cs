using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>lockProposal</c>: every transition that moves or checks a proposal's money position marks the proposal, so
/// concurrent requests, approvals, payments and settlements on one proposal are decided one at a time (409 for the rest).
/// </summary>
public sealed class LockProposalEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "lockProposal";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct) =>
        (await db.ProposalAsync(context, ct)).MarkMoneyMoved(context.Now);
}
