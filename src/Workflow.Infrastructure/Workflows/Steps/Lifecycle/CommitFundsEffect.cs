using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals.Rules;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>commitFunds</c>: adapter of <see cref="WithinLineRemaining.CheckAtApproval"/> (RULES.md 9) — reserves the
/// approved amounts on the line's balances, or refuses the approval whole with each short source. Two approvals
/// racing for the last đồng are decided by the balances' concurrency token.
/// </summary>
public sealed class CommitFundsEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "commitFunds";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var proposal = await db.ProposalAsync(context, ct);
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var uncommitted = SourceAmounts.Of(s => balances.TryGetValue(s, out var b) ? b.Uncommitted : 0);
        var shortfalls = WithinLineRemaining.CheckAtApproval(proposal.Component, proposal.Split, uncommitted).ToList();
        if (shortfalls.Count > 0)
            throw new ConflictException("Không đủ kế hoạch vốn để phê duyệt: " + string.Join(" ", shortfalls.Select(v => v.Message)), "ledger.insufficient") { Violations = shortfalls };

        var reference = LifecycleData.Reference(context, $"Cam kết chi theo quyết định phê duyệt {proposal.DecisionNumber} ({proposal.Code})", proposal.Id);
        db.Move(balances, LedgerEntryKind.Commit, proposal.Split, reference);
    }
}
