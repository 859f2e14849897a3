using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>
/// One application server: the built <c>Workflow.Api.dll</c> run with <c>dotnet</c> from <c>src/Workflow.Api</c> on its own
/// loopback port, as an operator runs it. It can be killed as a crash kills it (SIGKILL, nothing runs on the way out),
/// frozen and thawed (SIGSTOP, SIGCONT), and started again on the same port.
/// </summary>
public sealed class ServerProcess(int index, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    private const int MaxLines = 20_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly object _gate = new();
    private readonly Queue<string> _lines = new();
    private Process? _process;

    public int Index { get; } = index;

    public int Port { get; } = FreePort();

    /// <summary>Like <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The running process's id; the outbox names its claims after it (<c>machine:pid:…</c>).</summary>
    public int Pid => _process is { HasExited: false } p ? p.Id : throw new InvalidOperationException($"Server {Index} is not running.");

    /// <summary>How the outbox rows this server's publishers claim begin.</summary>
    public string ClaimPrefix => $"{Environment.MachineName}:{Pid}:";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server wrote to stdout and stderr (its last lines), every start of it.</summary>
    public string Output
    {
        get { lock (_gate) return string.Join('\n', _lines); }
    }

    public async Task StartAsync()
    {
        if (IsRunning) throw new InvalidOperationException($"Server {Index} is already running.");
        var dll = RepoPaths.AppDll();
        var projectDir = Path.Combine(RepoPaths.Root, "src", "Workflow.Api");
        // the same dotnet that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        // nothing inherited may pick another environment, address, database or broker
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                     || k.Contains("__", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        Append($"# server {Index}: (cd {projectDir} && {dotnet} {dll} --urls {BaseUrl})");
        if (!process.Start()) throw new InvalidOperationException("Could not start `dotnet`.");
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        Append($"# server {Index} is process {process.Id}");
        await WaitUntilHealthyAsync(StartTimeout);
    }

    /// <summary>Waits until <c>/health</c> answers 200 <c>Healthy</c>: the database answers and the bus is connected.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var (status, body) = await Poll.UntilAsync(() => HealthAsync(), h => h.Status == HttpStatusCode.OK && h.Body == "Healthy", timeout,
            () => _process is { HasExited: true } p ? $"server {Index} exited with code {p.ExitCode}" : null);
        if (status != HttpStatusCode.OK || body != "Healthy")
            throw new TimeoutException($"Server {Index} ({BaseUrl}) was not healthy within {timeout.TotalSeconds:0} s (last: {(int)status} {body}).\n{Output}");
        Append($"# server {Index}: healthy");
    }

    /// <summary>GET /health: its status and body (0 and the error when nothing answers).</summary>
    public async Task<(HttpStatusCode Status, string Body)> HealthAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync("/health");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, e.Message);
        }
    }

    /// <summary>kill -9: the process ends where it stands, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process || process.HasExited) return;
        Append($"# server {Index} (process {process.Id}): kill -9");
        Signal(process.Id, SigKill);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(wait.Token);
    }

    /// <summary>Freezes the process (SIGSTOP): it holds whatever it holds and does nothing until <see cref="Thaw"/>.</summary>
    public void Freeze() => Signal(Pid, SigStop);

    public void Thaw() => Signal(Pid, SigCont);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            Append($"# stopping server {Index}: {e.Message}");
        }
        _process?.Dispose();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(RepoPaths.Logs, $"server-{Index}.log"), Output);
        }
        catch (IOException)
        {
            // the log is a convenience only
        }
    }

    /// <summary>Ends the process now, for a test host that goes away without disposing its fixtures.</summary>
    public void KillNow()
    {
        try
        {
            if (_process is { HasExited: false } process) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxLines) _lines.Dequeue();
        }
    }

    private const int SigKill = 9, SigCont = 18, SigStop = 19;

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastWin32Error()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
