using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Domain.Audit;

/// <summary>
/// A signed picture of every chain's head at one moment, to keep outside the system (printed, mailed to the
/// inspectorate, stored with the year's records). Verifying against it later proves that nothing before it was
/// rewritten: every head it lists must still be on its chain with the same hash — something even a writer of the
/// database who rebuilds a chain end to end cannot arrange without the key, and a holder of the key cannot either once
/// the checkpoint is out of reach.
/// </summary>
/// <param name="Intact">Whether the journal verified when the checkpoint was taken (a checkpoint pins what it saw either way).</param>
/// <param name="Plans">Per plan, its instances' and balance rows' heads and a hash over them; instances with no plan behind them under a null plan id.</param>
/// <param name="Signature">The journal key's HMAC over <see cref="SigningText"/>, made with the key <paramref name="KeyId"/>.</param>
public sealed record JournalCheckpoint(
    int Version, DateTimeOffset TakenAt, string KeyId, bool Intact,
    int Instances, long Entries, int BalanceRows, long LedgerEntries,
    IReadOnlyList<PlanHeads> Plans, string Signature)
{
    public const int CurrentVersion = 1;

    /// <summary>Signs the heads as taken: plans and heads in a fixed order, each plan's hash over its heads.</summary>
    public static JournalCheckpoint Create(DateTimeOffset takenAt, bool intact, IEnumerable<PlanHeads> plans, JournalKey key)
    {
        var ordered = plans
            .Select(p => PlanHeads.Of(p.PlanId, p.Instances, p.Balances))
            .OrderBy(p => p.PlanId?.ToString("D") ?? "", StringComparer.Ordinal)
            .ToList();
        var unsigned = new JournalCheckpoint(CurrentVersion, takenAt, key.Id, intact,
            ordered.Sum(p => p.Instances.Count), ordered.Sum(p => p.Instances.Sum(i => (long)i.Sequence + 1)),
            ordered.Sum(p => p.Balances.Count), ordered.Sum(p => p.Balances.Sum(b => (long)b.Sequence)), ordered, "");
        return unsigned with { Signature = key.Sign(unsigned.SigningText()) };
    }

    /// <summary>Everything but the signature, in the one text form.</summary>
    public string SigningText()
    {
        var fields = new CanonicalFields()
            .Add("version", Version).Add("takenAt", TakenAt).Add("key", KeyId).Add("intact", Intact)
            .Add("instances", Instances).Add("entries", Entries).Add("balanceRows", BalanceRows).Add("ledgerEntries", LedgerEntries);
        foreach (var plan in Plans)
        {
            fields.Add("plan", plan.PlanId).Add("planHash", plan.Hash);
            plan.AddHeads(fields);
        }
        return fields.ToString();
    }

    public bool IsSignedBy(JournalKey key) => key.Verifies(SigningText(), Signature);
}

/// <summary>One plan's chain heads in a checkpoint, and the SHA-256 over them, which anyone can recompute from the list.</summary>
public sealed record PlanHeads(Guid? PlanId, string Hash, IReadOnlyList<InstanceHead> Instances, IReadOnlyList<BalanceHead> Balances)
{
    public static PlanHeads Of(Guid? planId, IEnumerable<InstanceHead> instances, IEnumerable<BalanceHead> balances)
    {
        var plan = new PlanHeads(planId, "",
            instances.OrderBy(i => i.InstanceId.ToString("D"), StringComparer.Ordinal).ToList(),
            balances.OrderBy(b => b.PlanLineId.ToString("D"), StringComparer.Ordinal).ThenBy(b => b.Source).ToList());
        return plan with { Hash = plan.ComputeHash() };
    }

    public string ComputeHash()
    {
        var fields = new CanonicalFields().Add("plan", PlanId);
        AddHeads(fields);
        return CanonicalJson.Sha256(fields.ToString());
    }

    internal void AddHeads(CanonicalFields fields)
    {
        foreach (var head in Instances) fields.Add("instance", FormattableString.Invariant($"{head.InstanceId:D} {head.Sequence} {head.Hash}"));
        foreach (var head in Balances) fields.Add("balance", FormattableString.Invariant($"{head.PlanLineId:D} {head.Source} {head.Sequence} {head.Hash}"));
    }
}

/// <summary>An instance's last journal entry when the checkpoint was taken.</summary>
public sealed record InstanceHead(Guid InstanceId, int Sequence, string Hash);

/// <summary>A balance row's last ledger entry when the checkpoint was taken (the hash is empty for an unsealed entry).</summary>
public sealed record BalanceHead(Guid PlanLineId, FundingSource Source, int Sequence, string Hash);
