using System.Text.Json.Nodes;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Audit;

/// <summary>Asking for a verification and reading its problems.</summary>
internal static class AuditHttp
{
    public static async Task<JsonNode> VerifyAsync(this RuntimeFactory app, bool full = true)
    {
        using var admin = await app.ClientFor(Demo.Admin);
        return await admin.GetJsonAsync("/api/audit/verify" + (full ? "?full=true" : ""));
    }

    public static List<JsonNode> Problems(this JsonNode report, string code) =>
        report["problems"]!.AsArray().Where(p => (string?)p!["code"] == code).Select(p => p!).ToList();

    /// <summary>Asserts the report is not intact and names a problem of <paramref name="code"/> that matches; returns it.</summary>
    public static JsonNode AssertProblem(this JsonNode report, string code, Func<JsonNode, bool> where)
    {
        Assert.False((bool)report["intact"]!, "The report says intact: " + report.ToJsonString());
        var found = report.Problems(code).FirstOrDefault(where);
        Assert.True(found is not null, $"No '{code}' problem where expected; the report: {report["problems"]!.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace((string?)found!["message"]), "The problem has no message.");
        return found;
    }

    public static bool Is(this JsonNode? value, Guid id) => string.Equals((string?)value, id.ToString(), StringComparison.OrdinalIgnoreCase);
}
