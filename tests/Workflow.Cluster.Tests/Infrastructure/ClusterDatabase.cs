using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>
/// The one database every server of a cluster uses. With <c>WORKFLOW_TEST_POSTGRES</c> set (a PostgreSQL server the
/// test command started: a connection string or a <c>postgresql://</c> address) a new database on it, with
/// <c>Database:Provider=Postgres</c>; otherwise one SQLite file in WAL mode under the temporary directory, which
/// several processes share on one machine. The tests read it — and, to set up what only time would otherwise bring,
/// write it — through the servers' own data layer, with the same provider and settings.
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _sqliteFolder;

    private ClusterDatabase(string provider, string connectionString, string? sqliteFolder, string journalKey)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Audit:JournalKey"] = journalKey,
            ["Workflows:RunBackgroundServices"] = "false",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddWorkflowInfrastructure(configuration).BuildServiceProvider();
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The servers' settings for it.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
    };

    public override string ToString() => Provider == "Sqlite" ? ConnectionString : $"{Provider} database {new DbConnectionStringBuilder { ConnectionString = ConnectionString }["Database"]}";

    public static ClusterDatabase Create(string journalKey)
    {
        if (Environment.GetEnvironmentVariable("WORKFLOW_TEST_POSTGRES") is { Length: > 0 } server)
            return new ClusterDatabase("Postgres", PostgresDatabase(server, $"workflow_cluster_{Guid.NewGuid():N}"), null, journalKey);
        var folder = Directory.CreateTempSubdirectory("workflow-cluster-").FullName;
        return new ClusterDatabase("Sqlite", $"Data Source={Path.Combine(folder, "workflow.db")}", folder, journalKey);
    }

    /// <summary>The server's address with another database: the first server's migration creates it.</summary>
    private static string PostgresDatabase(string server, string database)
    {
        var builder = new DbConnectionStringBuilder();
        if (Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Scheme is "postgres" or "postgresql")
        {
            builder["Host"] = uri.Host;
            if (uri.Port > 0) builder["Port"] = uri.Port;
            var user = uri.UserInfo.Split(':', 2);
            if (user[0].Length > 0) builder["Username"] = Uri.UnescapeDataString(user[0]);
            if (user.Length > 1) builder["Password"] = Uri.UnescapeDataString(user[1]);
        }
        else
        {
            builder.ConnectionString = server;
        }
        builder["Database"] = database;
        return builder.ConnectionString;
    }

    /// <summary>A query (or a change) in a unit of work of its own.</summary>
    public async Task<T> InAsync<T>(Func<WorkflowDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_sqliteFolder is null) return;
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_sqliteFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a server that was slow to die: the temporary directory is cleaned anyway
        }
    }
}
