namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>
/// Waiting for what other processes do in their own time (a message delivered, a scan run): asks again and again, a
/// bounded number of times, until the answer is the one awaited or the time is up. The caller then asserts on the
/// answer itself, never on how long it took.
/// </summary>
public static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <param name="stop">Says why waiting is pointless (a server exited), or null to go on.</param>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<string?>? stop = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= until) return value;
            if (stop?.Invoke() is { } reason) throw new InvalidOperationException(reason);
            await Task.Delay(Interval);
        }
    }
}
