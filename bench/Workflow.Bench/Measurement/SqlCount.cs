using System.Text.Json;
using Workflow.Bench.Generation;

namespace Workflow.Bench.Measurement;

/// <summary>What one kind of transition sends to the database: commands executed and transactions committed.</summary>
public sealed record SqlPerTransition(string Kind, double Commands, double Statements, double Commits, int Requests);

/// <summary>SQL sent per transition: per kind, and over all transitions; and what the background services sent meanwhile.</summary>
public sealed record SqlProfile(IReadOnlyList<SqlPerTransition> Kinds, double Commands, double MaxCommands, double Commits, double BackgroundCommandsPerTransition, double BackgroundCommitsPerTransition);

/// <summary>
/// Counts the SQL behind each transition without touching the application: the server runs with EF Core's own command
/// and transaction logging switched on by configuration (<c>Logging:LogLevel</c>), its JSON console log carries each
/// request's path and id as a scope, and the bench counts "command executed" and "transaction committed" events per
/// request. Commands logged outside any request are the background services' (outbox, deadlines, verification runs).
/// </summary>
public static class SqlCount
{
    public static readonly IReadOnlyDictionary<string, string> Logging = new Dictionary<string, string>
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug",
        ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
    };

    private const int CommandExecuted = 20101;
    private const int TransactionCommitted = 20202;

    public static async Task<SqlProfile> MeasureAsync(BenchPaths paths, string databasePath, BenchKeys keys, Manifest manifest, int lifecycles)
    {
        var log = paths.Log("sql-per-transition");
        await using (var app = await AppProcess.StartAsync(paths, BenchDatabase.Sqlite(databasePath), keys, log, Logging))
        {
            using var api = new ApiClient(app.BaseUrl, manifest.Password);
            var client = LifecycleClient.For(manifest, 0);
            await api.SignInAsync(client.Users);
            var driver = new LifecycleDriver(api, manifest.FiscalYear);
            var samples = new Samples();
            // the first lifecycle loads what every later one finds cached (definitions, sessions, compiled queries)
            await driver.OneAsync(client, samples);
            for (var i = 0; i < lifecycles; i++) await driver.OneAsync(client, samples);
        }
        return Parse(log, skipLifecycles: 1);
    }

    private static SqlProfile Parse(string log, int skipLifecycles)
    {
        var requests = new Dictionary<string, Request>();
        var background = new List<(DateTimeOffset At, bool Commit)>();
        foreach (var line in File.ReadLines(log))
        {
            if (!line.StartsWith('{')) continue;
            using var document = JsonDocument.Parse(line);
            var entry = document.RootElement;
            var id = entry.GetProperty("EventId").GetInt32();
            var category = entry.GetProperty("Category").GetString();
            var command = category == "Microsoft.EntityFrameworkCore.Database.Command" && id == CommandExecuted;
            var commit = category == "Microsoft.EntityFrameworkCore.Database.Transaction" && id == TransactionCommitted;
            if (!command && !commit) continue;
            var at = entry.GetProperty("Timestamp").GetDateTimeOffset();
            var (requestId, path) = RequestOf(entry);
            if (requestId is null)
            {
                background.Add((at, commit));
                continue;
            }
            if (!requests.TryGetValue(requestId, out var request))
                requests[requestId] = request = new Request(KindOf(path), requests.Count, at);
            request.Last = at;
            if (commit) request.Commits++;
            else
            {
                request.Commands++;
                request.Statements += Statements(entry.GetProperty("State").TryGetProperty("commandText", out var text) ? text.GetString() ?? "" : "");
            }
        }

        var transitions = requests.Values.Where(r => r.Kind != "").OrderBy(r => r.Order).Skip(skipLifecycles * LifecycleDriver.TransitionsPerLifecycle).ToList();
        if (transitions.Count == 0) throw new InvalidOperationException($"No transition's SQL was found in {log}.");
        var kinds = transitions.GroupBy(r => r.Kind)
            .Select(g => new SqlPerTransition(g.Key, g.Average(r => r.Commands), g.Average(r => r.Statements), g.Average(r => r.Commits), g.Count()))
            .ToList();
        // what the background services did while the measured transitions ran: the outbox they filled, mostly
        var from = transitions.Min(r => r.First);
        var to = transitions.Max(r => r.Last);
        var meanwhile = background.Where(b => b.At >= from && b.At <= to).ToList();
        return new SqlProfile(kinds, transitions.Average(r => r.Commands), transitions.Max(r => r.Commands), transitions.Average(r => r.Commits),
            meanwhile.Count(b => !b.Commit) / (double)transitions.Count, meanwhile.Count(b => b.Commit) / (double)transitions.Count);
    }

    private sealed class Request(string kind, int order, DateTimeOffset first)
    {
        public string Kind { get; } = kind;
        public int Order { get; } = order;
        public DateTimeOffset First { get; } = first;
        public DateTimeOffset Last { get; set; } = first;
        public int Commands { get; set; }
        public int Statements { get; set; }
        public int Commits { get; set; }
    }

    /// <summary>The request a log entry was written in, from the hosting scope (RequestId, RequestPath); none for background work.</summary>
    private static (string? RequestId, string? Path) RequestOf(JsonElement entry)
    {
        if (!entry.TryGetProperty("Scopes", out var scopes) || scopes.ValueKind != JsonValueKind.Array) return (null, null);
        foreach (var scope in scopes.EnumerateArray())
            if (scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("RequestId", out var id))
                return (id.GetString(), scope.TryGetProperty("RequestPath", out var path) ? path.GetString() : null);
        return (null, null);
    }

    /// <summary>The transition a request path is, in the names the load run uses; "" for anything else (sign-in).</summary>
    private static string KindOf(string? path)
    {
        if (path is null) return "";
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            ["api", "proposals"] => "proposal create",
            ["api", "proposals", _, "disbursements"] => "disbursement create",
            ["api", "disbursements", _, "actions", "approve"] => "payment approve",
            ["api", _, _, "actions", var action] => action,
            _ => "",
        };
    }

    /// <summary>Statements in a logged command: EF sends a unit of work's changes as one command of several statements.</summary>
    private static int Statements(string sql) =>
        sql.Split(';', StringSplitOptions.RemoveEmptyEntries).Count(s => !string.IsNullOrWhiteSpace(s));
}
