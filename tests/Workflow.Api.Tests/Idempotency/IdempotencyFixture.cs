using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Idempotency;

/// <summary>
/// One server on the shipped definitions with the demo data and a manual clock on 6 May 2024, its keys remembered for
/// <see cref="Lifetime"/> only, so that a test can let one expire by moving the clock.
/// </summary>
public sealed class IdempotencyFixture : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

    public TestDatabase Database { get; } = TestDatabase.Create("idempotency");

    public RuntimeFactory Factory { get; }

    public IdempotencyFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(LifecycleFixture.Start),
        new Dictionary<string, string>
        {
            ["Api:IdempotencyKeyLifetime"] = Lifetime.ToString(),
            ["Api:IdempotencyClaimDuration"] = ClaimDuration.ToString(),
        });

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}

/// <summary>Requests with an <c>Idempotency-Key</c>.</summary>
public static class KeyedRequests
{
    public static string NewKey() => Guid.NewGuid().ToString();

    public static async Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string url, HttpContent? content, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonWithKeyAsync(this HttpClient client, string url, JsonNode body, string key) =>
        client.PostWithKeyAsync(url, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json")), key);
}
