using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>releaseCommitment</c>: the approval is cancelled (quyết định hủy). What the treasury already paid stays
/// committed (disbursed never exceeds committed); the rest of what the proposal holds goes back to the line.
/// </summary>
public sealed class ReleaseCommitmentEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "releaseCommitment";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var paid = await db.PositionAsync(proposal.Id, DisbursementProcess.Confirmed, null, ct);
        var unspent = ((await db.CommittedByAsync(proposal.Id, ct)) - paid.Cash).AtLeastZero();
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var number = context.Data.TryGetProperty("decisionNumber", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        db.Move(balances, LedgerEntryKind.Release, unspent, LifecycleData.Reference(context, $"Hủy quyết định phê duyệt {proposal.Code} theo quyết định {number}", proposal.Id));
        proposal.MarkMoneyMoved(context.Now);
    }
}
