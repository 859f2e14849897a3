namespace Workflow.Infrastructure.Idempotency;

/// <summary>
/// One user's <c>Idempotency-Key</c> (table <c>idempotency_keys</c>): the request it was first sent with, as a hash, and,
/// once that request succeeded, its answer. A row without <see cref="CompletedAt"/> is a request still running — or one
/// whose server died, which another request may take over after <see cref="IdempotencyOptions.IdempotencyClaimDuration"/>.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { Key = RequestHash = ""; }

    public IdempotencyRecord(Guid userId, string key, string requestHash, Guid claimToken, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        ClaimToken = claimToken;
        CreatedAt = ClaimedAt = now;
        ExpiresAt = expiresAt;
    }

    /// <summary>Keys are per user: two users may send the same key without meeting.</summary>
    public Guid UserId { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 (hex) of the method, path and query, the user and the body: a key names one request only.</summary>
    public string RequestHash { get; private set; }

    /// <summary>
    /// Which attempt holds the key. The answer is written only where the token is still the attempt's own, so an attempt
    /// whose key was taken over cannot commit its effect as well.
    /// </summary>
    public Guid ClaimToken { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the attempt holding the key began; the claim duration runs from here.</summary>
    public DateTimeOffset ClaimedAt { get; private set; }

    /// <summary>After this the key is forgotten: a request with it is new again.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the answer was recorded, in the transaction of the request's effect; null while the request runs.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    public int? StatusCode { get; private set; }

    /// <summary>The answer's <c>Location</c> header: the created resource, or the page a form led to.</summary>
    public string? Location { get; private set; }

    public string? ContentType { get; private set; }

    public byte[]? Body { get; private set; }
}

/// <summary>What is kept of a successful answer, to give it again to a repeat.</summary>
public sealed record IdempotentAnswer(int StatusCode, string? Location, string? ContentType, byte[]? Body);
