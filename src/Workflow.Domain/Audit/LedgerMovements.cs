using Workflow.Domain.Ledger;

namespace Workflow.Domain.Audit;

/// <summary>
/// The ledger movements one transition caused, as its journal entry attests them: so the entry and the movements vouch
/// for each other, and a movement deleted, added or changed afterwards no longer matches the entry that caused it.
/// </summary>
public static class LedgerMovements
{
    /// <summary>One line per movement, by balance row and its place in that row's chain; an empty list has a text too.</summary>
    public static string TextOf(IEnumerable<LedgerEntry> movements)
    {
        var fields = new CanonicalFields();
        foreach (var m in movements.OrderBy(m => m.PlanLineId).ThenBy(m => m.Source).ThenBy(m => m.Sequence))
            fields.Add("movement", FormattableString.Invariant($"{m.PlanLineId:D} {m.Source} {m.Sequence} {m.Kind} {m.Amount}"));
        return fields.ToString();
    }
}
