using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddWorkflowInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddDbContext<WorkflowDbContext>(db =>
        {
            switch (options.Provider.ToLowerInvariant())
            {
                case "sqlite":
                    db.UseSqlite(options.ConnectionString);
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use 'Sqlite'.");
            }
        });
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
