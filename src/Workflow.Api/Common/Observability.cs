using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workflow.Infrastructure.Telemetry;

namespace Workflow.Api.Common;

/// <summary>
/// What an operator on call reads (docs/operations.md §7): traces and metrics through OpenTelemetry — the workflow's own
/// (<see cref="WorkflowTelemetry"/>), ASP.NET Core's requests and errors, the runtime's — on a Prometheus scrape endpoint
/// and, when an endpoint is set, over OTLP; <c>/health/live</c> for the proxy; and the user on every request's log lines.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";
    public const string LivePath = "/health/live";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var otlp = OtlpEndpoint(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("workflow", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(WorkflowTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health") && context.Request.Path != MetricsPath);
                if (otlp is not null) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(WorkflowTelemetry.Name, "System.Runtime").AddAspNetCoreInstrumentation()
                    // every scrape reads the counters afresh: the scraper, not the server, decides how often
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
    }

    public static void UseObservability(this WebApplication app)
    {
        // the user on every log line of the request, beside the trace id ASP.NET Core already puts there
        app.Use(async (context, next) =>
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Workflow.Requests");
            using (logger.BeginScope(new Dictionary<string, object> { ["User"] = context.User.Identity?.Name ?? "-" }))
                await next(context);
        });

        // the scrape endpoint: open in Development; elsewhere only with the bearer token of Telemetry:MetricsToken, and
        // absent without one (what it shows — request rates, refusals by rule — is for the operator, not the public)
        var token = app.Configuration["Telemetry:MetricsToken"];
        if (!app.Environment.IsDevelopment() && string.IsNullOrEmpty(token)) return;
        app.UseWhen(context => context.Request.Path == MetricsPath, metrics => metrics.Use(async (context, next) =>
        {
            if (app.Environment.IsDevelopment() || Presents(context, token!))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
    }

    /// <summary>Liveness for the proxy: the process answers. Readiness (database, broker) stays at <c>/health</c>.</summary>
    public static void MapLiveness(this WebApplication app) =>
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();

    private static bool Presents(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    private static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } endpoint
            ? Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri
                : throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{endpoint}' is not an absolute address (http://collector:4317).")
            : null;
}
