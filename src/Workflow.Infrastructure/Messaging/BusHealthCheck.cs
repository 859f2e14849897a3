using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workflow.Infrastructure.Messaging;

/// <summary>
/// <c>/health</c>'s view of the bus: healthy only when the bus runs and every receive endpoint is connected — with
/// RabbitMQ, when the broker answers. MassTransit calls a bus that lost its broker "degraded", which a load balancer
/// would still take for healthy; here it is unhealthy, since the server then neither delivers nor receives events (its
/// requests still commit, and their events wait in the outbox until the broker is back).
/// </summary>
public sealed class BusHealthCheck(IBusControl bus, BusOptions options) : IHealthCheck
{
    public const string Name = "bus";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        var data = new Dictionary<string, object> { ["transport"] = options.Transport };
        if (options.Broker is { } broker) data["broker"] = broker.ToString();
        foreach (var (endpoint, result) in health.Endpoints)
            data[$"endpoint {endpoint}"] = $"{result.Status}: {result.Description}";
        return Task.FromResult(health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy(health.Description, data)
            : HealthCheckResult.Unhealthy($"{health.Status}: {health.Description}", health.Exception, data));
    }
}
