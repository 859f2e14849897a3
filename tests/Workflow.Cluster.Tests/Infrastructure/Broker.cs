using System.Diagnostics;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>
/// The RabbitMQ node the test command started (<c>scripts/servers/rabbitmq.sh</c>): its AMQP address from
/// <c>WORKFLOW_TEST_RABBITMQ</c>, and <c>rabbitmqctl</c> against it from <c>WORKFLOW_TEST_RABBITMQCTL</c>. Each cluster
/// gets a virtual host of its own, so queues and messages of another run never reach it.
/// </summary>
public sealed class Broker
{
    private Broker(Uri node, string ctl)
    {
        Node = node;
        Ctl = ctl;
    }

    /// <summary>The node's address, <c>amqp://guest:guest@127.0.0.1:PORT/</c>.</summary>
    public Uri Node { get; }

    private string Ctl { get; }

    public string VirtualHost { get; private set; } = "/";

    /// <summary>The servers' <c>Bus:RabbitMq:Uri</c>: the node and this cluster's virtual host.</summary>
    public string Uri => new UriBuilder(Node) { Path = "/" + System.Uri.EscapeDataString(VirtualHost) }.Uri.AbsoluteUri;

    /// <summary>The broker the test command started; without one the cluster tests cannot run, and say so.</summary>
    public static Broker FromEnvironment()
    {
        const string How = "Run the test command, bash scripts/test.sh, which starts a throw-away node (scripts/servers/rabbitmq.sh); " +
                           "or source that script in your shell before dotnet test.";
        var address = Environment.GetEnvironmentVariable("WORKFLOW_TEST_RABBITMQ");
        if (string.IsNullOrWhiteSpace(address) || !System.Uri.TryCreate(address, UriKind.Absolute, out var node))
            throw new InvalidOperationException($"The cluster tests run against a real RabbitMQ broker, and WORKFLOW_TEST_RABBITMQ (amqp://guest:guest@127.0.0.1:PORT/) is not set. {How}");
        var ctl = Environment.GetEnvironmentVariable("WORKFLOW_TEST_RABBITMQCTL");
        if (string.IsNullOrWhiteSpace(ctl) || !File.Exists(ctl))
            throw new InvalidOperationException($"WORKFLOW_TEST_RABBITMQCTL (rabbitmqctl against the test node) is not set or names no file. {How}");
        return new Broker(node, ctl);
    }

    /// <summary>A virtual host of this cluster's own, which the guest user may use.</summary>
    public async Task CreateVirtualHostAsync(string name)
    {
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        VirtualHost = name;
    }

    public async Task DeleteVirtualHostAsync()
    {
        if (VirtualHost == "/") return;
        await CtlAsync("delete_vhost", VirtualHost);
    }

    /// <summary>The broker goes away (its node stays up, the AMQP listener closes and every connection drops).</summary>
    public Task StopAsync() => CtlAsync("stop_app");

    public Task StartAsync() => CtlAsync("start_app");

    /// <summary>The cluster's queues: messages waiting, delivered but not yet acknowledged, and consumers, by name.</summary>
    public async Task<IReadOnlyDictionary<string, QueueState>> QueuesAsync()
    {
        var text = await CtlAsync("list_queues", "-p", VirtualHost, "--no-table-headers", "name", "messages_ready", "messages_unacknowledged", "consumers");
        var queues = new Dictionary<string, QueueState>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 4 && long.TryParse(parts[1], out var ready) && long.TryParse(parts[2], out var unacked) && int.TryParse(parts[3], out var consumers))
                queues[parts[0]] = new QueueState(ready, unacked, consumers);
        }
        return queues;
    }

    private async Task<string> CtlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Ctl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-q");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {Ctl}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
        return await output;
    }
}

public readonly record struct QueueState(long Ready, long Unacknowledged, int Consumers)
{
    public bool IsDrained => Ready == 0 && Unacknowledged == 0;
}
