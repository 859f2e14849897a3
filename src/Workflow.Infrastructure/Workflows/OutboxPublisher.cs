using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Publishes committed outbox messages to the bus, at least once. Messages are claimed by a conditional update before
/// they are published — a batch at a time, each claim with this publisher's own node name and an expiry — so two
/// servers never hold the same message; a claim left by a crashed server expires and another takes the message over.
/// A message is published only while its claim is live, and marked published right after the broker confirmed it.
/// Consumers apply a message once by its message id, which is the outbox id: the one case a message goes out twice —
/// a server that dies between the broker's confirmation and the mark — changes nothing.
/// </summary>
public sealed class OutboxPublisher(WorkflowDbContext db, IPublishEndpoint bus, WorkflowOptions options, TimeProvider clock, ILogger<OutboxPublisher> logger)
{
    /// <summary>Names the claims of this publisher: the server (machine and process) and this instance.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// How many messages one round claims and marks. Every transition leaves two or three; a round takes the database's
    /// write lock twice (claim, mark), and under load those writes queue behind the requests', so a small batch falls
    /// behind the transitions (at 50 a round, 32 clients left thousands of events waiting after 40 seconds).
    /// </summary>
    public const int RoundSize = 500;

    /// <returns>How many messages this call published.</returns>
    public async Task<int> PublishPendingAsync(int batch = RoundSize, CancellationToken ct = default)
    {
        var claimed = await ClaimBatchAsync(batch, ct);
        if (claimed.Count == 0) return 0;

        // stop well before the claims run out, so no other server can take a message this one is still publishing
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        window.CancelAfter(options.OutboxClaimDuration / 2);
        var published = new List<Guid>();
        try
        {
            foreach (var message in claimed)
            {
                try
                {
                    var type = MessageTypes.ByName[message.Type];
                    var body = JsonSerializer.Deserialize(message.Payload, type)!;
                    await bus.Publish(body, type, context => context.MessageId = message.Id, window.Token);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var error = window.IsCancellationRequested ? "Publishing took longer than half the claim; the message is retried." : e.Message;
                    logger.LogWarning(e, "Publishing outbox message {MessageId} ({Type}) failed; it will be retried", message.Id, message.Type);
                    await db.Outbox.Where(m => m.Id == message.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error), ct);
                    // the failed message keeps its claim until it expires; the rest of the batch is let go at once, for any server
                    await ReleaseAsync(claimed.SkipWhile(m => m.Id != message.Id).Skip(1).Select(m => m.Id).ToList(), ct);
                    break;
                }
                published.Add(message.Id);
                Telemetry.WorkflowTelemetry.OutboxLag.Record((clock.GetUtcNow() - message.OccurredAt).TotalSeconds);
                if (message.Attempts > 1) Telemetry.WorkflowTelemetry.OutboxRedeliveries.Add(1);
            }
        }
        finally
        {
            // one commit marks the batch: a server that dies before it leaves its messages to be published again when the
            // claim lapses, which the consumers' processed-message keys make harmless
            if (published.Count > 0)
                await db.Outbox.Where(m => published.Contains(m.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, clock.GetUtcNow()).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }
        return published.Count;
    }

    public async Task<List<Guid>> ClaimableIdsAsync(int batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Outbox.AsNoTracking()
            .Where(m => m.PublishedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Select(m => m.Id)
            .Take(batch)
            .ToListAsync(ct);
    }

    /// <summary>Takes a message for this node if nobody holds a live claim on it; true when this node now holds it.</summary>
    public async Task<bool> ClaimAsync(Guid id, CancellationToken ct) => (await ClaimAsync([id], ct)).Count == 1;

    /// <summary>
    /// Claims up to <paramref name="batch"/> of the oldest claimable messages in one conditional update and returns the
    /// ones this node now holds, oldest first. A message another server claimed in between is not among them.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimBatchAsync(int batch, CancellationToken ct)
    {
        var candidates = await ClaimableIdsAsync(batch, ct);
        return candidates.Count == 0 ? [] : await ClaimAsync(candidates, ct);
    }

    private async Task<List<OutboxMessage>> ClaimAsync(List<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // whole milliseconds, which every database stores exactly: the claim is read back by it
        var until = now + options.OutboxClaimDuration;
        until = new DateTimeOffset(until.UtcTicks - until.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var node = Node;
        var claimed = await db.Outbox
            .Where(m => ids.Contains(m.Id) && m.PublishedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, node).SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0) return [];
        return await db.Outbox.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.ClaimedBy == node && m.ClaimedUntil == until && m.PublishedAt == null)
            .OrderBy(m => m.OccurredAt)
            .ToListAsync(ct);
    }

    /// <summary>Gives back claims this node took and did not try to publish: any server may take them at once.</summary>
    private async Task ReleaseAsync(List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        var node = Node;
        await db.Outbox.Where(m => ids.Contains(m.Id) && m.ClaimedBy == node && m.PublishedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), ct);
    }
}

/// <summary>Runs the outbox publisher on every server.</summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, WorkflowOptions options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<OutboxPublisher>().PublishPendingAsync(ct: stoppingToken);
                if (published > 0) continue; // more may be waiting
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Outbox dispatch failed; retrying");
            }
            try { await Task.Delay(options.OutboxPollInterval, stoppingToken); } catch (OperationCanceledException) { }
        }
    }
}
