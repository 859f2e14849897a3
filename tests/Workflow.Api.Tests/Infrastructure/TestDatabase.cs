using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>
/// A database of one test class (or one test), on the engine the run is for, gone when disposed: a SQLite file under the
/// temp directory, or — when <see cref="PostgresVariable"/> names a PostgreSQL server — a database of its own on that
/// server, created with a unique name and dropped at the end. The suite runs once per engine (scripts/test.sh).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>A connection string to a PostgreSQL server without a database (<c>Host=…;Port=…;Username=…</c>); unset for SQLite.</summary>
    public const string PostgresVariable = "WORKFLOW_TEST_POSTGRES";

    private static readonly string? PostgresServer = System.Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The engine of this run.</summary>
    public static DatabaseProvider Provider { get; } = PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public static bool OnPostgres => Provider == DatabaseProvider.Postgres;

    private readonly string _name;

    /// <summary>The folder this database's attached files are kept in (<c>Attachments:Root</c>), gone with the database.</summary>
    public string AttachmentsRoot { get; }

    private TestDatabase(string purpose, bool create)
    {
        var id = Guid.NewGuid().ToString("N");
        AttachmentsRoot = Path.Combine(Path.GetTempPath(), $"workflow-{purpose}-{id}-attachments");
        if (OnPostgres)
        {
            // a PostgreSQL name has at most 63 bytes: the purpose is cut, the unique part never
            _name = $"wf_{purpose.Replace('-', '_')[..Math.Min(24, purpose.Length)]}_{id}";
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _name, IncludeErrorDetail = true }.ConnectionString;
            if (create) Admin($"CREATE DATABASE \"{_name}\"");
        }
        else
        {
            _name = Path.Combine(Path.GetTempPath(), $"workflow-{purpose}-{id}.db");
            ConnectionString = $"Data Source={_name}";
        }
    }

    /// <summary>A new, empty database; the program brings it to the current schema when it starts.</summary>
    public static TestDatabase Create(string purpose = "tests") => new(purpose, create: true);

    /// <summary>A name for a database that does not exist yet: for tests that the program refuses to create one.</summary>
    public static TestDatabase NotCreated(string purpose = "tests") => new(purpose, create: false);

    public string ConnectionString { get; }

    /// <summary>The settings that point the program at this database (host settings or <c>UseSetting</c>).</summary>
    public IEnumerable<(string Key, string Value)> Settings =>
        [("Database:Provider", Provider.ToString()), ("Database:ConnectionString", ConnectionString), ("Attachments:Root", AttachmentsRoot)];

    /// <summary>The same as environment variables, for the program started as a process.</summary>
    public Dictionary<string, string> Environment(params (string Key, string Value)[] more)
    {
        var variables = Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        foreach (var (key, value) in more) variables[key] = value;
        return variables;
    }

    /// <summary>Whether the database exists (the SQLite file, or the PostgreSQL database).</summary>
    public bool Exists() => OnPostgres
        ? Admin($"SELECT count(*) FROM pg_database WHERE datname = '{_name}'") is long and > 0
        : File.Exists(_name);

    /// <summary>A unit of work on the database outside any program: its model, without the journal seal.</summary>
    public WorkflowDbContext OpenContext() => Provider.OpenContext(ConnectionString);

    /// <summary>A connection of the engine's own driver, for SQL run on the database as someone with write access would.</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = OnPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString + ";Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A copy of this database under a new name (nobody may be connected to this one meanwhile).</summary>
    public TestDatabase Copy(string purpose = "copy")
    {
        var copy = new TestDatabase(purpose, create: false);
        if (OnPostgres)
        {
            ClosePooledConnections();
            Admin($"CREATE DATABASE \"{copy._name}\" TEMPLATE \"{_name}\"");
        }
        else
        {
            using var source = new SqliteConnection($"Data Source={_name};Pooling=False");
            using var target = new SqliteConnection($"Data Source={copy._name};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        return copy;
    }

    public void Dispose()
    {
        if (Directory.Exists(AttachmentsRoot)) Directory.Delete(AttachmentsRoot, recursive: true);
        ClosePooledConnections();
        if (OnPostgres)
        {
            // FORCE ends what is still connected: a program under test that was not disposed, a reader left open
            Admin($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            if (File.Exists(_name + suffix)) File.Delete(_name + suffix);
    }

    private void ClosePooledConnections()
    {
        if (OnPostgres)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Runs <paramref name="sql"/> on the server's maintenance database, where databases are created and dropped.</summary>
    private static object? Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
