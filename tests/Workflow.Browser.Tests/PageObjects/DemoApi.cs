using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Browser.Tests.Infrastructure;

namespace Workflow.Browser.Tests.PageObjects;

/// <summary>
/// A demo user through the API, for the steps of a story whose own pages are tested elsewhere (the clerk drafting, the
/// economic office appraising), so that a browser test spends its time on the pages it is about.
/// </summary>
public sealed class DemoApi : IDisposable
{
    private readonly HttpClient client;

    private DemoApi(HttpClient client) => this.client = client;

    public static async Task<DemoApi> SignInAsync(AppServer app, string userName, string password = WebApp.DemoPassword)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {userName}: {(int)response.StatusCode} {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)JsonNode.Parse(body)!["accessToken"]!);
        return new DemoApi(client);
    }

    public Task<JsonNode> GetAsync(string url) => OkAsync(client.GetAsync(url));

    public Task<JsonNode> PostAsync(string url, object body) => OkAsync(client.PostAsJsonAsync(url, body));

    public Task<JsonNode> ActAsync(string subjects, Guid id, string action, object? data = null) =>
        PostAsync($"/api/{subjects}/{id}/actions/{action}", new { comment = "Đồng ý.", data });

    /// <summary>The id of the <paramref name="component"/> line of <paramref name="unit"/>'s plan of this year.</summary>
    public async Task<string> LineAsync(string unit, string component)
    {
        var year = CommunePlan.OpenYear;
        var plans = (await GetAsync("/api/plans")).AsArray();
        var planId = (string)plans.First(p => (string?)p!["unitCode"] == unit && (int?)p["fiscalYear"] == year)!["id"]!;
        var plan = await GetAsync($"/api/plans/{planId}");
        return (string)plan["lines"]!.AsArray().First(l => (string?)l!["component"] == component)!["id"]!;
    }

    /// <summary>A poverty-reduction model of <paramref name="stateSupport"/> on the line, drafted by the caller (a clerk).</summary>
    public async Task<Guid> DraftProposalAsync(string lineId, string unit, string title, long stateSupport)
    {
        var year = CommunePlan.OpenYear;
        var created = await PostAsync("/api/proposals", new
        {
            planLineId = lineId, title, kind = "PovertyReductionModel", areaType = "Other", communes = new[] { unit },
            startDate = $"{year}-01-02", endDate = $"{year}-12-30", totalCost = stateSupport + 10_000_000, stateSupport,
            counterpart = new { cash = 0, labour = 10_000_000, inKind = 0 },
            beneficiaries = new { poor = 5, nearPoor = 15, newlyEscaped = 0, ethnicMinority = 2, disabled = 0, totalParticipants = 25 },
            attachments = Array.Empty<object>(),
        });
        return Guid.Parse((string)created["id"]!);
    }

    /// <summary>The workflow instance behind a dossier, as the inbox's checkboxes carry it.</summary>
    public async Task<Guid> InstanceOfAsync(string subjects, Guid id) => Guid.Parse((string)(await GetAsync($"/api/{subjects}/{id}"))["instanceId"]!);

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
    }

    public void Dispose() => client.Dispose();
}
