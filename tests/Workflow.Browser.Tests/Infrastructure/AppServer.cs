using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>
/// The real app, once for the whole run: the already-built <c>src/Workflow.Api/bin/{Configuration}/net10.0/Workflow.Api.dll</c>
/// started with <c>dotnet</c> on a free loopback port, a fresh SQLite file and the demo organisation. Builds nothing:
/// <c>scripts/test.sh</c> (or <c>dotnet test</c>) has built the solution before the tests run.
/// The content root is the project folder, as with <c>dotnet run</c>, so <c>wwwroot</c> is served.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"workflow-browser-{Guid.NewGuid():N}.db");

    /// <summary>The folder the app keeps attached files in, gone with the database.</summary>
    public string AttachmentsRoot => _database + "-attachments";
    private Process? _process;

    /// <summary>Like <c>http://127.0.0.1:41234</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public string AppDll { get; private set; } = "";

    /// <summary>Everything the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (_gate) return _output.ToString(); }
    }

    public async Task InitializeAsync()
    {
        AppDll = FindAppDll();
        var projectDir = Path.Combine(RepoPaths.Root, "src", "Workflow.Api");
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

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
        start.ArgumentList.Add(AppDll);
        // nothing inherited may pick another environment, port or content root
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ASPNETCORE_CONTENTROOT"] = projectDir;
        start.Environment["Database__ConnectionString"] = $"Data Source={_database}";
        start.Environment["Attachments__Root"] = AttachmentsRoot;
        start.Environment["Auth__Jwt__SigningKey"] = "browser-tests-signing-key-0123456789-abcdefghij";
        start.Environment["Audit__JournalKey"] = "browser-tests-journal-key-0123456789-abcdefghij";
        start.Environment["Seed__Demo"] = "true";
        start.Environment["Auth__SignInPermitsPerMinute"] = "10000"; // the story signs in many times from one address
        start.Environment["Workflows__RunBackgroundServices"] = "true";
        start.Environment["Logging__Console__FormatterName"] = "simple";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        Append($"$ (cd {projectDir} && {dotnet} {AppDll})  # built {File.GetLastWriteTime(AppDll):yyyy-MM-dd HH:mm:ss}; {BaseUrl}, database {_database}");
        if (!process.Start())
            throw new InvalidOperationException("Could not start `dotnet`.");
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        await WaitUntilHealthyAsync(process);
        await WarmUpAsync();
    }

    /// <summary>
    /// One sign-in and one inbox read before the first test, with time to spare: the first request down each path pays
    /// for compiling it, which on a busy machine would otherwise come out of the first test's 30-second waits.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
        var clock = Stopwatch.StartNew();
        (await http.GetAsync("/dang-nhap")).EnsureSuccessStatusCode();
        using var token = await http.PostAsync("/api/auth/token",
            new StringContent("""{"userName":"nongnghiep","password":"Demo@2024"}""", Encoding.UTF8, "application/json"));
        token.EnsureSuccessStatusCode();
        var accessToken = System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        using var inbox = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        inbox.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        (await http.SendAsync(inbox)).EnsureSuccessStatusCode();
        Append($"# warmed up (sign-in page, sign-in, inbox) in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task WaitUntilHealthyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // drains the output
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} before /health answered.\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Append($"# /health answered 200 after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"GET {BaseUrl}/health did not answer 200 within {StartTimeout.TotalSeconds:0} s (last: {last}).\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                    await process.WaitForExitAsync(wait.Token);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                Append($"# stopping the app: {e.Message}");
            }
            process.Dispose();
        }
        try
        {
            await File.WriteAllTextAsync(Path.Combine(RepoPaths.Logs, "app.log"), Output);
        }
        catch (IOException)
        {
            // the log is a convenience only
        }
        try { if (Directory.Exists(AttachmentsRoot)) Directory.Delete(AttachmentsRoot, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm", _database + "-journal" })
        {
            try { File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate) _output.AppendLine(line);
    }

    /// <summary>The built app, preferring the test assembly's own configuration.</summary>
    private static string FindAppDll()
    {
        var configurations = new[] { RepoPaths.Configuration, "Release", "Debug" }.Distinct(StringComparer.Ordinal);
        var candidates = configurations
            .Select(c => Path.Combine(RepoPaths.Root, "src", "Workflow.Api", "bin", c, "net10.0", "Workflow.Api.dll"))
            .ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The app is not built: none of {string.Join(", ", candidates)} exists. Build the solution first (scripts/test.sh does: dotnet build Workflow.sln -c Release).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
