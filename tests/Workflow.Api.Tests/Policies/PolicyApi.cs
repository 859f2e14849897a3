using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Policies;

/// <summary>Calls of <c>/api/admin/policies</c> for the policy tests.</summary>
internal static class PolicyApi
{
    public const string Resolution = "Nghị quyết 12/2024/NQ-HĐND tỉnh";

    public static Task<HttpResponseMessage> GetPoliciesAsync(this HttpClient client, string province, int? year = null) =>
        client.GetAsync($"/api/admin/policies?province={Uri.EscapeDataString(province)}" + (year is null ? "" : $"&year={year}"));

    public static Task<HttpResponseMessage> CreatePolicyAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/admin/policies", Tests.Infrastructure.Api.JsonBody(body));

    /// <summary>Values as RULES.md gives them, with two-level counterpart rates (province and commune, no district), every one with a basis.</summary>
    public static JsonObject Values(long taskBasedMaximum = 3_000_000_000) => new()
    {
        ["minimumLocalRate"] = Value(0.15m),
        ["counterpartRates"] = new JsonObject { ["value"] = new JsonObject { ["Provincial"] = 0.10m, ["Commune"] = 0.05m }, ["basis"] = Resolution },
        ["roundingUnit"] = Value(1_000_000L),
        ["supportCapRates"] = new JsonObject
        {
            ["value"] = new JsonObject
            {
                ["ValueChain"] = new JsonObject { ["EspeciallyDifficult"] = 0.8m, ["Difficult"] = 0.7m, ["Other"] = 0.5m },
                ["Community"] = new JsonObject { ["EspeciallyDifficult"] = 0.95m, ["Difficult"] = 0.8m, ["Other"] = 0.6m },
            },
            ["basis"] = "NĐ 27/2022/NĐ-CP, NĐ 38/2023/NĐ-CP",
        },
        ["taskBasedMaximum"] = Value(taskBasedMaximum),
        ["minimumBeneficiaryShare"] = Value(0.5m),
        ["priorityBeneficiaryShare"] = Value(0.7m),
        ["advanceContractAbove"] = Value(50_000_000L),
        ["advanceMaxRate"] = Value(0.5m),
    };

    public static JsonObject Value<T>(T value, string basis = Resolution) => new() { ["value"] = JsonValue.Create(value), ["basis"] = basis };

    public static JsonObject Version(string province, int year, string effectiveFrom, JsonObject values) => new()
    {
        ["province"] = province, ["fiscalYear"] = year, ["effectiveFrom"] = effectiveFrom, ["values"] = values,
    };

    public static async Task<JsonNode> CreatedAsync(this Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return (await response.ExpectAsync(HttpStatusCode.Created))!;
    }
}
