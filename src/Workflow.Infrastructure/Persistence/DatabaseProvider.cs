using Microsoft.EntityFrameworkCore;

namespace Workflow.Infrastructure.Persistence;

/// <summary>The database engines the system runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file, one writer at a time: a commune or a district on one machine (the default).</summary>
    Sqlite,

    /// <summary>One PostgreSQL database shared by any number of servers: a province or the country.</summary>
    Postgres,
}

/// <summary>How a unit of work is opened on each engine: one place, used by the server, the design-time tools and the tests.</summary>
public static class DatabaseProviders
{
    public static DatabaseProvider Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported; use 'Sqlite' or 'Postgres'."),
    };

    /// <summary>Points <paramref name="builder"/> at the database; interceptors that belong to the engine come with it.</summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString);
                builder.ReplaceService<Microsoft.EntityFrameworkCore.Update.IModificationCommandBatchFactory, SqliteBatchedSaves>();
                // writers of this process queue in memory; SQLite's busy wait covers writers of other processes
                builder.AddInterceptors(new SqliteBusyWait(), SqliteSingleWriter.Shared);
                break;
            case DatabaseProvider.Postgres:
                // no retrying execution strategy: the runtime and idempotent requests open their own transactions, and a
                // conflict is retried by the runtime on fresh data (DbErrors), not by replaying commands
                builder.UseNpgsql(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
        return builder;
    }

    /// <summary>Options for a context of type <typeparamref name="TContext"/> on the engine.</summary>
    public static DbContextOptions<TContext> Options<TContext>(this DatabaseProvider provider, string connectionString) where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.Use(provider, connectionString);
        return builder.Options;
    }

    /// <summary>
    /// A unit of work outside the server's services (tools, tests): the context type whose migrations fit the engine,
    /// without the journal seal or an idempotent request.
    /// </summary>
    public static WorkflowDbContext OpenContext(this DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Postgres => new PostgresWorkflowDbContext(provider.Options<PostgresWorkflowDbContext>(connectionString)),
        _ => new WorkflowDbContext(provider.Options<WorkflowDbContext>(connectionString)),
    };
}
