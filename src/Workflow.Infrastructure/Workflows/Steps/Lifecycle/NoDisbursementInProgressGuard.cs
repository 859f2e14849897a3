using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary><c>noDisbursementInProgress</c>: a proposal is settled only when no disbursement is waiting for approval or payment.</summary>
public sealed class NoDisbursementInProgressGuard(WorkflowDbContext db) : IWorkflowGuard
{
    public string Name => "noDisbursementInProgress";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var waiting = await db.DisbursementsAsync(proposal.Id, DisbursementProcess.InProgress, null, ct);
        return waiting.Count == 0 ? GuardOutcome.Pass : GuardOutcome.Conflict("disbursements",
            $"Còn {waiting.Count} đề nghị giải ngân đang chờ duyệt hoặc thanh toán ({string.Join(", ", waiting.Select(d => d.Code))}); xử lý xong trước khi quyết toán.");
    }
}
