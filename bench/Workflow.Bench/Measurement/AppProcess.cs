using System.Diagnostics;
using System.Globalization;

namespace Workflow.Bench.Measurement;

/// <summary>
/// The application as an operator runs it: the Release build started as its own process in Production, the keys
/// from environment variables, one SQLite file or a PostgreSQL database it may share with other servers. Reads what the operating system says about it (resident memory, CPU
/// time) and stops it by its own process id.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly long _startedAt;

    public string BaseUrl { get; }

    /// <summary>From <see cref="Process.Start()"/> to the first 200 of <c>GET /health</c>.</summary>
    public TimeSpan StartUp { get; private set; }

    private AppProcess(Process process, StreamWriter log, string baseUrl, long startedAt) =>
        (_process, _log, BaseUrl, _startedAt) = (process, log, baseUrl, startedAt);

    public int Id => _process.Id;

    /// <summary>The settings every bench run gives the server; <paramref name="extra"/> adds or overrides (e.g. EF command logging).</summary>
    public static async Task<AppProcess> StartAsync(BenchPaths paths, BenchDatabase database, BenchKeys keys, string logFile,
        IReadOnlyDictionary<string, string>? extra = null, string[]? arguments = null, bool waitHealthy = true)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = paths.AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(paths.AppDirectory, "Workflow.Api.dll"));
        foreach (var argument in arguments ?? ["--urls", url]) start.ArgumentList.Add(argument);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Jwt__SigningKey"] = keys.SigningKey,
            ["Audit__JournalKey"] = keys.JournalKey,
            // every bench client signs in from 127.0.0.1: the per-address sign-in limit (60 a minute) would refuse them
            ["Auth__SignInPermitsPerMinute"] = "100000",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (name, value) in database.Environment) environment[name] = value;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) environment[name] = value;
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var log = new StreamWriter(logFile, append: false) { AutoFlush = false };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, url, startedAt);
        if (waitHealthy) await app.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        return app;
    }

    /// <summary>Runs one of the program's verbs (<c>migrate</c>) to its end with the bench's settings.</summary>
    public static async Task<int> RunVerbAsync(BenchPaths paths, BenchDatabase database, BenchKeys keys, string logFile, params string[] verb)
    {
        await using var app = await StartAsync(paths, database, keys, logFile, arguments: verb, waitHealthy: false);
        await app._process.WaitForExitAsync();
        return app._process.ExitCode;
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The application exited with code {_process.ExitCode} before it was healthy; see its log.");
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if ((int)response.StatusCode == 200)
                {
                    StartUp = Stopwatch.GetElapsedTime(_startedAt);
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (Stopwatch.GetElapsedTime(_startedAt) > limit) throw new TimeoutException($"The application was not healthy within {limit}.");
            await Task.Delay(10);
        }
    }

    /// <summary>Resident memory now (VmRSS), in MiB.</summary>
    public double ResidentMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }

    /// <summary>CPU time the server has used so far, user and system, from <c>/proc/pid/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        // the fields after the command name, which is in parentheses and may hold spaces
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>Samples resident memory until cancelled; the highest reading.</summary>
    public async Task<double> PeakResidentMiBAsync(CancellationToken until)
    {
        var peak = 0.0;
        while (!until.IsCancellationRequested)
        {
            peak = Math.Max(peak, ResidentMiB());
            try { await Task.Delay(100, until); } catch (TaskCanceledException) { }
        }
        return Math.Max(peak, ResidentMiB());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // as a service manager stops it (SIGTERM): the host shuts down and SQLite checkpoints its WAL, so the next
            // start of the same file measures a start, not a recovery
            _ = Terminate(_process.Id, SigTerm);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { _process.Kill(); await _process.WaitForExitAsync(); }
        }
        lock (_log) _log.Flush();
        _log.Dispose();
        _process.Dispose();
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Terminate(int pid, int signal);

    /// <summary>USER_HZ: 100 on Linux.</summary>
    private const int ClockTicksPerSecond = 100;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
