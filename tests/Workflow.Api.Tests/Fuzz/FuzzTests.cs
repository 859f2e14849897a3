using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Fuzz;

/// <summary>
/// Every operation of the OpenAPI document, called as each kind of user with what a careless or hostile client sends:
/// wrong types, huge and negative numbers, nulls inside arrays, control and lone-surrogate characters, bad GUIDs, enums
/// and dates, unknown fields, oversized bodies, reused and malformed idempotency keys. No answer may be a 5xx, and a
/// refused request (4xx) may change nothing: the row counts of every table that holds what people change are the same
/// before and after it. Bounded in count and time, not timed.
/// </summary>
public sealed class FuzzTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const int MaxRequests = 4000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    private static readonly string[] Users = ["admin", "taichinh", "nongnghiep", "chutich", "khobac", "tk.giamsat", "dn.tonghop"];

    private static readonly string[] BadTexts =
    [
        "", " ", "\u0000", "line\nbreak\ttab", "\ud800", "\udfff lone", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd",
        new string('x', 5000), "-1", "1e309", "NaN", "null", "00000000-0000-0000-0000-000000000000", "not-a-guid", "2024-13-45", "31/12/2024",
    ];

    private static readonly JsonNode?[] BadValues =
    [
        null, JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue),
        JsonNode.Parse("1e30"), JsonNode.Parse("1.5"), JsonValue.Create(true), JsonValue.Create("\ud800"), JsonValue.Create("x\u0000y"),
        new JsonArray(null, null), new JsonArray(JsonValue.Create("\ud800")), new JsonObject { ["unknown"] = 1 }, JsonValue.Create(new string('9', 400)),
    ];

    [Fact]
    public async Task EveryOperation_WithHostileInput_NeverAnswers5xxAndRefusalsChangeNothing()
    {
        using var anonymous = factory.CreateClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);

        var clients = new List<HttpClient> { anonymous };
        foreach (var user in Users) clients.Add(await factory.ClientFor(user));

        var random = new Random(20261130);
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var sent = 0;
        var counts = await CountsAsync();
        foreach (var (method, path, hasBody, parameters) in operations.OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            for (var variant = 0; variant < 20 && sent < MaxRequests && stopwatch.Elapsed < Budget; variant++)
            {
                var client = clients[random.Next(clients.Count)];
                var url = Url(path, parameters, random);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (hasBody) request.Content = Body(random, variant);
                foreach (var (name, _) in parameters.Where(p => p.In == "header"))
                    request.Headers.TryAddWithoutValidation(name, HeaderValue(random));
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add($"{method} {url}: threw {e.GetType().Name}: {e.Message}");
                    continue;
                }
                sent++;
                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        var text = await response.Content.ReadAsStringAsync();
                        failures.Add($"{method} {url} → {status}: {text[..Math.Min(200, text.Length)]}");
                    }
                    var after = await CountsAsync();
                    if (status is >= 400 and < 500 && after != counts)
                        failures.Add($"{method} {url} → {status} but changed the data: {counts} → {after}");
                    counts = after;
                }
            }
        }

        Assert.True(sent > 100, $"Only {sent} requests were sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests misbehaved:\n" + string.Join("\n", failures.Take(40)));
    }

    private sealed record Operation(string Method, string Path, bool HasBody, IReadOnlyList<(string Name, string In)> Parameters);

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (method is "parameters") continue;
            var parameters = (operation!["parameters"]?.AsArray() ?? [])
                .Select(p => ((string)p!["name"]!, (string)p["in"]!)).ToList();
            yield return new Operation(method.ToUpperInvariant(), path, operation["requestBody"] is not null, parameters);
        }
    }

    private static string Url(string path, IReadOnlyList<(string Name, string In)> parameters, Random random)
    {
        var url = path;
        foreach (var (name, place) in parameters.Where(p => p.In == "path"))
            url = url.Replace("{" + name + "}", Uri.EscapeDataString(random.Next(3) switch
            {
                0 => Guid.NewGuid().ToString(),
                // a NUL in the path never reaches the application: Kestrel refuses it (400), the in-process test server throws
                1 => BadTexts.Where(t => !t.Contains('\u0000')).ElementAt(random.Next(BadTexts.Length - 1)),
                _ => "DA2",
            }));
        var query = parameters.Where(p => p.In == "query")
            .Select(p => $"{p.Name}={Uri.EscapeDataString(BadTexts[random.Next(BadTexts.Length)])}");
        return url + (query.Any() ? "?" + string.Join("&", query) : "");
    }

    /// <summary>An Idempotency-Key as clients send it: new, one shared by every request (so mostly another request's), or malformed.</summary>
    private static string HeaderValue(Random random) => random.Next(5) switch
    {
        0 => Guid.NewGuid().ToString(),
        1 => "fuzz-shared-key",
        2 => new string('k', 300),
        3 => "bell\u0007tab\t",
        _ => "khóa có dấu",
    };

    private static HttpContent Body(Random random, int variant)
    {
        string json = variant switch
        {
            0 => "{}",
            1 => "[]",
            2 => "null",
            3 => "{\"a\":",                                       // broken JSON
            4 => "{\"x\":\"" + new string('y', 2_000_000) + "\"}", // oversized
            _ => RandomObject(random).ToJsonString(),
        };
        return new StringContent(json, Encoding.UTF8, "application/json");
    }

    private static readonly string[] FieldNames =
    [
        "userName", "password", "code", "name", "kind", "level", "parentCode", "unitCode", "agencyCode", "roles", "displayName", "position",
        "planLineId", "title", "areaType", "totalCost", "stateSupport", "split", "counterpart", "beneficiaries", "attachments", "communes",
        "amount", "contractValue", "comment", "data", "decisionNumber", "decisionDate", "treasuryReference", "paidOn", "outputs", "actualCost",
        "reached", "fiscalYear", "unit", "lines", "totals", "reason", "component", "decisionReference", "validFrom", "validTo", "successorCode",
        "appraiser", "approver", "treasury", "currentPassword", "newPassword", "confirmBelowPending", "startDate", "endDate",
    ];

    private static JsonObject RandomObject(Random random)
    {
        var body = new JsonObject();
        foreach (var name in FieldNames.OrderBy(_ => random.Next()).Take(random.Next(3, 12)))
        {
            var value = random.Next(3) == 0
                ? JsonValue.Create(BadTexts[random.Next(BadTexts.Length)])
                : BadValues[random.Next(BadValues.Length)]?.DeepClone();
            body[name] = value;
        }
        return body;
    }

    private async Task<string> CountsAsync() => await factory.DbAsync(async db =>
        string.Join(",",
            await db.Plans.CountAsync(), await db.PlanRevisions.CountAsync(), await db.Proposals.CountAsync(), await db.Disbursements.CountAsync(),
            await db.Settlements.CountAsync(), await db.LedgerEntries.CountAsync(), await db.Journal.CountAsync(), await db.Users.CountAsync(),
            await db.AdminUnits.CountAsync(), await db.Agencies.CountAsync(), await db.AdminJournal.CountAsync(), await db.Carryovers.CountAsync(),
            await db.Lapses.CountAsync(), await db.PovertyCensuses.CountAsync(), await db.MonitoringTargets.CountAsync(),
            await db.MonitoringSubUnits.CountAsync(), await db.EscapedAfterSupport.CountAsync(), await db.DeclaredFunds.CountAsync(),
            await db.MonitoringReports.CountAsync()));
}
