using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Publishes committed outbox messages to the bus, at least once. A message is claimed by a conditional update
/// before it is published, so two servers do not publish it together; a claim left by a crashed server expires
/// and another takes the message over. Consumers deduplicate by message id, which is the outbox id.
/// </summary>
public sealed class OutboxPublisher(WorkflowDbContext db, IPublishEndpoint bus, WorkflowOptions options, TimeProvider clock, ILogger<OutboxPublisher> logger)
{
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <returns>How many messages this call published.</returns>
    public async Task<int> PublishPendingAsync(int batch = 50, CancellationToken ct = default)
    {
        var candidates = await ClaimableIdsAsync(batch, ct);
        var published = 0;
        foreach (var id in candidates)
        {
            if (!await ClaimAsync(id, ct)) continue;
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                var type = MessageTypes.ByName[message.Type];
                var body = JsonSerializer.Deserialize(message.Payload, type)!;
                await bus.Publish(body, type, context => context.MessageId = message.Id, ct);
                await db.Outbox.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, clock.GetUtcNow()).SetProperty(m => m.LastError, (string?)null), ct);
                published++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Publishing outbox message {MessageId} ({Type}) failed; it will be retried", id, message.Type);
                await db.Outbox.Where(m => m.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastError, e.Message.Length > 1000 ? e.Message[..1000] : e.Message), ct);
            }
        }
        return published;
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
    public async Task<bool> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.OutboxClaimDuration;
        var node = Node;
        return await db.Outbox
            .Where(m => m.Id == id && m.PublishedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, node).SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct) == 1;
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
