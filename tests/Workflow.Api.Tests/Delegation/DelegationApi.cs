using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Tests.Delegation;

/// <summary>Claiming tasks, delegating and reading the inbox, as the tests of this folder do them.</summary>
internal static class DelegationApi
{
    /// <summary>A new person of <paramref name="agency"/> with the demo users' password, so <c>ClientFor</c> signs them in.</summary>
    public static async Task<string> PersonAsync(this RuntimeFactory factory, string displayName, string position, string agency, string unit,
        string[] roles, bool head = false, bool active = true)
    {
        var userName = $"t{Guid.NewGuid():N}"[..16];
        await factory.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = new User(Guid.NewGuid(), userName, displayName, position, agency, unit, roles);
            if (head) user.MarkHead(true);
            if (!active) user.Disable();
            // the demo users' password, below today's length rule, as the demo seeding sets it
            user.PasswordHash = users.PasswordHasher.HashPassword(user, "Demo@2024");
            var result = await users.CreateAsync(user);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return 0;
        });
        return userName;
    }

    public static Task MarkHeadAsync(this RuntimeFactory factory, string userName, bool head) => factory.DbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.MarkHead(head);
        return await db.SaveChangesAsync();
    });

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient client, Guid taskId, string move = "claim") =>
        client.PostAsync($"/api/tasks/{taskId}/{move}", null);

    public static async Task<JsonNode> ClaimOkAsync(this HttpClient client, Guid taskId, string move = "claim")
    {
        using var response = await client.ClaimAsync(taskId, move);
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    /// <summary>The caller's inbox line for the dossier's instance, or null when it is not in their inbox.</summary>
    public static async Task<JsonNode?> InboxLineAsync(this HttpClient client, Guid instanceId)
    {
        var page = await client.GetJsonAsync("/api/tasks?pageSize=100");
        return page["items"]!.AsArray().FirstOrDefault(i => (string?)i!["instanceId"] == instanceId.ToString());
    }

    public static async Task<Guid> InstanceOfAsync(this HttpClient client, Guid proposalId) =>
        Guid.Parse((string)(await client.GetJsonAsync($"/api/proposals/{proposalId}"))["instanceId"]!);

    public static async Task<Guid> OpenTaskOfAsync(this HttpClient client, Guid instanceId) =>
        Guid.Parse((string)(await client.GetJsonAsync($"/api/workflow-instances/{instanceId}"))["openTask"]!["id"]!);

    public static Task<HttpResponseMessage> DelegateAsync(this HttpClient client, string? role, string? substitute, string? from, string? to, string? reason = "Nghỉ phép năm") =>
        client.PostAsJsonAsync("/api/delegations", new { role, substitute, from, to, reason });

    public static async Task<JsonNode> DelegateOkAsync(this HttpClient client, string role, string substitute, string from, string to, string reason = "Nghỉ phép năm")
    {
        using var response = await client.DelegateAsync(role, substitute, from, to, reason);
        return (await response.ExpectAsync(HttpStatusCode.Created))!;
    }

    public static Task<int> AdminJournalCountAsync(this RuntimeFactory factory, string objectType, string objectId, string action) =>
        factory.DbAsync(db => db.AdminJournal.CountAsync(e => e.ObjectType == objectType && e.ObjectId == objectId && e.Action == action));
}
