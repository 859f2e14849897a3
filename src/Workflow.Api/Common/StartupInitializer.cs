using Workflow.Api.Seeding;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Common;

/// <summary>
/// Runs before the server accepts requests: schema and reference data, the workflow definitions and the programme
/// catalogues (a broken or silently edited one stops start-up), and the demo organisation where asked for.
/// </summary>
public sealed class StartupInitializer(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment, HostCommand command)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<DefinitionRegistration>().RegisterAsync(cancellationToken);
        await services.GetRequiredService<CatalogueRegistration>().RegisterAsync(cancellationToken);
        if (command.SeedDemo || environment.IsDevelopment() || configuration.GetValue<bool>("Seed:Demo"))
            await services.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
