using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>Accounts a test may lock, disable or change without disturbing the demo users other tests share.</summary>
public static class Accounts
{
    public const string Password = "một câu mật khẩu đủ dài";

    /// <summary>A new finance officer of the demo district (or the given roles and agency), with <see cref="Password"/>.</summary>
    public static async Task<User> CreateAsync(WorkflowApiFactory factory, string? userName = null, string[]? roles = null, string agency = "BP.HQ.TCKH", string unit = "BP.HQ")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User(Guid.NewGuid(), userName ?? $"tk{Guid.NewGuid():N}"[..20], "Nguyễn Văn Thử", "Chuyên viên", agency, unit, roles ?? [Roles.FinanceOffice]);
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<T> DbAsync<T>(this WorkflowApiFactory factory, Func<WorkflowDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string? code = null) =>
        client.PostAsJsonAsync("/api/auth/token", new { userName, password, code });

    public static async Task<string> TokenAsync(this HttpClient client, string userName, string password = Password, string? code = null)
    {
        using var response = await client.SignInAsync(userName, password, code);
        var body = await response.ExpectAsync(System.Net.HttpStatusCode.OK);
        return (string)body!["accessToken"]!;
    }

    public static HttpClient WithToken(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>RFC 6238: the 6-digit code an authenticator app shows for a base-32 key at a moment (30-second steps, HMAC-SHA1).</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant().Where(c => c != ' '))
        {
            value = (value << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits < 8) continue;
            output.Add((byte)(value >> (bits - 8)));
            bits -= 8;
        }
        return output.ToArray();
    }
}
