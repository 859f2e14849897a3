using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Cluster.Tests.Infrastructure;

namespace Workflow.Cluster.Tests;

/// <summary>
/// One server dies (kill -9) while clerks work through all three, at a moment when it holds outbox messages it had
/// claimed and not yet published. Nothing anyone was told had happened is lost: every answered request's step is in
/// the dossier and its journal, the journal still verifies, and the messages the dead server held are published by
/// another once its claim has expired — and noticed once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ServerCrashTests(AppCluster cluster, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Victim = 2;

    /// <summary>A request a server answered with 2xx: the step it reports done.</summary>
    private sealed record Acknowledged(Guid Proposal, string Action, int Server, int? Revision);

    [Fact]
    public async Task KillNine_WhenAServerDiesUnderLoadHoldingOutboxClaims_NoAnsweredStepIsLostAndItsMessagesArePublishedByAnother()
    {
        var line = await TanKhai.LineIdAsync(await cluster.As(TanKhai.Clerk), "DA2");
        var victim = cluster.Servers[Victim];
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var proposals = new ConcurrentBag<Guid>();
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var dead = 0;

        // clerks draft, submit and withdraw models, each request to the next server round the cluster
        async Task WorkAsync(int worker)
        {
            var turn = worker;
            for (var round = 0; !stop.IsCancellationRequested && round < 200; round++)
            {
                var title = $"Mô hình trồng rau sạch xã Tân Khai, tổ {worker}, lượt {round}";
                var id = await StepAsync(turn++, server => cluster.As(TanKhai.Clerk, server).ContinueWith(c => c.Result.CreateProposalAsync(TanKhai.Model(line, 23_000_000, title))).Unwrap(),
                    null, "start");
                if (id is null) continue;
                proposals.Add(id.Value);
                if (await StepAsync(turn++, async server => await (await cluster.As(TanKhai.Clerk, server)).ActAsync(id.Value, "submit"), id, "submit") is null) continue;
                await StepAsync(turn++, async server => await (await cluster.As(TanKhai.Clerk, server)).ActAsync(id.Value, "withdraw", "Rút để bổ sung hồ sơ"), id, "withdraw");
            }
        }

        // one request; a server that is down (or dies meanwhile) gives no answer, and the worker goes on with the next
        async Task<Guid?> StepAsync(int turn, Func<int, Task<HttpResponseMessage>> send, Guid? proposal, string action)
        {
            var server = turn % AppCluster.Size;
            if (server == Victim && Volatile.Read(ref dead) == 1) server = (server + 1) % AppCluster.Size;
            try
            {
                using var response = await send(server);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"server {server} {action}: {(int)response.StatusCode} {text}");
                    return null;
                }
                var body = JsonNode.Parse(text)!;
                var id = proposal ?? Guid.Parse((string)body["id"]!);
                acknowledged.Add(new Acknowledged(id, action, server, (int?)body["revision"]));
                return id;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && server == Victim)
            {
                return null; // no answer: the client cannot know, and the test does not count it
            }
        }

        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() => WorkAsync(w))).ToList();
        List<Guid> orphaned;
        string prefix;
        try
        {
            // under load, freeze the victim now and then until it is caught holding claimed, unpublished messages; then kill it
            await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 15, TimeSpan.FromSeconds(60));
            prefix = victim.ClaimPrefix;
            var caught = false;
            orphaned = [];
            for (var attempt = 0; attempt < 2_000 && !caught; attempt++)
            {
                victim.Freeze();
                var held = await HeldByAsync(prefix);
                if (held.Count > 0)
                {
                    // what it held when it died: read while it was frozen, since a claim that lapses meanwhile (a slow
                    // machine) is taken by another server at once and no longer names the dead one
                    orphaned = held;
                    await victim.KillAsync();
                    Volatile.Write(ref dead, 1);
                    caught = true;
                }
                else
                {
                    victim.Thaw();
                    await Task.Delay(20);
                }
            }
            Assert.True(caught, "The server under load never held an outbox claim when looked at: the crash could not be staged.");
            output.WriteLine($"Server {Victim} killed after {acknowledged.Count} answered requests, holding {orphaned.Count} claimed outbox messages.");

            // the others go on serving
            var before = acknowledged.Count;
            await Poll.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= before + 12, TimeSpan.FromSeconds(60));
        }
        catch
        {
            // the cluster is shared by the collection: the next test gets its three servers whatever happened here
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            if (Volatile.Read(ref dead) == 1) await cluster.RestartAsync(Victim);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        try
        {
            var reader = await cluster.As(TanKhai.Clerk, 0);
            // every answered step is there, once, in the dossier's journal
            foreach (var group in acknowledged.GroupBy(a => a.Proposal))
            {
                var history = await reader.HistoryAsync(group.Key);
                foreach (var step in group)
                {
                    var entries = history.Where(e => (string?)e!["action"] == step.Action).ToList();
                    Assert.True(entries.Count == 1, $"Proposal {group.Key}: '{step.Action}', answered by server {step.Server}, is in the journal {entries.Count} times.");
                    if (step.Revision is { } revision) Assert.Equal(revision, (int)entries[0]!["sequence"]!);
                }
                // after the last answered step, at most the next one — sent to the victim as it died, unanswered — may have happened
                var last = group.OrderBy(s => s.Revision ?? 0).Last();
                var state = (string?)(await reader.GetProposalAsync(group.Key))["state"];
                Assert.True(StatesAfter(last.Action).Contains(state),
                    $"Proposal {group.Key}: the last answered step was '{last.Action}', the dossier is {state}.");
            }

            // what the dead server held is published by the others after its claim expired, and noticed once
            var deliveries = new Deliveries(cluster);
            var instances = new HashSet<Guid>();
            foreach (var id in proposals.Distinct()) instances.Add(Guid.Parse((string)(await reader.GetProposalAsync(id))["instanceId"]!));
            // a dossier whose creation the victim committed and never answered is known only by its messages
            var held = await cluster.Database.InAsync(db => db.Outbox.AsNoTracking().Where(m => orphaned.Contains(m.Id)).Select(m => m.Payload).ToListAsync());
            foreach (var payload in held) instances.Add(Guid.Parse((string)JsonNode.Parse(payload)!["InstanceId"]!));
            var messages = await deliveries.SettledAsync(instances, AppCluster.OutboxClaimDuration * 12);
            foreach (var id in orphaned)
            {
                var message = Assert.Single(messages, m => m.Id == id);
                Assert.True(message.ClaimedBy is { } by && !by.StartsWith(prefix, StringComparison.Ordinal), $"Not taken over by another server: {message}");
                Assert.True(message.Attempts >= 2, $"Published without being claimed again: {message}");
            }
            await deliveries.AssertEachNoticedOnceAsync(messages);

            var verified = await (await cluster.As(TanKhai.Finance, 1)).VerifyAsync();
            Assert.True((bool)verified["intact"]!, $"The journal and ledger verify after the crash: {verified.ToJsonString()}");
            Assert.True(failures.IsEmpty, "Refusals under load:\n" + string.Join("\n", failures.Take(20)));
        }
        finally
        {
            await cluster.RestartAsync(Victim);
        }
    }

    private static string[] StatesAfter(string action) => action switch
    {
        "start" => ["Draft", "Submitted"],
        "submit" => ["Submitted", "Withdrawn"],
        _ => ["Withdrawn"],
    };

    /// <summary>Outbox messages claimed by publishers of the process whose claims begin with <paramref name="prefix"/>, not yet published.</summary>
    private Task<List<Guid>> HeldByAsync(string prefix) => cluster.Database.InAsync(db => db.Outbox.AsNoTracking()
        .Where(m => m.PublishedAt == null && m.ClaimedBy != null && m.ClaimedBy.StartsWith(prefix)).Select(m => m.Id).ToListAsync());
}
