using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workflow.Api.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Auth;

/// <summary>
/// Sessions follow the user store: a token or cookie carries the user's security stamp, and every request checks it
/// against the store — a user disabled, deleted, given other roles or another agency, or who changed their password
/// has a new stamp (or none), and loses access on the next request. What was read is cached for at most
/// <see cref="AccountOptions.SessionCheckCacheFor"/> per server; a change made on this server forgets it at once.
/// </summary>
public sealed class SessionValidator(IServiceScopeFactory scopes, IMemoryCache cache, AccountOptions options, IHttpContextAccessor requests)
{
    private sealed record Standing(string? Stamp, bool Active);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return false;
        var stamp = principal.FindFirstValue(WorkflowClaims.Stamp);
        if (string.IsNullOrEmpty(stamp)) return false;

        var standing = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = options.SessionCheckCacheFor;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.IsActive }).SingleOrDefaultAsync(ct);
            return row is null ? new Standing(null, false) : new Standing(row.SecurityStamp, row.IsActive);
        });
        return standing is { Active: true } && string.Equals(standing.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>Call after changing a user's stamp or status, so this server does not wait for the cache to expire.</summary>
    public void Forget(Guid userId)
    {
        cache.Remove(Key(userId));
        // a request with an Idempotency-Key commits its change only with its answer: a session check in between would
        // cache the old stamp again, so the change is forgotten once more when the answer has gone
        requests.HttpContext?.Response.OnCompleted(() =>
        {
            cache.Remove(Key(userId));
            return Task.CompletedTask;
        });
    }

    private static string Key(Guid userId) => $"session:{userId:N}";
}
