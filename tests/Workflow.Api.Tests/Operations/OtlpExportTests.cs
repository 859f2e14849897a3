using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// With <c>Telemetry:OtlpEndpoint</c> set, the server sends its traces and metrics to that collector over OTLP (gRPC):
/// a transition's <c>workflow.fire</c> span (with who acted) and the <c>workflow.transitions</c> counter arrive at a receiver listening
/// where a collector would, as OTLP export requests naming the service.
/// </summary>
public sealed class OtlpExportTests(OtlpExportTests.Exporting factory) : IClassFixture<OtlpExportTests.Exporting>
{
    private const string TraceExport = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private const string MetricsExport = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";

    public sealed class Exporting : WorkflowApiFactory
    {
        public Exporting()
        {
            Collector = new OtlpReceiver();
            Settings["Telemetry:OtlpEndpoint"] = Collector.Address;
            // metrics are exported every second here (every minute by default)
            Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        public OtlpReceiver Collector { get; }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Collector.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fire_WithAnOtlpEndpoint_SendsTheTransitionsSpanAndCounterToTheCollector()
    {
        using var clerk = await factory.ClientFor("tk.nongnghiep");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA3.1"), 12_000_000, "Mô hình nuôi gà xã Tân Khai"));
        await clerk.ActOkAsync("proposals", id, "submit");

        // the demo data's own transitions are exported too, and may come first: wait for the clerk's
        var trace = await factory.Collector.WaitForAsync(TraceExport, "workflow.fire", "tk.nongnghiep");
        Assert.Contains("workflow", trace); // the service's name, on the resource
        await factory.Collector.WaitForAsync(MetricsExport, "workflow.transitions");
    }
}

/// <summary>
/// Where a collector listens: an HTTP/2 endpoint that accepts OTLP's gRPC export calls and answers each with an empty
/// success, keeping every request's path and body (protobuf, in which names and values are plain UTF-8) to be read.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string Body)> _received = new();

    public OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path, Encoding.UTF8.GetString(body.ToArray())));
            // a gRPC answer: an uncompressed, empty message and the status in the trailers
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[5]);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Address = _app.Urls.Single();
    }

    public string Address { get; }

    /// <summary>The first export request to <paramref name="path"/> whose body holds <paramref name="text"/>, as text; fails after a minute.</summary>
    /// <summary>The first request to <paramref name="path"/> whose body holds every one of <paramref name="texts"/>.</summary>
    public async Task<string> WaitForAsync(string path, params string[] texts)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(1); waited += TimeSpan.FromMilliseconds(200))
        {
            if (_received.FirstOrDefault(r => r.Path == path && texts.All(t => r.Body.Contains(t, StringComparison.Ordinal))) is { Body: { } body }) return body;
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"No OTLP request to {path} held '{string.Join("', '", texts)}' within a minute; received: {string.Join(", ", _received.Select(r => r.Path))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
