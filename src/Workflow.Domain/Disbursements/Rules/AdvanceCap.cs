using Workflow.Domain.Common;
using Workflow.Domain.Money;

namespace Workflow.Domain.Disbursements.Rules;

/// <summary>The advance-cap parameters of a policy: contracts above the threshold take advances up to the rate of their value.</summary>
public sealed record AdvanceCapPolicy(long ContractAbove, decimal MaxRate)
{
    /// <summary>TT 17/2024/TT-BTC: contracts over 50,000,000 đ, advances up to 50 %.</summary>
    public static readonly AdvanceCapPolicy National = new(50_000_000, 0.5m);

    /// <summary>The legal basis recorded with the values in the province's policy; null when they come from the workflow definition.</summary>
    public string? Basis { get; init; }
}

/// <summary>
/// RULES.md 14 (TT 17/2024/TT-BTC): on a contract over the threshold (50,000,000 đ), advances total at most the cap
/// rate (50 %) of its value. A contract at or below the threshold is exempt; a payment is not an advance. Advances
/// are cleared by the time payments reach 80 % of the contract: with advances ≤ 50 % and payments clearing them
/// first (rule 15), payments at 80 % have always cleared them.
/// </summary>
public static class AdvanceCap
{
    public const int Number = 14;
    public const string Source = "TT 17/2024/TT-BTC";

    /// <summary>The most that may be advanced on the contract; null when the cap does not apply.</summary>
    public static long? CapFor(long? contractValue, AdvanceCapPolicy policy) =>
        contractValue is { } value && value > policy.ContractAbove ? (long)decimal.Floor(policy.MaxRate * value) : null;

    /// <param name="advancesBefore">Total of the proposal's other live advances.</param>
    public static IEnumerable<Violation> Check(DisbursementKind kind, long amount, long advancesBefore, long? contractValue, AdvanceCapPolicy policy)
    {
        if (kind != DisbursementKind.Advance || CapFor(contractValue, policy) is not { } cap) yield break;
        var advances = checked(advancesBefore + amount);
        if (advances > cap)
            yield return new("amount",
                $"{RuleText.Prefix(Number, Source)} hợp đồng {Vnd.Format(contractValue!.Value)} trên {Vnd.Format(policy.ContractAbove)} được tạm ứng tối đa {policy.MaxRate * 100:0.##} %{RuleText.Basis(policy.Basis)} = {Vnd.Format(cap)}; cộng dồn tạm ứng sẽ là {Vnd.Format(advances)} (vượt {Vnd.Format(advances - cap)}).");
    }
}
