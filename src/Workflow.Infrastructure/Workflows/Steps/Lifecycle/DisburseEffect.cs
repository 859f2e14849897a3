using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Ledger;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// <c>disburse</c>: adapter of <see cref="TreasuryConfirmation"/> (RULES.md 15–16) — on the treasury's confirmation,
/// records its reference and date, what it checked against the order (payee account, amount, contract or decision reference), and adds the cash this disbursement releases to the line's disbursed balance.
/// </summary>
public sealed class DisburseEffect(WorkflowDbContext db) : IWorkflowEffect
{
    public string Name => "disburse";

    public IEnumerable<Violation> ValidateArgs(JsonElement args) => LifecycleData.NoArguments(args);

    public async Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var reference = ReadString(context.Data, "treasuryReference");
        var paidOn = DateOnly.TryParseExact(ReadString(context.Data, "paidOn"), "yyyy-MM-dd", out var date) ? date : (DateOnly?)null;
        var disbursement = await db.DisbursementAsync(context, ct);
        var (amount, amountUnreadable) = ReadAmount(context.Data, "amount");
        var (check, orderProblems) = TreasuryConfirmation.CheckAgainstOrder(disbursement, ReadString(context.Data, "payeeAccount"), amount, amountUnreadable,
            ReadString(context.Data, "ceilingReference"));
        var problems = TreasuryConfirmation.Check(reference, paidOn).Concat(orderProblems).ToList();
        if (problems.Count > 0) throw new ValidationFailedException(problems);

        var proposal = await db.ProposalAsync(context, ct);
        var paidBefore = await db.PositionAsync(proposal.Id, DisbursementProcess.Confirmed, disbursement.Id, ct);
        var cash = TreasuryConfirmation.CashReleased(paidBefore, disbursement.Kind, disbursement.Amounts);
        var balances = await db.BalancesAsync(proposal.PlanLineId, ct);
        var what = disbursement.Kind == DisbursementKind.Advance ? "Tạm ứng" : "Thanh toán";
        db.Move(balances, LedgerEntryKind.Disburse, cash,
            LifecycleData.Reference(context, $"{what} {disbursement.Code}, chứng từ kho bạc {reference!.Trim()}", proposal.Id, disbursement.Id));
        disbursement.ConfirmPaid(reference.Trim(), paidOn!.Value, cash, context.Now, check);
    }

    /// <summary>The amount the treasury confirmed: a whole number of đồng, as a JSON number or a string of digits.</summary>
    private static (long? Amount, bool Unreadable) ReadAmount(JsonElement data, string name)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return (null, false);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0) return (number, false);
        if (value.ValueKind == JsonValueKind.String)
        {
            var digits = value.GetString()!.Replace(".", "").Replace(" ", "").Trim();
            if (digits.Length == 0) return (null, false);
            if (digits.Length <= 18 && digits.All(char.IsAsciiDigit)) return (long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), false);
        }
        return (null, true);
    }

    private static string? ReadString(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
