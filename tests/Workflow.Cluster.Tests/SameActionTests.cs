using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Cluster.Tests.Infrastructure;

namespace Workflow.Cluster.Tests;

/// <summary>
/// Two finance officers — or one who clicked twice and whose clicks the proxy sent to different servers — take the same
/// dossier into appraisal at the same moment on all three servers. The dossier moves once; the others are told, with
/// a 409, who moved it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SameActionTests(AppCluster cluster)
{
    [Fact]
    public async Task StartAppraisal_WhenFiredOnThreeServersAtOnce_MovesTheDossierOnceAndTheOthersAreToldWhoActed()
    {
        var clerk = await cluster.As(TanKhai.Clerk);
        var line = await TanKhai.LineIdAsync(clerk, "DA2");
        // a few rounds: the race is likely but not certain in any one of them; every round must hold
        for (var round = 1; round <= 4; round++)
        {
            var id = await (await cluster.As(TanKhai.Clerk, round % AppCluster.Size)).CreateProposalOkAsync(
                TanKhai.Model(line, 23_000_000, $"Mô hình nuôi vịt xã Tân Khai, lượt {round}"));
            await (await cluster.As(TanKhai.Clerk, (round + 1) % AppCluster.Size)).ActOkAsync(id, "submit");

            var actors = new[] { TanKhai.Finance, TanKhai.Finance2, TanKhai.Finance };
            var clients = await Task.WhenAll(actors.Select((user, server) => cluster.As(user, server)));
            var responses = await Task.WhenAll(clients.Select(c => c.ActAsync(id, "start-appraisal")));
            var outcomes = await Task.WhenAll(responses.Select(async (r, server) => (Server: server, Actor: actors[server], r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
            foreach (var response in responses) response.Dispose();
            var described = $"round {round}:\n" + string.Join("\n", outcomes.Select(o => $"server {o.Server} ({o.Actor}): {(int)o.StatusCode} {o.Body}"));

            var winner = Assert.Single(outcomes, o => o.StatusCode == HttpStatusCode.OK);
            var history = await clerk.HistoryAsync(id);
            var entry = Assert.Single(history, e => (string?)e!["action"] == "start-appraisal")!;
            Assert.True((string?)entry["actor"] == winner.Actor, $"The journal names {entry["actor"]}, the 200 went to {winner.Actor}.\n{described}");
            Assert.Equal("UnderAppraisal", (string?)(await clerk.GetProposalAsync(id))["state"]);
            foreach (var loser in outcomes.Where(o => o.StatusCode != HttpStatusCode.OK))
            {
                Assert.True(loser.StatusCode == HttpStatusCode.Conflict, $"A refused repeat is a 409.\n{described}");
                var problem = JsonNode.Parse(loser.Body)!;
                Assert.True((string?)problem["code"] is "workflow.concurrent" or "workflow.notAvailable", described);
                Assert.True(((string)problem["detail"]!).Contains($"{winner.Actor} xử lý ('start-appraisal'", StringComparison.Ordinal),
                    $"The refusal names who acted.\n{described}");
            }

            // one state change: one task waiting for the appraisal, announced once
            var instanceId = Guid.Parse((string)(await clerk.GetProposalAsync(id))["instanceId"]!);
            var (openTasks, announced) = await cluster.Database.InAsync(async db => (
                await db.Tasks.CountAsync(t => t.InstanceId == instanceId && t.ClosedAt == null),
                await db.Outbox.CountAsync(m => m.Type == "TaskOpened" && m.Payload.Contains(instanceId.ToString()) && m.Payload.Contains("\"State\":\"UnderAppraisal\""))));
            Assert.True(openTasks == 1, $"{openTasks} open tasks.\n{described}");
            Assert.True(announced == 1, $"The appraisal task was announced {announced} times.\n{described}");
        }
    }
}
