using System.Net;
using System.Net.Sockets;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>
/// One address in front of several servers, as the nginx of docs/operations.md §7 puts it: every new connection goes to
/// the next server in turn, bytes copied both ways until either side closes. Counts the connections each server got, so
/// a test can show its requests were really spread.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<int> _ports;
    private readonly int[] _connections;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _next = -1;

    public RoundRobinProxy(IEnumerable<ServerProcess> servers)
    {
        _ports = servers.Select(s => s.Port).ToList();
        _connections = new int[_ports.Count];
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Like <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections each server was given, in the order the servers were passed.</summary>
    public IReadOnlyList<int> Connections => _connections.Select(c => Volatile.Read(ref c)).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            var server = (int)((uint)Interlocked.Increment(ref _next) % (uint)_ports.Count);
            Interlocked.Increment(ref _connections[server]);
            _ = ForwardAsync(client, _ports[server]);
        }
    }

    private async Task ForwardAsync(TcpClient client, int port)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
                var fromClient = client.GetStream();
                var fromServer = upstream.GetStream();
                // whichever side finishes first ends the pair: an HTTP exchange is over when either closes
                await Task.WhenAny(fromClient.CopyToAsync(fromServer, _stop.Token), fromServer.CopyToAsync(fromClient, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // a dropped connection is the client's to see, as it would be behind any proxy
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
