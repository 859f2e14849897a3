using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>Every cluster test shares one cluster and runs on its own: they kill servers and stop the broker.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<AppCluster>
{
    public const string Name = "cluster";
}

/// <summary>
/// <see cref="Size"/> identical application servers on one database and one RabbitMQ broker, as a province runs them
/// behind a reverse proxy: the same signing and journal keys, the background services on in every one (outbox
/// dispatch, deadline scans), the demo organisation seeded by the first. Short scan, poll and claim settings let what
/// a deployment does in minutes happen within a test. Every server is killed at the end, also when a test fails.
/// </summary>
public class AppCluster : IAsyncLifetime
{
    /// <summary>The shared cluster's size: three servers, as the tests that spread requests count them.</summary>
    public const int Size = 3;
    public const string Password = "Demo@2024";
    public static readonly TimeSpan OutboxClaimDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DeadlineScanInterval = TimeSpan.FromSeconds(1);

    private const string SigningKey = "cluster-tests-signing-key-0123456789-abcdefghijklmnop";
    private const string JournalKey = "cluster-tests-journal-key-0123456789-abcdefghijklmnop";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string User, int Server), HttpClient> _clients = new();
    private readonly List<ServerProcess> _servers = [];
    private readonly int _serverCount;

    public AppCluster() : this(Size) { }

    /// <summary>For a cluster of another size; xunit builds a fixture through its one public constructor.</summary>
    protected AppCluster(int serverCount) => _serverCount = serverCount;

    public Broker Broker { get; } = Broker.FromEnvironment();

    public ClusterDatabase Database { get; } = ClusterDatabase.Create(JournalKey);

    public IReadOnlyList<ServerProcess> Servers => _servers;

    public async Task InitializeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _servers.ForEach(s => s.KillNow());
        await Broker.CreateVirtualHostAsync($"workflow-cluster-{Guid.NewGuid():N}");
        for (var i = 0; i < _serverCount; i++) _servers.Add(new ServerProcess(i, SettingsFor(i)));
        try
        {
            // the first creates the schema and seeds the demo organisation; the others start together on what it made
            await _servers[0].StartAsync();
            await Task.WhenAll(_servers.Skip(1).Select(s => s.StartAsync()));
        }
        catch
        {
            // no server outlives a cluster that could not start (their logs are kept)
            await Task.WhenAll(_servers.Select(s => s.DisposeAsync().AsTask()));
            throw;
        }
    }

    private Dictionary<string, string> SettingsFor(int index)
    {
        var settings = new Dictionary<string, string>(Database.Settings, StringComparer.Ordinal)
        {
            ["Auth:Jwt:SigningKey"] = SigningKey,
            ["Audit:JournalKey"] = JournalKey,
            ["Auth:SignInPermitsPerMinute"] = "100000",
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Uri"] = Broker.Uri,
            ["Workflows:RunBackgroundServices"] = "true",
            ["Workflows:DeadlineScanInterval"] = DeadlineScanInterval.ToString("c"),
            ["Workflows:OutboxPollInterval"] = "00:00:00.2",
            ["Workflows:OutboxClaimDuration"] = OutboxClaimDuration.ToString("c"),
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
        };
        if (index == 0) settings["Seed:Demo"] = "true";
        return settings;
    }

    /// <summary>A client of <paramref name="server"/> signed in as <paramref name="userName"/>; a token is good on every server.</summary>
    public async Task<HttpClient> As(string userName, int server = 0)
    {
        var token = await _tokens.GetOrAdd(userName, _ => new Lazy<Task<string>>(() => SignInAsync(userName))).Value;
        return _clients.GetOrAdd((userName, server), key =>
        {
            var client = new HttpClient { BaseAddress = new Uri(_servers[key.Server].BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        });
    }

    private async Task<string> SignInAsync(string userName)
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_servers.First(s => s.IsRunning).BaseUrl) };
        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in as '{userName}' failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Starts a killed server again on its port; its clients' old connections are dropped.</summary>
    public async Task RestartAsync(int server)
    {
        foreach (var key in _clients.Keys.Where(k => k.Server == server).ToList())
            if (_clients.TryRemove(key, out var client)) client.Dispose();
        await _servers[server].StartAsync();
    }

    /// <summary>Every server is healthy again (a test that stopped the broker or killed a server ends with this).</summary>
    public Task WaitUntilAllHealthyAsync() => Task.WhenAll(_servers.Select(s => s.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90))));

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await Task.WhenAll(_servers.Select(s => s.DisposeAsync().AsTask()));
        try
        {
            await Broker.DeleteVirtualHostAsync();
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }
}
