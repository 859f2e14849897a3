using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// What the operator on call reads: the workflow's metrics on the Prometheus scrape endpoint (behind its token outside
/// Development), liveness apart from readiness, and log lines that name the user and the dossier.
/// </summary>
public sealed class ObservabilityTests(ObservabilityTests.Observed factory) : IClassFixture<ObservabilityTests.Observed>
{
    private const string Token = "scrape-token-0123456789";

    public sealed class Observed : WorkflowApiFactory
    {
        public Observed() => Settings["Telemetry:MetricsToken"] = Token;

        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    [Fact]
    public async Task Metrics_AfterTransitionsAndARefusal_CountThemByProcessActionOutcomeAndRule()
    {
        using var clerk = await factory.ClientFor("tk.nongnghiep");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA3.1"), 12_000_000, "Mô hình nuôi ong xã Tân Khai"));
        await clerk.ActOkAsync("proposals", id, "submit");
        using (var again = await clerk.ActAsync("proposals", id, "submit"))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var metrics = await ScrapeAsync(Token);

        Assert.Contains(metrics, l => l.StartsWith("workflow_transitions_total{") && l.Contains("workflow_definition=\"proposal\"")
            && l.Contains("workflow_action=\"submit\"") && l.Contains("workflow_outcome=\"done\""));
        Assert.Contains(metrics, l => l.StartsWith("workflow_transitions_total{") && l.Contains("workflow_action=\"submit\"") && l.Contains("workflow_outcome=\"refused\""));
        Assert.Contains(metrics, l => l.StartsWith("workflow_refusals_total{") && l.Contains("problem_code=\"workflow.notAvailable\""));
        Assert.Contains(metrics, l => l.StartsWith("workflow_transition_duration_milliseconds_bucket{") && l.Contains("workflow_action=\"submit\""));
        Assert.Contains(metrics, l => l.StartsWith("http_server_request_duration_seconds_bucket{"));
    }

    [Fact]
    public async Task Metrics_WithoutTheToken_Answers401AndShowsNothing()
    {
        using var client = factory.CreateClient();

        using var anonymous = await client.GetAsync("/metrics");
        using var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guessed") } });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("workflow_", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_AnswersHealthyWithoutAskingTheDatabase()
    {
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fire_WhenItCommits_LogsALineNamingTheDossierTheUserAndTheTrace()
    {
        using var clerk = await factory.ClientFor("tk.nongnghiep");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA3.1"), 11_000_000, "Mô hình trồng sả xã Tân Khai"));
        var instance = (string)(await clerk.GetProposalAsync(id))["instanceId"]!;

        await clerk.ActOkAsync("proposals", id, "submit");

        var line = Assert.Single(factory.Logs.Entries, e => e.Message.Contains("submit") && e.Scopes.TryGetValue("InstanceId", out var i) && string.Equals(i, instance, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("tk.nongnghiep", line.Scopes["User"]);
        Assert.Equal("tk.nongnghiep", line.Scopes["Actor"]);
        Assert.True(line.Scopes.TryGetValue("TraceId", out var trace) && trace.Length == 32, "No trace id on the line: " + string.Join(", ", line.Scopes));
    }

    private async Task<List<string>> ScrapeAsync(string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Split('\n').ToList();
    }

    /// <summary>The log lines the server wrote, each with the scopes it was written in, as the JSON console shows them.</summary>
    public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ConcurrentBag<Entry> Entries { get; } = [];

        public sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, string> Scopes);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                var scopes = new Dictionary<string, string>(StringComparer.Ordinal);
                capture._scopes.ForEachScope((scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        foreach (var (key, value) in pairs) into[key] = value?.ToString() ?? "";
                }, scopes);
                capture.Entries.Add(new Entry(category, formatter(state, exception), scopes));
            }
        }
    }
}
