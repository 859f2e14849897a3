using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>HTTP helpers: JSON bodies in and out, plans by year.</summary>
public static class Api
{
    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent JsonBody(JsonNode node) => JsonBody(node.ToJsonString());

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, JsonNode plan) =>
        client.PostAsync("/api/plans/import", JsonBody(plan));

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string rawBody) =>
        client.PostAsync("/api/plans/import", JsonBody(rawBody));

    public static Task<HttpResponseMessage> ReviseAsync(this HttpClient client, Guid planId, JsonNode plan) =>
        client.PostAsync($"/api/plans/{planId}/revisions", JsonBody(plan));

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The response body is JSON null.");
    }

    /// <summary>Asserts the status code, showing the body when it differs, and returns a JSON body (null when empty or not JSON).</summary>
    public static async Task<JsonNode?> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} {status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}; got {(int)response.StatusCode} {response.StatusCode}: {text}");
        var isJson = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return text.Length == 0 || !isJson ? null : JsonNode.Parse(text);
    }

    public static async Task<JsonArray> GetPlansAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync("/api/plans" + query);
        return (await response.ExpectAsync(HttpStatusCode.OK))!.AsArray();
    }

    public static async Task<Guid?> FindPlanIdAsync(this HttpClient client, string unitCode, int fiscalYear)
    {
        var plans = await client.GetPlansAsync();
        var plan = plans.FirstOrDefault(p => (string?)p!["unitCode"] == unitCode && (int?)p["fiscalYear"] == fiscalYear);
        return plan is null ? null : Guid.Parse((string)plan["id"]!);
    }

    public static async Task<Guid> SeededPlanIdAsync(this HttpClient client) =>
        await client.FindPlanIdAsync("BP.HQ", 2024) ?? throw new InvalidOperationException("The seeded Hớn Quản 2024 plan is not listed.");

    public static async Task<JsonNode> GetPlanAsync(this HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/plans/{id}");
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    public static async Task<string> ExportAsync(this HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/plans/{id}/export");
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<HttpResponseMessage> PostTokenAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/auth/token", body);
}
