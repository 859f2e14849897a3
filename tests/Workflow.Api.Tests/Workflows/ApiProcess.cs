using System.Diagnostics;

namespace Workflow.Api.Tests.Workflows;

/// <summary>Runs the real Workflow.Api program (from the test's output folder) as an operator would, and reports how it ended.</summary>
public static class ApiProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        RunWithInputAsync(environment, "", arguments);

    /// <summary>Runs the program with <paramref name="input"/> on its standard input, then closes it.</summary>
    public static async Task<Outcome> RunWithInputAsync(IReadOnlyDictionary<string, string> environment, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Workflow.Api.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Auth__Jwt__SigningKey"] = "process-tests-signing-key-0123456789-abcdefghijklmnop";
        start.Environment["Audit__JournalKey"] = "process-tests-journal-key-0123456789-abcdefghijklmnop";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The program did not stop by itself within 90 s: " + await output);
        }
        return new Outcome(process.ExitCode, await output, await errors);
    }
}
