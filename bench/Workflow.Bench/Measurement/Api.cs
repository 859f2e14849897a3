using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Workflow.Bench.Measurement;

/// <summary>One answer as a client saw it: status, time from sending to the last byte of the body, and the body.</summary>
public sealed record Answer(int Status, TimeSpan Elapsed, string Body)
{
    public bool Ok => Status is >= 200 and < 300;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// The server's HTTP API as its clients use it: each user signs in once with <c>POST /api/auth/token</c> and sends a
/// bearer token; every request is timed from sending to the last byte of its answer. One connection pool for all users,
/// large enough that 32 clients never wait for a connection. Given several servers, it spreads the requests over them
/// in turn, as a reverse proxy without affinity does: one user's consecutive requests land on different servers.
/// </summary>
public sealed class ApiClient(IReadOnlyList<string> servers, string password) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
    {
        Timeout = TimeSpan.FromMinutes(30),
    };

    private int _next = -1;

    public ApiClient(string server, string password) : this([server], password) { }

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public async Task SignInAsync(IEnumerable<string> users)
    {
        foreach (var user in users.Distinct().Where(u => !_tokens.ContainsKey(u)))
        {
            var answer = await SendAsync(null, HttpMethod.Post, "/api/auth/token", JsonSerializer.Serialize(new { userName = user, password }));
            if (!answer.Ok) throw new InvalidOperationException($"{user} could not sign in: {answer.Status} {answer.Body}");
            _tokens[user] = answer.Json.GetProperty("accessToken").GetString()!;
        }
    }

    public Task<Answer> GetAsync(string user, string path, CancellationToken ct = default) => SendAsync(user, HttpMethod.Get, path, null, ct);

    public Task<Answer> PostAsync(string user, string path, object body, CancellationToken ct = default) =>
        SendAsync(user, HttpMethod.Post, path, body as string ?? JsonSerializer.Serialize(body), ct);

    public async Task<Answer> SendAsync(string? user, HttpMethod method, string path, string? json, CancellationToken ct = default)
    {
        var server = servers[(int)((uint)Interlocked.Increment(ref _next) % (uint)servers.Count)];
        using var request = new HttpRequestMessage(method, new Uri(server + path));
        if (user is not null) request.Headers.Authorization = new("Bearer", _tokens[user]);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new Answer((int)response.StatusCode, Stopwatch.GetElapsedTime(started), body);
        }
        catch (HttpRequestException e)
        {
            return new Answer((int)(e.StatusCode ?? HttpStatusCode.ServiceUnavailable), Stopwatch.GetElapsedTime(started), e.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Percentiles of a set of durations, in milliseconds.</summary>
public static class Percentile
{
    /// <summary>Linear interpolation between the two nearest ranks; NaN for no samples.</summary>
    public static double Of(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
