using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Workflow.Infrastructure;

/// <summary>
/// The background services (outbox, deadlines, audit, key sweeper, mail, report reminders) start once the server
/// accepts requests, not before it.
/// </summary>
/// <remarks>
/// A hosted service's start runs until its first real wait, and on SQLite a query never waits: each service's first
/// round — its queries compiled and run — would otherwise be done one after another before the server listens, close
/// to a second of a start. They only have to run after the schema and definitions are in place (the start-up
/// initializer, which still runs first and in full); when they begin does not change what they do.
/// </remarks>
public static class BackgroundWork
{
    public static IServiceCollection AddBackgroundWork<TService>(this IServiceCollection services) where TService : class, IHostedService
    {
        services.AddSingleton<TService>();
        services.AddHostedService(provider => new StartedWithServer<TService>(provider.GetRequiredService<TService>()));
        return services;
    }

    /// <summary>Starts <typeparamref name="TService"/> in the host's "started" step, after the server's own start.</summary>
    private sealed class StartedWithServer<TService>(TService service) : IHostedLifecycleService where TService : IHostedService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartedAsync(CancellationToken cancellationToken) => service.StartAsync(cancellationToken);
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => service.StopAsync(cancellationToken);
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
