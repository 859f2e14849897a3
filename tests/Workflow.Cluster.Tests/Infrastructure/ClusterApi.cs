using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>The demo users of Xã Tân Khai (DN.TK), by what they do, and the commune's plan of the current year.</summary>
public static class TanKhai
{
    /// <summary>LeadAgency of the Trung tâm Dịch vụ nông nghiệp (DN.TK.DVNN): DA2, DA3.1.</summary>
    public const string Clerk = "tk.nongnghiep";
    /// <summary>FinanceOffice of the Phòng Kinh tế (DN.TK.KT): appraises.</summary>
    public const string Finance = "tk.kinhte";
    public const string Finance2 = "tk.kinhte2";
    /// <summary>Approver: the chairman of the UBND xã.</summary>
    public const string Chair = "tk.chutich";
    public const string Unit = "DN.TK";

    /// <summary>Today in Vietnam, the servers' "today".</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>The demo seeds Tân Khai's plan for every year up to the current one; this year's is open.</summary>
    public static int Year => Today.Year;

    public static async Task<Guid> PlanIdAsync(HttpClient client)
    {
        var plans = (await client.GetJsonAsync("/api/plans")).AsArray();
        var plan = plans.FirstOrDefault(p => (string?)p!["unitCode"] == Unit && (int?)p["fiscalYear"] == Year)
            ?? throw new InvalidOperationException($"Tân Khai has no plan for {Year}: {plans.ToJsonString()}");
        return Guid.Parse((string)plan["id"]!);
    }

    public static async Task<Guid> LineIdAsync(HttpClient client, string component)
    {
        var plan = await client.GetJsonAsync($"/api/plans/{await PlanIdAsync(client)}");
        var line = plan["lines"]!.AsArray().FirstOrDefault(l => (string?)l!["component"] == component)
            ?? throw new InvalidOperationException($"Tân Khai's {Year} plan has no line {component}.");
        return Guid.Parse((string)line["id"]!);
    }

    /// <summary>
    /// A poverty-reduction model on a line of this year's plan: the state support plus 10 million of the members' labour,
    /// 20 poor and near-poor households of 25 participants, from May to mid-December.
    /// </summary>
    public static JsonObject Model(Guid lineId, long stateSupport, string title) => new()
    {
        ["planLineId"] = lineId.ToString(),
        ["title"] = title,
        ["kind"] = "PovertyReductionModel",
        ["areaType"] = "Other",
        ["communes"] = new JsonArray(Unit),
        ["startDate"] = $"{Year}-05-01",
        ["endDate"] = $"{Year}-12-15",
        ["totalCost"] = stateSupport + 10_000_000L,
        ["stateSupport"] = stateSupport,
        ["counterpart"] = new JsonObject { ["cash"] = 0L, ["labour"] = 10_000_000L, ["inKind"] = 0L },
        ["beneficiaries"] = new JsonObject
        {
            ["poor"] = 5, ["nearPoor"] = 15, ["newlyEscaped"] = 0, ["ethnicMinority"] = 2, ["disabled"] = 0, ["totalParticipants"] = 25,
        },
        ["attachments"] = new JsonArray(),
        ["contractValue"] = null,
    };

    /// <summary>The approval's decision, dated today.</summary>
    public static object Decision(string number) => new { decisionNumber = number, decisionDate = Today.ToString("yyyy-MM-dd") };
}

/// <summary>HTTP helpers: JSON in and out, proposals and their actions.</summary>
public static class ClusterApi
{
    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    /// <summary>Asserts the status, showing the body when it differs; returns the JSON body (null when there is none).</summary>
    public static async Task<JsonNode?> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}; got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public static Task<HttpResponseMessage> CreateProposalAsync(this HttpClient client, JsonNode body) => client.PostAsync("/api/proposals", Json(body));

    public static async Task<Guid> CreateProposalOkAsync(this HttpClient client, JsonNode body)
    {
        using var response = await client.CreateProposalAsync(body);
        return Guid.Parse((string)(await response.ExpectAsync(HttpStatusCode.Created))!["id"]!);
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid proposalId, string action, string? comment = null, object? data = null) =>
        client.PostAsJsonAsync($"/api/proposals/{proposalId}/actions/{action}", new { comment, data });

    public static async Task<JsonNode> ActOkAsync(this HttpClient client, Guid proposalId, string action, string? comment = null, object? data = null)
    {
        using var response = await client.ActAsync(proposalId, action, comment, data);
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    public static Task<JsonNode> GetProposalAsync(this HttpClient client, Guid id) => client.GetJsonAsync($"/api/proposals/{id}");

    /// <summary>The dossier's journal as the API shows it: one entry per transition, in order.</summary>
    public static async Task<JsonArray> HistoryAsync(this HttpClient client, Guid proposalId) =>
        (await client.GetJsonAsync($"/api/proposals/{proposalId}/history")).AsArray();

    /// <summary>The caller's notices (the latest first).</summary>
    public static async Task<JsonArray> NotificationsAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/notifications?take=200")).AsArray();

    /// <summary>GET /api/audit/verify?full=true: the journal and ledger checked from their start.</summary>
    public static Task<JsonNode> VerifyAsync(this HttpClient client) => client.GetJsonAsync("/api/audit/verify?full=true");

    public static async Task<string> DescribeAsync(this HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
}
