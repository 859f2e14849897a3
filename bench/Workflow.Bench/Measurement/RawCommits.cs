using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflow.Bench.Measurement;

/// <summary>Durable one-row commits per second and their latency, at a number of threads.</summary>
/// <param name="Max">The longest commit: a thread the busy database kept retrying with sleeps shows here, not in the percentiles.</param>
public sealed record CommitRate(int Threads, double PerSecond, double P50, double P99, double Max, int Commits, double Seconds);

/// <summary>
/// The baseline every write figure is read against: what SQLite itself commits per second on this disk, with the
/// settings the application uses — the same library (Microsoft.Data.Sqlite over e_sqlite3), a pooled connection opened
/// per unit of work, WAL (which <c>DatabaseInitializer</c> sets), the default synchronous level (the application sets
/// none), and <c>BeginTransaction</c> as EF's <c>SaveChanges</c> takes it. Each commit writes one small row.
/// </summary>
public static class RawCommits
{
    public static string Setup(string databasePath)
    {
        // pooled connections of an earlier measurement would still write to the file about to be deleted
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" }) File.Delete(file);
        using var connection = new SqliteConnection(ConnectionString(databasePath));
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "CREATE TABLE commits (id INTEGER PRIMARY KEY, thread INTEGER NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL);");
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        var level = Convert.ToInt32(command.ExecuteScalar()) switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", var n => n.ToString() };
        return $"WAL, synchronous={level} (SQLite's default: the application sets none)";
    }

    public static CommitRate Measure(string databasePath, int threads, TimeSpan warmUp, TimeSpan window)
    {
        var payload = new string('x', 200);
        return Rate.Measure(threads, warmUp, window, (thread, started) =>
        {
            using var connection = new SqliteConnection(ConnectionString(databasePath));
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO commits (thread, at, payload) VALUES ($thread, $at, $payload)";
            insert.Parameters.AddWithValue("$thread", thread);
            insert.Parameters.AddWithValue("$at", started);
            insert.Parameters.AddWithValue("$payload", payload);
            insert.ExecuteNonQuery();
            transaction.Commit();
        });
    }

    /// <summary>As the application's <c>Database:ConnectionString</c> has it: the file, nothing else.</summary>
    private static string ConnectionString(string databasePath) => $"Data Source={databasePath}";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// The same baseline on PostgreSQL: one-row commits through Npgsql's pool, as the application's <c>SaveChanges</c>
/// makes them (an explicit transaction around one INSERT), in a table of the database the servers use, with the
/// server's durability settings (<c>synchronous_commit</c>, <c>fsync</c>) as the run found them.
/// </summary>
public static class PostgresRawCommits
{
    public static async Task<string> SetupAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "DROP TABLE IF EXISTS bench_commits; CREATE TABLE bench_commits (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, thread integer NOT NULL, at bigint NOT NULL, payload text NOT NULL)",
            connection)) await create.ExecuteNonQueryAsync();
        var settings = new List<string>();
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings.Add($"{name}={await show.ExecuteScalarAsync()}");
        }
        return string.Join(", ", settings);
    }

    public static CommitRate Measure(PostgresDatabase database, int threads, TimeSpan warmUp, TimeSpan window)
    {
        var payload = new string('x', 200);
        return Rate.Measure(threads, warmUp, window, (thread, started) =>
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using var insert = new NpgsqlCommand("INSERT INTO bench_commits (thread, at, payload) VALUES ($1, $2, $3)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = thread });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = started });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
            insert.ExecuteNonQuery();
            transaction.Commit();
        });
    }
}

/// <summary>Commits per second at a number of threads, each committing as soon as its last commit returned.</summary>
internal static class Rate
{
    public static CommitRate Measure(int threads, TimeSpan warmUp, TimeSpan window, Action<int, long> commit)
    {
        // per thread: (ended, latency) of every commit that ended after the warm-up; a commit still waiting when the
        // window closes is finished and counted in the latencies, so a starved thread shows in the tail
        var done = new List<(long Ended, double Milliseconds)>[threads];
        var from = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = from + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var mine = done[t] = [];
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= stopAt) break;
                commit(t, started);
                var ended = Stopwatch.GetTimestamp();
                if (ended >= from) mine.Add((ended, Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds));
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var all = done.SelectMany(l => l).ToList();
        var inWindow = all.Count(c => c.Ended <= stopAt);
        var latencies = all.Select(c => c.Milliseconds).ToList();
        return new CommitRate(threads, inWindow / window.TotalSeconds, Percentile.Of(latencies, 50), Percentile.Of(latencies, 99),
            latencies.Count == 0 ? double.NaN : latencies.Max(), inWindow, window.TotalSeconds);
    }
}
