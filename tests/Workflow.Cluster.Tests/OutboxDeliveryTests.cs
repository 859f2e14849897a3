using Microsoft.EntityFrameworkCore;
using Workflow.Cluster.Tests.Infrastructure;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Cluster.Tests;

/// <summary>
/// Each step of a dossier tells the people who must act next. With three servers publishing the outbox and three
/// consuming from the broker, every event goes out and each person gets its notice exactly once — also when events are
/// published again, as they are when a server dies after the broker took a message and before it recorded that.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxDeliveryTests(AppCluster cluster)
{
    [Fact]
    public async Task Outbox_WhenThreeServersPublishAndConsume_EveryEventIsPublishedAndEachPersonNoticedOnce_EvenWhenPublishedTwice()
    {
        var clerk = await cluster.As(TanKhai.Clerk);
        var line = await TanKhai.LineIdAsync(clerk, "DA2");
        var ids = new Guid[6];
        await Task.WhenAll(Enumerable.Range(0, ids.Length).Select(async i =>
        {
            var server = await cluster.As(TanKhai.Clerk, i % AppCluster.Size);
            ids[i] = await server.CreateProposalOkAsync(TanKhai.Model(line, 23_000_000, $"Mô hình trồng nấm xã Tân Khai số {i + 1}"));
            if (i % 2 == 0) await (await cluster.As(TanKhai.Clerk, (i + 1) % AppCluster.Size)).ActOkAsync(ids[i], "submit");
        }));
        var instances = new List<Guid>();
        foreach (var id in ids) instances.Add(Guid.Parse((string)(await clerk.GetProposalAsync(id))["instanceId"]!));

        var deliveries = new Deliveries(cluster);
        var messages = await deliveries.SettledAsync(instances);
        Assert.Equal(ids.Length + 3, messages.Count(m => m.Type == nameof(TaskOpened))); // a draft task each, an appraisal task for three
        await deliveries.AssertEachNoticedOnceAsync(messages);
        var seen = await NoticesOfFinance2Async(instances);

        // a publisher that died between the broker's confirmation and its mark: the messages go out a second time
        var again = messages.Select(m => m.Id).ToList();
        await cluster.Database.InAsync(db => db.Outbox.Where(m => again.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.PublishedAt, (DateTimeOffset?)null).SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)));
        var republished = await deliveries.SettledAsync(instances);
        Assert.All(republished, m => Assert.True(m.Attempts >= 2, $"Not published a second time: {m}"));
        // the broker has handed every copy to a consumer and had it acknowledged
        var queues = await Poll.UntilAsync(() => cluster.Broker.QueuesAsync(), q => q.TryGetValue("notification", out var n) && n.IsDrained, TimeSpan.FromSeconds(60));
        Assert.True(queues["notification"].IsDrained, $"The notification queue still holds messages: {queues["notification"]}");

        await deliveries.AssertEachNoticedOnceAsync(republished);
        Assert.Equal(seen, await NoticesOfFinance2Async(instances));
        // nothing was parked as failed
        Assert.True(!queues.TryGetValue("notification_error", out var errors) || errors.Ready == 0, $"Messages failed and were parked: {errors}");
    }

    /// <summary>What the second economic officer sees of these dossiers: one appraisal notice for each submitted one.</summary>
    private async Task<List<string>> NoticesOfFinance2Async(IReadOnlyCollection<Guid> instances)
    {
        var notices = await (await cluster.As(TanKhai.Finance2, 2)).NotificationsAsync();
        var mine = notices.Where(n => instances.Contains(Guid.Parse((string)n!["instanceId"]!)))
            .Select(n => $"{n!["instanceId"]} {n["title"]}").OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(3, mine.Count);
        Assert.Equal(3, mine.Distinct().Count());
        return mine;
    }
}
