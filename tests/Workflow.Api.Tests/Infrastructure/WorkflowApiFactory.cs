using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>
/// The API in process, on its own real database (<see cref="TestDatabase"/>: a SQLite file, or a PostgreSQL database
/// when the run is for PostgreSQL; gone on dispose), in the "Testing" environment with the demo organisation seeded.
/// One instance per test class (IClassFixture).
/// </summary>
/// <remarks>
/// Program reads its configuration before <c>builder.Build()</c>; settings given with <c>UseSetting</c> are handed to
/// the entry point as host arguments, so they are visible there (HostTests checks that the schema appears where it is put).
/// </remarks>
public class WorkflowApiFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo@2024";
    public const string SigningKey = "api-tests-signing-key-0123456789-abcdefghijklmnop";
    public const string JournalKey = "api-tests-journal-key-0123456789-abcdefghijklmnop";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new(StringComparer.Ordinal);

    public TestDatabase Database { get; } = TestDatabase.Create("api-tests");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Auth:Jwt:SigningKey", SigningKey);
        builder.UseSetting("Audit:JournalKey", JournalKey);
        builder.UseSetting("Seed:Demo", "true");
        // every test client signs in from the same address; the limit itself is tested with its own setting
        builder.UseSetting("Auth:SignInPermitsPerMinute", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Settings a test class needs beyond these defaults (a subclass fills them in its constructor).</summary>
    protected Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>A client signed in as a demo user (password <see cref="Password"/>), with the bearer token set.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = Password)
    {
        var token = await _tokens.GetOrAdd($"{userName}\n{password}", _ => new Lazy<Task<string>>(() => RequestTokenAsync(userName, password))).Value;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> RequestTokenAsync(string userName, string password)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as '{userName}' failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            if (disposing) Database.Dispose();
        }
    }
}
