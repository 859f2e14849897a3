using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>
/// What happened to the events of some dossiers: their outbox rows (published? by whom? how often tried?), whether the
/// notification consumer applied each, and which people got a notice from each — read from the shared database.
/// </summary>
public sealed class Deliveries(AppCluster cluster)
{
    /// <summary>The message types the notification consumer applies; the others (WorkflowTransitioned) have no consumer yet.</summary>
    public static readonly string[] Consumed = [nameof(TaskOpened), nameof(TaskEscalated), nameof(NotificationRequested)];

    public sealed record Message(Guid Id, string Type, JsonNode Payload, DateTimeOffset? PublishedAt, int Attempts, string? ClaimedBy, string? LastError)
    {
        public Guid InstanceId => Guid.Parse((string)Payload["InstanceId"]!);

        public bool IsConsumed => Consumed.Contains(Type);

        public override string ToString() =>
            $"{Type} {Id} ({Payload["State"] ?? Payload["StateName"]}) published {PublishedAt?.ToString("HH:mm:ss.fff") ?? "no"}, attempts {Attempts}, claimed by {ClaimedBy}, error {LastError}";
    }

    /// <summary>Every outbox message about one of <paramref name="instances"/>.</summary>
    public async Task<List<Message>> AboutAsync(IReadOnlyCollection<Guid> instances)
    {
        var rows = await cluster.Database.InAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        return rows.Select(m => new Message(m.Id, m.Type, JsonNode.Parse(m.Payload)!, m.PublishedAt, m.Attempts, m.ClaimedBy, m.LastError))
            .Where(m => instances.Contains(m.InstanceId))
            .ToList();
    }

    /// <summary>The messages the notification consumer has applied, of these.</summary>
    public async Task<HashSet<Guid>> AppliedAsync(IEnumerable<Guid> messages)
    {
        var ids = messages.ToList();
        var applied = await cluster.Database.InAsync(db => db.ProcessedMessages.AsNoTracking()
            .Where(p => p.Consumer == NotificationConsumer.Name && ids.Contains(p.MessageId)).Select(p => p.MessageId).ToListAsync());
        return [.. applied];
    }

    /// <summary>Who received a notice because of each message, a user name per notice (a name twice is a notice twice).</summary>
    public async Task<Dictionary<Guid, List<string>>> RecipientsAsync(IEnumerable<Guid> messages)
    {
        var ids = messages.ToList();
        var rows = await cluster.Database.InAsync(db => (
            from n in db.Notifications.AsNoTracking()
            join u in db.Users.AsNoTracking() on n.UserId equals u.Id
            where ids.Contains(n.MessageId)
            select new { n.MessageId, u.UserName }).ToListAsync());
        return ids.ToDictionary(id => id, id => rows.Where(r => r.MessageId == id).Select(r => r.UserName!).OrderBy(n => n, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Waits until every message about <paramref name="instances"/> is published and every consumed one applied (bounded);
    /// returns them as they then are.
    /// </summary>
    public async Task<List<Message>> SettledAsync(IReadOnlyCollection<Guid> instances, TimeSpan? timeout = null)
    {
        var messages = await Poll.UntilAsync(async () =>
        {
            var about = await AboutAsync(instances);
            var applied = await AppliedAsync(about.Where(m => m.IsConsumed).Select(m => m.Id));
            return (About: about, Applied: applied);
        }, s => s.About.All(m => m.PublishedAt is not null) && s.About.Where(m => m.IsConsumed).All(m => s.Applied.Contains(m.Id)), timeout ?? TimeSpan.FromSeconds(60));
        Assert.True(messages.About.All(m => m.PublishedAt is not null),
            "Messages still unpublished:\n" + string.Join("\n", messages.About.Where(m => m.PublishedAt is null)));
        Assert.True(messages.About.Where(m => m.IsConsumed).All(m => messages.Applied.Contains(m.Id)),
            "Messages published but not applied by the notification consumer:\n" + string.Join("\n", messages.About.Where(m => m.IsConsumed && !messages.Applied.Contains(m.Id))));
        return messages.About;
    }

    /// <summary>
    /// Who the demo organisation's notice for a task in <paramref name="state"/> of a Tân Khai proposal goes to: the clerk
    /// of its agency for a draft, the two officers of the economic office for appraisal, the chairman for approval.
    /// </summary>
    public static string[] TaskRecipients(string state) => state switch
    {
        "Draft" => [TanKhai.Clerk],
        "Submitted" or "UnderAppraisal" => [TanKhai.Finance, TanKhai.Finance2],
        "Appraised" => [TanKhai.Chair],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No task waits in this state."),
    };

    /// <summary>The people a message's notices must reach, each once, as the demo organisation and the process define them.</summary>
    public static string[] ExpectedRecipients(Message message) => message.Type switch
    {
        nameof(TaskOpened) => TaskRecipients((string)message.Payload["State"]!),
        // a submitted proposal's escalation: the economic office and the chairman (proposal.workflow.json)
        nameof(TaskEscalated) => [TanKhai.Chair, TanKhai.Finance, TanKhai.Finance2],
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Type, "Not a message these tests expect notices of."),
    };

    /// <summary>Every consumed message reached exactly its people, each once.</summary>
    public async Task AssertEachNoticedOnceAsync(IReadOnlyCollection<Message> messages)
    {
        var consumed = messages.Where(m => m.IsConsumed).ToList();
        var recipients = await RecipientsAsync(consumed.Select(m => m.Id));
        foreach (var message in consumed)
        {
            var expected = ExpectedRecipients(message).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(recipients[message.Id]),
                $"{message}: notices went to [{string.Join(", ", recipients[message.Id])}], expected [{string.Join(", ", expected)}] once each.");
        }
    }
}
