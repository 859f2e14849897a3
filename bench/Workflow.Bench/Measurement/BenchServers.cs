using System.Diagnostics;

namespace Workflow.Bench.Measurement;

/// <summary>
/// PostgreSQL and RabbitMQ for P1 on PostgreSQL, held by <c>bench/servers.sh</c> while this object lives: started when
/// that part begins, so they take nothing from the SQLite measurements, and stopped when it is disposed — or when this
/// process dies, since the script stops them once its standard input closes.
/// </summary>
public sealed class BenchServers : IAsyncDisposable
{
    private readonly Process _script;

    private BenchServers(Process script, string postgres, string rabbitMq) => (_script, Postgres, RabbitMq) = (script, postgres, rabbitMq);

    /// <summary>The PostgreSQL server's connection string, without a database.</summary>
    public string Postgres { get; }

    /// <summary>The broker's amqp:// address.</summary>
    public string RabbitMq { get; }

    public static async Task<BenchServers> StartAsync(BenchPaths paths, string logFile)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(paths.RepositoryRoot, "bench", "servers.sh"));
        var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        script.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        script.BeginErrorReadLine();
        string? postgres = null, rabbitMq = null;
        // installing the packages on a fresh machine takes minutes
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (await script.StandardOutput.ReadLineAsync(patience.Token) is { } line)
        {
            if (line.StartsWith("POSTGRES=", StringComparison.Ordinal)) postgres = line["POSTGRES=".Length..];
            else if (line.StartsWith("RABBITMQ=", StringComparison.Ordinal)) rabbitMq = line["RABBITMQ=".Length..];
            else if (line == "READY" && postgres is not null && rabbitMq is not null) return new BenchServers(script, postgres, rabbitMq);
        }
        await script.WaitForExitAsync();
        throw new InvalidOperationException($"bench/servers.sh exited with {script.ExitCode} before PostgreSQL and RabbitMQ were ready; see {logFile}.");
    }

    public async ValueTask DisposeAsync()
    {
        _script.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try { await _script.WaitForExitAsync(patience.Token); }
        catch (OperationCanceledException) { _script.Kill(entireProcessTree: true); }
        _script.Dispose();
    }
}
