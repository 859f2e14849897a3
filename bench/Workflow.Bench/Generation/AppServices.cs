using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Infrastructure;

namespace Workflow.Bench.Generation;

/// <summary>
/// The application's infrastructure, registered in the bench process exactly as the server registers it (the same
/// DbContext with its seal, definition loader, catalogues and policies), pointed at one generated database.
/// </summary>
public static class AppServices
{
    public static ServiceProvider For(BenchDatabase database, string journalKey, string repositoryRoot)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Audit:JournalKey"] = journalKey,
            ["Workflows:Path"] = Path.Combine(repositoryRoot, "workflows"),
            ["Catalogues:Path"] = Path.Combine(repositoryRoot, "catalogues"),
            // nothing runs in the background of a generator
            ["Workflows:RunBackgroundServices"] = "false",
        };
        foreach (var (key, value) in database.Settings) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // the migrations' own warnings (a table rebuilt, a pragma outside a transaction) are the application's to read, not the bench's
        // (nor the failed look for the migrations' history table in a new PostgreSQL database, which EF then creates)
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddWorkflowInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
