using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows.Steps.Lifecycle;

/// <summary>
/// What an amending decision asks of an approved proposal (<c>amend</c>'s data): <c>stateSupport</c>, the new state
/// support in đồng, split by the line's ratio — or an optional <c>split</c> by hand, held to the same tolerance as at
/// drafting (<see cref="SplitFollowsLine"/>, RULES.md 8). Bad input is a 400 at <c>data.…</c>.
/// </summary>
public static class Amendment
{
    public static async Task<(SourceAmounts Split, bool ByHand)> SplitAsync(this WorkflowDbContext db, TransitionContext context, Proposal proposal, CancellationToken ct)
    {
        var support = Amount(context.Data, "stateSupport", "data.stateSupport");
        SourceAmounts? hand = null;
        if (context.Data.TryGetProperty("split", out var split) && split.ValueKind != JsonValueKind.Null)
        {
            if (split.ValueKind != JsonValueKind.Object)
                throw new ValidationFailedException("data.split", "Chia theo nguồn ghi dạng { \"Central\": số tiền, … }.");
            var amounts = new Dictionary<FundingSource, long>();
            foreach (var entry in split.EnumerateObject())
            {
                if (!FundingSources.TryParseBudget(entry.Name, out var source))
                    throw new ValidationFailedException($"data.split.{entry.Name}", $"Nguồn '{entry.Name}' không hợp lệ (Central, Provincial, District, Commune).");
                amounts[source] = Amount(split, entry.Name, $"data.split.{entry.Name}");
            }
            hand = SourceAmounts.From(amounts);
        }
        if (support <= 0)
            throw new ValidationFailedException("data.stateSupport", "Kinh phí ngân sách hỗ trợ sau điều chỉnh phải lớn hơn 0; để thôi thực hiện, hủy quyết định.");

        var line = await db.PlanLines.AsNoTracking().Where(l => l.Id == proposal.PlanLineId).Select(l => l.Amounts).SingleAsync(ct);
        var violations = SplitFollowsLine.CheckLineCanFund(proposal.Component, support, line).ToList();
        var byLine = SplitFollowsLine.ByLine(support, line);
        if (hand is { } entered && violations.Count == 0) violations.AddRange(SplitFollowsLine.CheckHandSplit(support, entered, byLine));
        if (violations.Count > 0) throw new ValidationFailedException(violations.Select(v => v with { Path = $"data.{v.Path}" }).ToList());
        return hand is { } byHand ? (byHand, true) : (byLine, false);
    }

    /// <summary>
    /// Where a refusal about one source belongs: <c>data.split.&lt;Source&gt;</c> when the split was entered by hand, else
    /// <c>data.stateSupport</c>, the one amount typed (the message names the source).
    /// </summary>
    public static Violation AtInput(Violation violation, bool byHand) =>
        violation with { Path = byHand ? $"data.{violation.Path}" : "data.stateSupport" };

    /// <summary>Whole đồng, as a JSON number or as digits (the page's form sends text, grouped with dots or spaces).</summary>
    private static long Amount(JsonElement parent, string property, string path)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            throw new ValidationFailedException(path, "Nhập số tiền (đồng).");
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number is >= 0 and <= Vnd.MaxAmount) return number;
        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString()!.Replace(".", "").Replace(" ", "").Replace("\u00a0", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var text)
            && text <= Vnd.MaxAmount) return text;
        throw new ValidationFailedException(path, $"Số tiền phải là số đồng nguyên từ 0 đến {Vnd.Format(Vnd.MaxAmount)}.");
    }
}
