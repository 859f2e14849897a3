using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Workflows;

/// <summary>
/// The outbox publisher against its process boundary: the bus is a substitute (no broker), the database a real one
/// (<see cref="TestDatabase"/>) that several publishers share, as several servers share one database. Each publisher has its own
/// connection and node name; the clock is moved by hand to let claims expire.
/// </summary>
public sealed class OutboxPublisherTests : IAsyncLifetime
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(30);

    private readonly TestDatabase _database = TestDatabase.Create("outbox");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly List<WorkflowDbContext> _contexts = [];

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var db in _contexts) await db.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task PublishPendingAsync_WhenAMessageIsPending_PublishesItWithTheOutboxIdAsMessageId()
    {
        var id = await AddMessageAsync();
        var bus = new RecordingBus();

        var published = await Server("a", bus.Endpoint).PublishPendingAsync();

        Assert.Equal(1, published);
        var sent = Assert.Single(bus.Published);
        Assert.Equal(typeof(TaskOpened), sent.Type);
        Assert.Equal(id, Assert.IsType<TaskOpened>(sent.Message).TaskId);
        Assert.Equal(id, sent.MessageId); // consumers deduplicate on it
        var row = await ReadAsync(id);
        Assert.Equal(_clock.GetUtcNow(), row.PublishedAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task PublishPendingAsync_WhenRunAgainOnAnyServer_DoesNotPublishAPublishedMessageTwice()
    {
        var id = await AddMessageAsync();
        var busA = new RecordingBus();
        var busB = new RecordingBus();
        await Server("a", busA.Endpoint).PublishPendingAsync();

        _clock.Advance(ClaimDuration * 2); // even once its claim is long over
        var again = await Server("a", busA.Endpoint).PublishPendingAsync();
        var elsewhere = await Server("b", busB.Endpoint).PublishPendingAsync();

        Assert.Equal(0, again + elsewhere);
        Assert.Single(busA.Published);
        Assert.Empty(busB.Published);
        Assert.Equal(1, (await ReadAsync(id)).Attempts);
    }

    [Fact]
    public async Task PublishPendingAsync_WithSeveralMessages_PublishesThemInTheOrderTheyOccurred()
    {
        var late = await AddMessageAsync(occurredAt: _clock.GetUtcNow().AddMinutes(-1));
        var early = await AddMessageAsync(occurredAt: _clock.GetUtcNow().AddMinutes(-5));
        var bus = new RecordingBus();

        await Server("a", bus.Endpoint).PublishPendingAsync();

        Assert.Equal([early, late], bus.Published.Select(p => p.MessageId!.Value));
    }

    [Fact]
    public async Task ClaimAsync_WhenAnotherServerHoldsALiveClaim_RefusesAndThatServerPublishesNothing()
    {
        var id = await AddMessageAsync();
        var busB = new RecordingBus();
        Assert.True(await Server("a", new RecordingBus().Endpoint).ClaimAsync(id, CancellationToken.None));

        _clock.Advance(ClaimDuration); // the claim runs until exactly now: still held
        var b = Server("b", busB.Endpoint);

        Assert.False(await b.ClaimAsync(id, CancellationToken.None));
        Assert.Empty(await b.ClaimableIdsAsync(50, CancellationToken.None));
        Assert.Equal(0, await b.PublishPendingAsync());
        Assert.Empty(busB.Published);
        var row = await ReadAsync(id);
        Assert.Equal("a", row.ClaimedBy);
        Assert.Null(row.PublishedAt);
    }

    [Fact]
    public async Task PublishPendingAsync_WhenTheClaimOfACrashedServerHasExpired_AnotherServerPublishesTheMessageOnce()
    {
        var id = await AddMessageAsync();
        var busA = new RecordingBus();
        var busB = new RecordingBus();
        // server a claims the message, then dies before publishing it
        Assert.True(await Server("a", busA.Endpoint).ClaimAsync(id, CancellationToken.None));

        _clock.Advance(ClaimDuration + TimeSpan.FromSeconds(1));
        var published = await Server("b", busB.Endpoint).PublishPendingAsync();
        var afterwards = await Server("c", new RecordingBus().Endpoint).PublishPendingAsync();

        Assert.Equal(1, published);
        Assert.Equal(0, afterwards);
        Assert.Empty(busA.Published);
        Assert.Equal(id, Assert.Single(busB.Published).MessageId);
        var row = await ReadAsync(id);
        Assert.Equal("b", row.ClaimedBy);
        Assert.Equal(2, row.Attempts);
        Assert.NotNull(row.PublishedAt);
    }

    [Fact]
    public async Task PublishPendingAsync_WhenTheBusFails_LeavesTheMessageWithItsErrorAndRetriesItAfterTheClaimExpires()
    {
        var id = await AddMessageAsync();
        var broken = Substitute.For<IPublishEndpoint>();
        broken.Publish(Arg.Any<object>(), Arg.Any<Type>(), Arg.Any<IPipe<PublishContext>>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new InvalidOperationException("broker unreachable")));

        var published = await Server("a", broken).PublishPendingAsync();

        Assert.Equal(0, published);
        var failed = await ReadAsync(id);
        Assert.Null(failed.PublishedAt);
        Assert.Equal("broker unreachable", failed.LastError);
        Assert.Equal(1, failed.Attempts);

        // the failed attempt keeps its claim until it expires, so the retry is not immediate
        var healthy = new RecordingBus();
        Assert.Equal(0, await Server("a", healthy.Endpoint).PublishPendingAsync());
        _clock.Advance(ClaimDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Server("a", healthy.Endpoint).PublishPendingAsync());

        await broken.Received(1).Publish(Arg.Any<object>(), typeof(TaskOpened), Arg.Any<IPipe<PublishContext>>(), Arg.Any<CancellationToken>());
        Assert.Equal(id, Assert.Single(healthy.Published).MessageId);
        var retried = await ReadAsync(id);
        Assert.NotNull(retried.PublishedAt);
        Assert.Null(retried.LastError);
        Assert.Equal(2, retried.Attempts);
    }

    /// <summary>A bus substitute that runs the publisher's send pipe on a substitute context, as the real bus would, and records what went out.</summary>
    private sealed class RecordingBus
    {
        public IPublishEndpoint Endpoint { get; } = Substitute.For<IPublishEndpoint>();

        public List<(object Message, Type Type, Guid? MessageId)> Published { get; } = [];

        public RecordingBus() =>
            Endpoint.Publish(Arg.Any<object>(), Arg.Any<Type>(), Arg.Any<IPipe<PublishContext>>(), Arg.Any<CancellationToken>())
                .Returns(async call =>
                {
                    var context = Substitute.For<PublishContext>();
                    await call.Arg<IPipe<PublishContext>>().Send(context);
                    Published.Add((call.ArgAt<object>(0), call.ArgAt<Type>(1), context.MessageId));
                });
    }

    /// <summary>One server: its own connection to the shared database, its own node name.</summary>
    private OutboxPublisher Server(string node, IPublishEndpoint bus)
    {
        var db = Open();
        _contexts.Add(db);
        return new OutboxPublisher(db, bus, new WorkflowOptions { OutboxClaimDuration = ClaimDuration }, _clock, NullLogger<OutboxPublisher>.Instance) { Node = node };
    }

    private WorkflowDbContext Open() => _database.OpenContext();

    /// <summary>A TaskOpened event committed to the outbox; its task id is the message id, to tell messages apart.</summary>
    private async Task<Guid> AddMessageAsync(DateTimeOffset? occurredAt = null)
    {
        var id = Guid.NewGuid();
        var payload = JsonSerializer.Serialize(new TaskOpened(id, Guid.NewGuid(), "Proposal", Guid.NewGuid(), "Submitted", "Đã gửi",
            "Thẩm định đề xuất", "FinanceOffice", "BP.HQ", null, _clock.GetUtcNow().AddDays(3)));
        await using var db = Open();
        db.Outbox.Add(new OutboxMessage(id, nameof(TaskOpened), payload, occurredAt ?? _clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<OutboxMessage> ReadAsync(Guid id)
    {
        await using var db = Open();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
