using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflow.Bench;

/// <summary>
/// The database a generation writes and a server runs on: one SQLite file (the default deployment), or one database on a
/// PostgreSQL server that several servers share. Knows the settings the application reads for it.
/// </summary>
public abstract record BenchDatabase
{
    /// <summary>The application's own settings for this database, by configuration key.</summary>
    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The same settings as environment variables, as an operator gives them to a server.</summary>
    public IReadOnlyDictionary<string, string> Environment => Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    /// <summary>Removes whatever an earlier run left, so the next generation starts from nothing.</summary>
    public abstract Task ResetAsync();

    public abstract double SizeMiB();

    public static SqliteFile Sqlite(string path) => new(path);
}

public sealed record SqliteFile(string Path) : BenchDatabase
{
    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Database:ConnectionString"] = $"Data Source={Path}" };

    public override Task ResetAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }) File.Delete(file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        return Task.CompletedTask;
    }

    public override double SizeMiB() => new FileInfo(Path).Length / 1024.0 / 1024;

    public override string ToString() => Path;
}

/// <summary>A database named <paramref name="Name"/> on the server <paramref name="Server"/> (a connection string without a database).</summary>
public sealed record PostgresDatabase(string Server, string Name) : BenchDatabase
{
    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = ConnectionString,
    };

    public override async Task ResetAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        // one statement per command: PostgreSQL creates and drops a database only outside a transaction block
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", $"CREATE DATABASE \"{Name}\"" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    public override double SizeMiB()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_database_size(current_database())";
        return Convert.ToInt64(command.ExecuteScalar()) / 1024.0 / 1024;
    }

    public override string ToString() => $"PostgreSQL database {Name} ({new NpgsqlConnectionStringBuilder(Server) { Password = null }.ConnectionString})";
}
