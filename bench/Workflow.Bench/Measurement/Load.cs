using System.Diagnostics;

namespace Workflow.Bench.Measurement;

/// <summary>Transitions per second and their latency at a number of concurrent clients, and what they cost the server.</summary>
/// <param name="Refusals">The first refused answer of each kind and status, to say what went wrong.</param>
public sealed record LoadResult(int Clients, double Seconds, int Transitions, int Failures, double PerSecond, double P50, double P99, double Max, double CpuMsPerTransition,
    IReadOnlyList<string> Refusals)
{
    /// <summary>The background work owed at the start and at the end of the window, where the bench could read it.</summary>
    public BacklogChange? Backlog { get; init; }

    public override string ToString() =>
        $"{Clients} clients: {PerSecond:F1} transitions/s, p50 {P50:F1} ms, p99 {P99:F1} ms, {CpuMsPerTransition:F2} ms server CPU per transition ({Transitions} in {Seconds:F0} s, {Failures} refused)";
}

/// <summary>
/// P1: clients drive their own proposals through the lifecycle at the same time, each request as soon as the one
/// before it answered. After a warm-up, every transition that completes inside the measured window counts; the
/// servers' CPU time over the window (all of them, when several share the load) is divided among them.
/// </summary>
public static class Load
{
    public static async Task<LoadResult> MeasureAsync(IReadOnlyList<AppProcess> servers, LifecycleDriver driver, IReadOnlyList<LifecycleClient> clients,
        TimeSpan warmUp, TimeSpan window, Func<CancellationToken, Task>? during = null, Func<Task<Backlog>>? backlog = null)
    {
        var samples = new Samples();
        using var stop = new CancellationTokenSource();
        var running = clients.Select(c => Task.Run(() => driver.RunAsync(c, samples, stop.Token))).ToList();
        await Task.Delay(warmUp);

        var owedBefore = backlog is null ? null : await backlog();
        var from = Stopwatch.GetTimestamp();
        var cpuBefore = CpuTime(servers);
        using var measuring = new CancellationTokenSource(window);
        var side = during?.Invoke(measuring.Token) ?? Task.CompletedTask;
        await Task.Delay(window);
        var to = Stopwatch.GetTimestamp();
        var cpu = CpuTime(servers) - cpuBefore;
        var owedAfter = backlog is null ? null : await backlog();
        await side;
        stop.Cancel();
        await Task.WhenAll(running);

        var done = samples.Within(from, to);
        var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        var latencies = done.Select(s => s.Milliseconds).ToList();
        return new LoadResult(clients.Count, seconds, done.Count, samples.Failures(from, to), done.Count / seconds,
            Percentile.Of(latencies, 50), Percentile.Of(latencies, 99), latencies.Count == 0 ? double.NaN : latencies.Max(), done.Count == 0 ? double.NaN : cpu.TotalMilliseconds / done.Count,
            samples.Refusals.ToList())
        {
            Backlog = owedBefore is null || owedAfter is null ? null : new BacklogChange(owedBefore, owedAfter),
        };
    }

    private static TimeSpan CpuTime(IReadOnlyList<AppProcess> servers) => servers.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.CpuTime());
}
