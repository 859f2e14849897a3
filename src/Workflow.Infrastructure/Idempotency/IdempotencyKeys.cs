using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Idempotency;

/// <summary>What the first look at a key decided.</summary>
public enum ClaimOutcome
{
    /// <summary>The request holds the key now and runs.</summary>
    Taken,

    /// <summary>The same request already succeeded: give its answer again.</summary>
    Replay,

    /// <summary>The same request is still running (409).</summary>
    Busy,

    /// <summary>The key was used for a different request (422).</summary>
    Mismatch,
}

public sealed record IdempotencyClaim(ClaimOutcome Outcome, IdempotentRequest? Request = null, IdempotentAnswer? Answer = null);

/// <summary>
/// The <c>idempotency_keys</c> table, shared by every server through the database: its primary key (user, key) decides
/// which of two requests with one key runs, and the claim token decides whose answer — and so whose effect — commits.
/// </summary>
/// <remarks>
/// A key is claimed in a short transaction of its own before the request runs, so a concurrent repeat sees it at once.
/// The answer is written in the transaction of the request's effect (<see cref="IdempotentRequest"/>); a request that
/// fails, or whose answer could not be written, leaves no effect and gives the key back.
/// </remarks>
public sealed class IdempotencyKeys(IServiceScopeFactory scopes, IdempotencyOptions options, TimeProvider clock, ILogger<IdempotencyKeys> logger)
{
    /// <summary>
    /// Claims <paramref name="key"/> for a request of <paramref name="userId"/> hashed to <paramref name="requestHash"/>,
    /// or says why it may not run: the same request succeeded or runs, or the key names another request.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        // each pass either decides or finds that the row it looked at changed meanwhile (released, expired, taken over)
        for (var pass = 0; pass < 5; pass++)
        {
            var now = clock.GetUtcNow();
            var token = Guid.NewGuid();
            var existing = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.UserId == userId && k.Key == key, ct);
            if (existing is null)
            {
                if (await TryInsertAsync(db, new IdempotencyRecord(userId, key, requestHash, token, now, now + options.IdempotencyKeyLifetime), ct))
                    return new(ClaimOutcome.Taken, new IdempotentRequest(userId, key, token));
                continue; // a concurrent request with the key inserted first
            }
            if (existing.ExpiresAt <= now)
            {
                await db.IdempotencyKeys.Where(k => k.UserId == userId && k.Key == key && k.ClaimToken == existing.ClaimToken).ExecuteDeleteAsync(ct);
                continue;
            }
            if (existing.RequestHash != requestHash) return new(ClaimOutcome.Mismatch);
            if (existing.CompletedAt is not null)
                return new(ClaimOutcome.Replay, Answer: new(existing.StatusCode ?? 200, existing.Location, existing.ContentType, existing.Body));
            if (existing.ClaimedAt + options.IdempotencyClaimDuration > now) return new(ClaimOutcome.Busy);

            // the request holding the key has run past the claim duration: its server died, or it is so slow that it
            // will find its claim gone and keep nothing
            var takenOver = await db.IdempotencyKeys
                .Where(k => k.UserId == userId && k.Key == key && k.ClaimToken == existing.ClaimToken && k.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.ClaimToken, token).SetProperty(k => k.ClaimedAt, now), ct);
            if (takenOver == 1)
            {
                logger.LogWarning("Idempotency key of user {UserId} held since {ClaimedAt} without an answer: taken over", userId, existing.ClaimedAt);
                return new(ClaimOutcome.Taken, new IdempotentRequest(userId, key, token));
            }
        }
        return new(ClaimOutcome.Busy);
    }

    private static async Task<bool> TryInsertAsync(WorkflowDbContext db, IdempotencyRecord record, CancellationToken ct)
    {
        db.IdempotencyKeys.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Records the answer of a request that succeeded and commits it with the request's effect. False when the key was
    /// taken over meanwhile: then the effect is rolled back, and the request must answer that nothing was done.
    /// </summary>
    public async Task<bool> CompleteAsync(WorkflowDbContext db, IdempotentRequest request, IdempotentAnswer answer)
    {
        var now = clock.GetUtcNow();
        try
        {
            // in the effect's transaction when the request saved anything; on its own otherwise
            var recorded = await db.IdempotencyKeys
                .Where(k => k.UserId == request.UserId && k.Key == request.Key && k.ClaimToken == request.ClaimToken && k.CompletedAt == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(k => k.CompletedAt, now)
                    .SetProperty(k => k.StatusCode, answer.StatusCode)
                    .SetProperty(k => k.Location, answer.Location)
                    .SetProperty(k => k.ContentType, answer.ContentType)
                    .SetProperty(k => k.Body, answer.Body), CancellationToken.None) == 1;
            if (request.Transaction is { } transaction)
            {
                if (recorded) await transaction.CommitAsync(CancellationToken.None);
                else await transaction.RollbackAsync(CancellationToken.None);
            }
            return recorded;
        }
        finally
        {
            await EndAsync(db, request);
        }
    }

    /// <summary>Rolls back whatever a failed request saved and gives its key back: a failure leaves nothing to repeat.</summary>
    public async Task AbandonAsync(WorkflowDbContext db, IdempotentRequest request)
    {
        try
        {
            if (request.Transaction is { } transaction) await transaction.RollbackAsync(CancellationToken.None);
            await EndAsync(db, request);
            await db.IdempotencyKeys
                .Where(k => k.UserId == request.UserId && k.Key == request.Key && k.ClaimToken == request.ClaimToken && k.CompletedAt == null)
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // the request's own failure is what the caller must see; an unreleased key is taken over after the claim duration
            logger.LogError(e, "Releasing the idempotency key of user {UserId} failed", request.UserId);
        }
    }

    private static async Task EndAsync(WorkflowDbContext db, IdempotentRequest request)
    {
        db.IdempotentRequest = null;
        if (request.Transaction is { } transaction) await transaction.DisposeAsync();
        request.Transaction = null;
    }

    /// <summary>Deletes every expired key; a request with one is new again anyway, this only keeps the table small.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var now = clock.GetUtcNow();
        return await db.IdempotencyKeys.Where(k => k.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Deletes expired idempotency keys on every server, now and then (the delete is idempotent itself).</summary>
public sealed class IdempotencyKeySweeper(IdempotencyKeys keys, ILogger<IdempotencyKeySweeper> logger) : BackgroundService
{
    /// <summary>Rare enough to stay out of the requests' way; expired keys are already treated as new in between.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await keys.DeleteExpiredAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency keys", deleted);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Deleting expired idempotency keys failed; retrying later");
            }
            try { await Task.Delay(Interval, stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
