using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests;

/// <summary>Signing keys: from a key file, and two at once during a rotation, so tokens signed before keep working until they expire.</summary>
public sealed class SigningKeyRotationTests : IDisposable
{
    private const string OldKey = "rotation-test-old-key-0123456789-abcdefghijklmnop";
    private const string NewKey = "rotation-test-new-key-0123456789-qrstuvwxyzabcdef";
    private readonly TestDatabase _database = TestDatabase.Create("rotation");
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"workflow-key-{Guid.NewGuid():N}.txt");

    public void Dispose()
    {
        _database.Dispose();
        if (File.Exists(_keyFile)) File.Delete(_keyFile);
    }

    private static async Task<string> TokenAsync(WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "taichinh", password = WorkflowApiFactory.Password });
        return (string)(await response.ExpectAsync(HttpStatusCode.OK))!["accessToken"]!;
    }

    private static async Task<HttpStatusCode> ReadPlansAsync(WebApplicationFactory<Program> app, string token)
    {
        using var client = app.WithToken(token);
        using var response = await client.GetAsync("/api/plans");
        return response.StatusCode;
    }

    [Fact]
    public async Task Rotation_WhenTheOldKeyIsKeptAsPrevious_OldTokensStillWorkAndNewOnesUseTheNewKey()
    {
        string oldToken;
        using (var before = new KeyedFactory(_database, ("Auth:Jwt:SigningKey", OldKey)))
            oldToken = await TokenAsync(before);

        using var rotating = new KeyedFactory(_database, ("Auth:Jwt:SigningKey", NewKey), ("Auth:Jwt:PreviousSigningKey", OldKey));
        Assert.Equal(HttpStatusCode.OK, await ReadPlansAsync(rotating, oldToken));
        var newToken = await TokenAsync(rotating);
        Assert.NotEqual(Header(oldToken)["kid"]!.ToString(), Header(newToken)["kid"]!.ToString());

        using var after = new KeyedFactory(_database, ("Auth:Jwt:SigningKey", NewKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadPlansAsync(after, oldToken));
        Assert.Equal(HttpStatusCode.OK, await ReadPlansAsync(after, newToken));
    }

    [Fact]
    public async Task KeyFile_WhenGiven_SignsAndChecksTokens()
    {
        await File.WriteAllTextAsync(_keyFile, NewKey + "\n");
        using var app = new KeyedFactory(_database, ("Auth:Jwt:SigningKey", ""), ("Auth:Jwt:SigningKeyFile", _keyFile));

        var token = await TokenAsync(app);

        Assert.Equal(HttpStatusCode.OK, await ReadPlansAsync(app, token));
        using var other = new KeyedFactory(_database, ("Auth:Jwt:SigningKey", OldKey));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadPlansAsync(other, token));
    }

    private static JsonObject Header(string token) =>
        JsonNode.Parse(Convert.FromBase64String(Pad(token.Split('.')[0].Replace('-', '+').Replace('_', '/'))))!.AsObject();

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');

    private sealed class KeyedFactory(TestDatabase database, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Seed:Demo", "true");
            builder.UseSetting("Auth:SignInPermitsPerMinute", "100000");
            builder.UseSetting("Audit:JournalKey", WorkflowApiFactory.JournalKey);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
