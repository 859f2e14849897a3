using System.Net;
using Workflow.Cluster.Tests.Infrastructure;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Cluster.Tests;

/// <summary>
/// The broker goes away. Every server says so on /health (503, for the load balancer and the operator) but goes on
/// taking requests: a submission made meanwhile commits, and its notice reaches the economic office once the broker
/// is back — when every server is healthy again.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BrokerOutageTests(AppCluster cluster)
{
    [Fact]
    public async Task Broker_WhenItStopsAndComesBack_HealthFollowsItAndASubmissionMadeMeanwhileIsNoticedAfterwards()
    {
        var clerk = await cluster.As(TanKhai.Clerk, 1);
        var line = await TanKhai.LineIdAsync(clerk, "DA2");
        await cluster.Broker.StopAsync();
        try
        {
            foreach (var server in cluster.Servers)
            {
                var health = await Poll.UntilAsync(server.HealthAsync, h => h.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
                Assert.True(health == (HttpStatusCode.ServiceUnavailable, "Unhealthy"), $"Server {server.Index} with the broker down: {(int)health.Status} {health.Body}");
            }

            var id = await clerk.CreateProposalOkAsync(TanKhai.Model(line, 23_000_000, "Mô hình trồng tiêu xã Tân Khai"));
            await clerk.ActOkAsync(id, "submit");
            var instance = Guid.Parse((string)(await clerk.GetProposalAsync(id))["instanceId"]!);
            var waiting = await new Deliveries(cluster).AboutAsync([instance]);
            Assert.NotEmpty(waiting);
            Assert.All(waiting, m => Assert.True(m.PublishedAt is null, $"Published with no broker: {m}"));

            await cluster.Broker.StartAsync();
            await cluster.WaitUntilAllHealthyAsync();
            foreach (var server in cluster.Servers) Assert.Equal((HttpStatusCode.OK, "Healthy"), await server.HealthAsync());

            var deliveries = new Deliveries(cluster);
            var messages = await deliveries.SettledAsync([instance]);
            await deliveries.AssertEachNoticedOnceAsync(messages);
            var notices = await (await cluster.As(TanKhai.Finance, 0)).NotificationsAsync();
            Assert.Single(notices, n => (string?)n!["instanceId"] == instance.ToString() && (string?)n["title"] == "Tiếp nhận đề xuất để thẩm định");
            Assert.Contains(messages, m => m.Type == nameof(TaskOpened) && (string?)m.Payload["State"] == "Submitted");
        }
        finally
        {
            // whatever happened above, the next test finds the broker and every server up
            await cluster.Broker.StartAsync();
            await cluster.WaitUntilAllHealthyAsync();
        }
    }
}
