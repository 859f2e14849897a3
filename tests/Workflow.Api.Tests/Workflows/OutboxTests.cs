using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Workflows;

public class OutboxTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private RuntimeFactory App => fixture.Factory;

    [Fact]
    public async Task Inbox_WhenTaskIsOverdue_ShowsItFirstAndFlagged()
    {
        var instance = await App.StartAsync();
        using (var clerk = await App.ClientFor("nongnghiep"))
            await clerk.FireOkAsync(instance.Id, "submit");
        App.Clock.Advance(TimeSpan.FromDays(10)); // yesterday's tokens have expired too: sign in again
        var fresh = await App.StartAsync();
        using (var clerk = await App.ClientFor("nongnghiep"))
            await clerk.FireOkAsync(fresh.Id, "submit");
        using var finance = await App.ClientFor("taichinh");

        var inbox = await finance.GetJsonAsync("/api/tasks?overdue=true&pageSize=100");

        var item = inbox["items"]!.AsArray().Single(t => (string?)t!["instanceId"] == instance.Id.ToString())!;
        Assert.True((bool)item["overdue"]!);
        Assert.True((int)item["workingDaysLeft"]! < 0);
        Assert.DoesNotContain(inbox["items"]!.AsArray(), t => (string?)t!["instanceId"] == fresh.Id.ToString());
    }

    [Fact]
    public async Task Outbox_WhenAServerCrashesAfterClaimingAMessage_AnotherPublishesItOnceAfterTheClaimExpires()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");
        await clerk.FireOkAsync(instance.Id, "submit");
        // the finance office's task that the submission opened (the start and the submission happen at one clock time)
        var taskOpened = (await App.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Type == nameof(TaskOpened) && m.PublishedAt == null).ToListAsync()))
            .Single(m => System.Text.Json.JsonSerializer.Deserialize<TaskOpened>(m.Payload) is { Role: "FinanceOffice" } t && t.InstanceId == instance.Id).Id;

        // server A claims the message, then dies before publishing
        Assert.True(await App.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().ClaimAsync(taskOpened, CancellationToken.None)));
        // server B, restarted, finds it claimed and leaves it
        Assert.DoesNotContain(taskOpened, await App.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().ClaimableIdsAsync(500, CancellationToken.None)));

        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().PublishPendingAsync(500));

        var message = await App.DbAsync(db => db.Outbox.SingleAsync(m => m.Id == taskOpened));
        Assert.NotNull(message.PublishedAt);
        Assert.Equal(2, message.Attempts);
        var notices = await WaitForNotificationsAsync(taskOpened, expectedAtLeast: 2); // taichinh and taichinh2
        Assert.Equal(2, notices);
        var mine = await finance.GetJsonAsync("/api/notifications");
        Assert.Contains(mine.AsArray(), n => (string?)n!["instanceId"] == instance.Id.ToString() && ((string)n["title"]!).Contains("thẩm định"));
    }

    [Fact]
    public async Task Consumer_WhenTheSameMessageIsDeliveredTwice_NotifiesOnce()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        await clerk.FireOkAsync(instance.Id, "submit");
        await App.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().PublishPendingAsync(500));
        var message = await App.DbAsync(db => db.Outbox.Where(m => m.Type == nameof(TaskOpened)).OrderByDescending(m => m.OccurredAt).FirstAsync());
        var first = await WaitForNotificationsAsync(message.Id, expectedAtLeast: 1);

        // a publisher that crashed after publishing but before marking the message publishes it again
        var body = System.Text.Json.JsonSerializer.Deserialize<TaskOpened>(message.Payload)!;
        await App.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IPublishEndpoint>().Publish(body, context => context.MessageId = message.Id);
            return 0;
        });
        var marker = await App.StartAsync(); // a later message on the same queue: once it is consumed, the duplicate was too
        await clerk.FireOkAsync(marker.Id, "submit");
        await App.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().PublishPendingAsync(500));
        var markerMessage = await App.DbAsync(db => db.Outbox.Where(m => m.Type == nameof(TaskOpened)).OrderByDescending(m => m.OccurredAt).Select(m => m.Id).FirstAsync());
        await WaitForNotificationsAsync(markerMessage, expectedAtLeast: 1);

        Assert.Equal(first, await App.DbAsync(db => db.Notifications.CountAsync(n => n.MessageId == message.Id)));
    }

    [Fact]
    public async Task Consumer_WhenAnAppliedMessageArrivesAmongNewOnes_NotifiesEachNewOneOnceAndTheAppliedOneNoMore()
    {
        using var clerk = await App.ClientFor("nongnghiep");
        var applied = await App.StartAsync();
        await clerk.FireOkAsync(applied.Id, "submit");
        await App.InScopeAsync(s => s.GetRequiredService<OutboxPublisher>().PublishPendingAsync(500));
        var old = await App.DbAsync(db => db.Outbox.Where(m => m.Type == nameof(TaskOpened)).OrderByDescending(m => m.OccurredAt).FirstAsync());
        var before = await WaitForNotificationsAsync(old.Id, expectedAtLeast: 1);
        var fresh = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var instance = await App.StartAsync();
            await clerk.FireOkAsync(instance.Id, "submit");
            fresh.Add(instance.Id);
        }
        var waiting = (await App.DbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Type == nameof(TaskOpened) && m.PublishedAt == null).ToListAsync()))
            .Where(m => System.Text.Json.JsonSerializer.Deserialize<TaskOpened>(m.Payload) is { Role: "FinanceOffice" } t && fresh.Contains(t.InstanceId))
            .ToList();
        Assert.Equal(3, waiting.Count);

        // the applied message published again, then the three new ones at once: they are gathered into one batch
        await App.InScopeAsync(async s =>
        {
            var bus = s.GetRequiredService<IPublishEndpoint>();
            foreach (var message in waiting.Prepend(old))
            {
                var body = System.Text.Json.JsonSerializer.Deserialize<TaskOpened>(message.Payload)!;
                await bus.Publish(body, context => context.MessageId = message.Id);
            }
            return 0;
        });

        foreach (var message in waiting)
            Assert.Equal(2, await WaitForNotificationsAsync(message.Id, expectedAtLeast: 2)); // taichinh and taichinh2, once each
        Assert.Equal(before, await App.DbAsync(db => db.Notifications.CountAsync(n => n.MessageId == old.Id)));
    }

    /// <summary>The bus delivers on its own threads: poll the database a bounded number of times for the consumer's rows.</summary>
    private async Task<int> WaitForNotificationsAsync(Guid messageId, int expectedAtLeast)
    {
        var count = 0;
        for (var attempt = 0; attempt < 200 && count < expectedAtLeast; attempt++)
        {
            count = await App.DbAsync(db => db.Notifications.CountAsync(n => n.MessageId == messageId));
            if (count < expectedAtLeast) await Task.Delay(50);
        }
        Assert.True(count >= expectedAtLeast, $"Expected at least {expectedAtLeast} notifications for message {messageId}; found {count}.");
        return count;
    }
}
