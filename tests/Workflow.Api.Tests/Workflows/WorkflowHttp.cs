using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Workflows;

public static class WorkflowHttp
{
    public static Task<HttpResponseMessage> FireAsync(this HttpClient client, Guid instanceId, string action, string? comment = null, object? data = null) =>
        client.PostAsJsonAsync($"/api/workflow-instances/{instanceId}/actions/{action}", new { comment, data });

    public static async Task<JsonNode> FireOkAsync(this HttpClient client, Guid instanceId, string action, string? comment = null, object? data = null)
    {
        using var response = await client.FireAsync(instanceId, action, comment, data);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
