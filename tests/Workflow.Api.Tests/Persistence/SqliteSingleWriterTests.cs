using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Persistence;

/// <summary>
/// The in-process writer gate of SQLite on a real file: a writer waits in a queue for the one before it instead of
/// polling SQLite's lock, and every way a write can end gives the gate back — or the next writer would wait forever.
/// </summary>
public sealed class SqliteSingleWriterTests : IAsyncLifetime
{
    private const string About = "the in-process queue of SQLite's one writer";

    // a SQLite file whatever engine the run is for: the gate is SQLite's
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"workflow-writer-gate-{Guid.NewGuid():N}.db");
    private readonly List<WorkflowDbContext> _contexts = [];

    public async Task InitializeAsync() => await Open().Database.MigrateAsync();

    public async Task DisposeAsync()
    {
        foreach (var db in _contexts) await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            if (File.Exists(_databasePath + suffix)) File.Delete(_databasePath + suffix);
    }

    [SqliteFact(About)]
    public async Task SaveChanges_WhenAnotherUnitOfWorkHoldsAnOpenTransaction_WaitsForItsCommitThenCommits()
    {
        var first = Open();
        await using var transaction = await first.Database.BeginTransactionAsync();
        AddMessage(first);
        await first.SaveChangesAsync();
        Assert.True(SqliteSingleWriter.IsHeld(_databasePath));

        var second = Open();
        AddMessage(second);
        var waiting = second.SaveChangesAsync();
        await Task.Yield();
        Assert.False(waiting.IsCompleted); // queued behind the open transaction, not failed

        await transaction.CommitAsync();
        Assert.Equal(1, await waiting);
        Assert.False(SqliteSingleWriter.IsHeld(_databasePath));
        Assert.Equal(2, await Open().Outbox.CountAsync());
    }

    [SqliteFact(About)]
    public async Task SaveChanges_WhenItSavesOneRowWithoutATransactionOfItsOwn_GivesTheGateBack()
    {
        var db = Open();
        AddMessage(db);

        await db.SaveChangesAsync();

        Assert.False(SqliteSingleWriter.IsHeld(_databasePath));
        Assert.Equal(1, await Open().Outbox.CountAsync());
    }

    [SqliteFact(About)]
    public async Task ExecuteUpdate_WhenItWritesOutsideATransaction_GivesTheGateBack()
    {
        var db = Open();
        AddMessage(db);
        await db.SaveChangesAsync();

        var changed = await Open().Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 3));

        Assert.Equal(1, changed);
        Assert.False(SqliteSingleWriter.IsHeld(_databasePath));
    }

    [SqliteFact(About)]
    public async Task SaveChanges_WhenTheSaveFails_GivesTheGateBackAndKeepsNothing()
    {
        var db = Open();
        var message = AddMessage(db);
        await db.SaveChangesAsync();

        var again = Open();
        again.Outbox.Add(new OutboxMessage(message.Id, nameof(TaskOpened), "{}", DateTimeOffset.UtcNow)); // the same key
        AddMessage(again);
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());

        Assert.False(SqliteSingleWriter.IsHeld(_databasePath));
        Assert.Equal(1, await Open().Outbox.CountAsync());
    }

    [SqliteFact(About)]
    public async Task BeginTransaction_WhenTheTransactionIsDisposedUncommitted_GivesTheGateBackAndKeepsNothing()
    {
        var db = Open();
        await using (await db.Database.BeginTransactionAsync())
        {
            AddMessage(db);
            await db.SaveChangesAsync();
        }

        Assert.False(SqliteSingleWriter.IsHeld(_databasePath));
        Assert.Equal(0, await Open().Outbox.CountAsync());
    }

    [SqliteFact(About)]
    public async Task SaveChanges_WhenManyUnitsOfWorkWriteAtOnce_CommitsEveryOne()
    {
        var writers = Enumerable.Range(0, 24).Select(async _ =>
        {
            await Task.Yield();
            var db = Open();
            AddMessage(db);
            return await db.SaveChangesAsync();
        }).ToList();

        Assert.All(await Task.WhenAll(writers), saved => Assert.Equal(1, saved));
        Assert.Equal(24, await Open().Outbox.CountAsync());
        Assert.False(SqliteSingleWriter.IsHeld(_databasePath));
    }

    private static OutboxMessage AddMessage(WorkflowDbContext db)
    {
        var message = new OutboxMessage(Guid.NewGuid(), nameof(TaskOpened), "{}", DateTimeOffset.UtcNow);
        db.Outbox.Add(message);
        return message;
    }

    private WorkflowDbContext Open()
    {
        var db = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _databasePath }.ToString())
            .AddInterceptors(new SqliteBusyWait(), SqliteSingleWriter.Shared).Options);
        _contexts.Add(db);
        return db;
    }
}
