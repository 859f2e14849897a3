using Microsoft.EntityFrameworkCore;
using Workflow.Cluster.Tests.Infrastructure;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Cluster.Tests;

/// <summary>
/// Every server scans for overdue tasks (here every second). A dossier that waited past its deadline is escalated once:
/// the economic office and the chairman are each told once, whichever server found it first, and no other server tells
/// them again on its next scans.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeadlineEscalationTests(AppCluster cluster)
{
    [Fact]
    public async Task DeadlineScan_WhenEveryServerScansAnOverdueTask_EscalatesItOnceAndEachPersonIsToldOnce()
    {
        var clerk = await cluster.As(TanKhai.Clerk);
        var line = await TanKhai.LineIdAsync(clerk, "DA2");
        // a dozen at once, so that the servers' scans overlap while they escalate them
        var ids = new Guid[12];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var server = await cluster.As(TanKhai.Clerk, i % AppCluster.Size);
            ids[i] = await server.CreateProposalOkAsync(TanKhai.Model(line, 23_000_000, $"Mô hình nuôi ong lấy mật xã Tân Khai số {i + 1}"));
            await server.ActOkAsync(ids[i], "submit");
        });
        var instances = new List<Guid>();
        foreach (var id in ids) instances.Add(Guid.Parse((string)(await clerk.GetProposalAsync(id))["instanceId"]!));

        // three working days have passed without the economic office taking them up: their deadline lies behind them
        var overdueSince = DateTimeOffset.UtcNow.AddDays(-1);
        var tasks = await cluster.Database.InAsync(db => db.Tasks.Where(t => instances.Contains(t.InstanceId) && t.ClosedAt == null)
            .Select(t => t.Id).ToListAsync());
        Assert.Equal(ids.Length, tasks.Count);
        await cluster.Database.InAsync(db => db.Tasks.Where(t => tasks.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, overdueSince)));

        var escalated = await Poll.UntilAsync(
            () => cluster.Database.InAsync(db => db.Tasks.CountAsync(t => tasks.Contains(t.Id) && t.EscalatedAt != null)),
            n => n == tasks.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(tasks.Count, escalated);
        var deliveries = new Deliveries(cluster);
        await deliveries.SettledAsync(instances);
        // every server has scanned several times since: none may escalate again
        await Task.Delay(AppCluster.DeadlineScanInterval * 4);
        var messages = await deliveries.SettledAsync(instances);

        var escalations = messages.Where(m => m.Type == nameof(TaskEscalated)).ToList();
        foreach (var task in tasks)
            Assert.True(escalations.Count(m => (string?)m.Payload["TaskId"] == task.ToString()) == 1,
                $"Task {task} was escalated {escalations.Count(m => (string?)m.Payload["TaskId"] == task.ToString())} times:\n{string.Join("\n", escalations)}");
        await deliveries.AssertEachNoticedOnceAsync(escalations);

        // what each of them sees: one overdue notice per dossier, and the dossier still waits where it was
        foreach (var user in new[] { TanKhai.Chair, TanKhai.Finance, TanKhai.Finance2 })
        {
            var notices = await (await cluster.As(user, 1)).NotificationsAsync();
            foreach (var instance in instances)
                Assert.Single(notices, n => (string?)n!["instanceId"] == instance.ToString() && ((string)n["title"]!).StartsWith("Quá hạn:", StringComparison.Ordinal));
        }
        foreach (var id in ids)
        {
            Assert.Equal("Submitted", (string?)(await clerk.GetProposalAsync(id))["state"]);
            Assert.Equal(["start", "submit"], (await clerk.HistoryAsync(id)).Select(e => (string)e!["action"]!));
        }
    }
}
