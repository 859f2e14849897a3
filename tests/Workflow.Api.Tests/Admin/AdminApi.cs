using Workflow.Infrastructure.Identity;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Admin;

/// <summary>Calls of the administration API and the journal, for the administration tests.</summary>
internal static class AdminApi
{
    public static Task<HttpResponseMessage> CreateUnitAsync(this HttpClient client, object body) => client.PostAsJsonAsync("/api/admin/units", body);

    public static Task<HttpResponseMessage> CreateAgencyAsync(this HttpClient client, object body) => client.PostAsJsonAsync("/api/admin/agencies", body);

    public static Task<HttpResponseMessage> SetAssignmentsAsync(this HttpClient client, string unit, object body) =>
        client.PutAsJsonAsync($"/api/admin/units/{unit}/assignments", body);

    public static async Task<JsonNode> OkAsync(this Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await call;
        return (await response.ExpectAsync(status))!;
    }

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string url) => (await client.GetAsync(url).OkAsync()).AsArray();

    /// <summary>The journal entries of one object, newest first.</summary>
    public static async Task<JsonArray> JournalOfAsync(this HttpClient client, string objectType, string objectId) =>
        (await client.GetAsync($"/api/admin/journal?objectType={objectType}&objectId={Uri.EscapeDataString(objectId)}").OkAsync())["items"]!.AsArray();

    /// <summary>Stores a user directly, as the demo data does (with a password the policy would refuse for a new account).</summary>
    public static async Task AddUserAsync(WorkflowApiFactory factory, string userName, string agencyCode, string unitCode, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (db.Users.Any(u => u.UserName == userName)) return;
        var user = new User(Guid.NewGuid(), userName, $"Người dùng {userName}", "", agencyCode, unitCode, roles);
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, WorkflowApiFactory.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
    }
}
