using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Workflows;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Notifications;

/// <summary>Delivers what the outbox holds, as a server's dispatcher would, and reads the notices it leads to.</summary>
internal static class Notices
{
    public static Task DeliverAsync(this RuntimeFactory factory) =>
        factory.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().PublishPendingAsync(500));

    /// <summary>
    /// The caller's notice that matches: delivers the outbox, then reads <c>GET /api/notifications</c> a bounded number of
    /// times, as the bus delivers on its own threads.
    /// </summary>
    public static async Task<JsonNode> NoticeAsync(this RuntimeFactory factory, HttpClient reader, Func<JsonNode, bool> match, string query = "")
    {
        await factory.DeliverAsync();
        JsonArray notices = [];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            notices = (await reader.GetJsonAsync($"/api/notifications?take=200{query}")).AsArray();
            if (notices.FirstOrDefault(n => match(n!)) is { } notice) return notice;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"No such notice; the reader has: {notices.ToJsonString()}");
    }

    public static bool About(this JsonNode notice, Guid subjectId) => (string?)notice["subjectId"] == subjectId.ToString();
}
