using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Cluster.Tests.Infrastructure;

namespace Workflow.Cluster.Tests;

/// <summary>
/// A clerk's connection drops and the client sends the request again with its Idempotency-Key — and the proxy sends
/// the copy to another server. The proposal is created once, the submission made once, and every copy's answer is the
/// first one's.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IdempotencyAcrossServersTests(AppCluster cluster)
{
    private sealed record Answer(int Server, HttpStatusCode Status, string Body, string? Location, bool Replayed)
    {
        public override string ToString() => $"server {Server}: {(int)Status}{(Replayed ? " (replayed)" : "")} {Location} {Body}";
    }

    [Fact]
    public async Task IdempotencyKey_WhenTheSameRequestReachesTwoServersAndThenAThird_HasOneEffectAndEveryAnswerRepeatsTheFirst()
    {
        var line = await TanKhai.LineIdAsync(await cluster.As(TanKhai.Clerk), "DA2");
        var title = $"Mô hình chăn nuôi dê xã Tân Khai ({Guid.NewGuid():N})";
        var body = TanKhai.Model(line, 23_000_000, title).ToJsonString();

        // the proposal: the request and its copy at once on servers 0 and 1, then once more on server 2
        var key = Guid.NewGuid().ToString();
        var created = await SendAsync(key, "/api/proposals", body, 0, 1);
        var id = Guid.Parse((string)JsonNode.Parse(created.Body)!["id"]!);
        Assert.Equal(1, await cluster.Database.InAsync(db => db.Proposals.CountAsync(p => p.Title == title)));

        // the submission the same way: one 'submit' in the journal
        var submitted = await SendAsync(Guid.NewGuid().ToString(), $"/api/proposals/{id}/actions/submit", "{}", 1, 2);
        Assert.Equal("Submitted", (string?)JsonNode.Parse(submitted.Body)!["to"]);
        var history = await (await cluster.As(TanKhai.Clerk, 0)).HistoryAsync(id);
        Assert.Equal(["start", "submit"], history.Select(e => (string)e!["action"]!));
    }

    /// <summary>
    /// Sends one request under one key to two servers at once, then to the remaining one; asserts one success with the
    /// others answering it again (or, while it still ran, 409 in progress, after which it is sent again). Returns the first.
    /// </summary>
    private async Task<Answer> SendAsync(string key, string path, string body, int first, int second)
    {
        var answers = (await Task.WhenAll(new[] { first, second }.Select(server => PostAsync(server, key, path, body)))).ToList();
        var described = () => string.Join("\n", answers);
        var original = Assert.Single(answers, a => a.Status is HttpStatusCode.Created or HttpStatusCode.OK && !a.Replayed);
        foreach (var copy in answers.Where(a => a != original))
        {
            if (copy.Status == HttpStatusCode.Conflict)
            {
                // the copy came while the first was still running: that is said, and nothing was done for it
                Assert.Equal("idempotency.inProgress", (string?)JsonNode.Parse(copy.Body)!["code"]);
                continue;
            }
            AssertRepeats(original, copy, described());
        }
        var third = Enumerable.Range(0, AppCluster.Size).Single(s => s != first && s != second);
        var last = await PostAsync(third, key, path, body);
        answers.Add(last);
        AssertRepeats(original, last, described());
        return original;
    }

    private static void AssertRepeats(Answer original, Answer copy, string described)
    {
        Assert.True(copy.Replayed, $"The copy ran again instead of answering the first's answer:\n{described}");
        Assert.True(copy.Status == original.Status && copy.Body == original.Body && copy.Location == original.Location,
            $"The copy's answer differs from the first:\n{described}");
    }

    private async Task<Answer> PostAsync(int server, string key, string path, string body)
    {
        var client = await cluster.As(TanKhai.Clerk, server);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        return new Answer(server, response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString(),
            response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"));
    }
}
