namespace Workflow.Domain.Audit;

/// <summary>
/// How an entry's hash was made, recorded per entry so history written before the key existed still verifies as it
/// was written. Values are stored; never renumber them.
/// </summary>
public enum HashScheme
{
    /// <summary>A ledger entry written before ledger entries were chained: only the balance sums vouch for it.</summary>
    Unsealed = 0,

    /// <summary>A journal entry written before the key: plain SHA-256, which anyone can recompute.</summary>
    Sha256 = 1,

    /// <summary>HMAC-SHA256 with the journal key named by the entry's key id.</summary>
    HmacSha256 = 2,
}
