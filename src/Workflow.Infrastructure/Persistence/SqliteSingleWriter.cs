using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// One writer at a time per SQLite database in this process, queued in memory. SQLite lets one transaction write at a
/// time; left to itself, every other writer (a request, the outbox dispatcher, the deadline scanner) polls the lock
/// with sleeps of up to 100 ms, which made the long tail of requests under load. Here a writer waits on a semaphore and
/// starts the moment the one before it commits. SQLite's busy timeout (<see cref="SqliteBusyWait"/>) still covers
/// writers in other processes.
/// </summary>
/// <remarks>
/// Every save runs in a transaction (a save of one statement too: <c>AutoTransactionBehavior.Always</c>),
/// so the gate is taken when a transaction begins and given back when it commits, rolls back or its connection closes
/// (a transaction disposed without either). Statements that write outside a transaction (<c>ExecuteUpdate</c>,
/// <c>ExecuteDelete</c>) hold it for their own execution. Reads never wait: in WAL they do not block the writer.
/// </remarks>
public sealed class SqliteSingleWriter : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>As long as SQLite's own busy timeout: a writer that waits longer is told the database is busy.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(SqliteBusyWait.TimeoutMilliseconds);

    /// <summary>The one every unit of work of the process uses: its gates are per database file.</summary>
    public static SqliteSingleWriter Shared { get; } = new();

    private SqliteSingleWriter() { }

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly ConditionalWeakTable<DbConnection, Hold> _holds = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // a save of one statement would otherwise run without a transaction, and so without the gate
        if (eventData.Context is { } db) db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction, eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction, eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        // a failed commit or rollback leaves no transaction behind on SQLite; a failed savepoint leaves it open
        if (!eventData.Action.Contains("Savepoint", StringComparison.OrdinalIgnoreCase)) Leave(ConnectionOf(transaction, eventData));
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (WritesAlone(command)) await EnterAsync(command.Connection!, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (WritesAlone(command)) Enter(command.Connection!);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (command.Transaction is null) Leave(command.Connection);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuted(command, eventData, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (command.Transaction is null) Leave(command.Connection);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData)
    {
        if (command.Transaction is null) Leave(command.Connection);
    }

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandCanceled(command, eventData);
        return Task.CompletedTask;
    }

    /// <summary>A statement that writes on its own, outside any transaction (a transaction already holds the gate).</summary>
    private bool WritesAlone(DbCommand command) =>
        command.Transaction is null && command.Connection is not null && !_holds.TryGetValue(command.Connection, out _)
        && !command.CommandText.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);

    private async Task EnterAsync(DbConnection connection, CancellationToken ct)
    {
        if (_holds.TryGetValue(connection, out _)) return;
        var gate = GateOf(connection);
        if (!await gate.WaitAsync(MaxWait, ct)) throw Busy();
        Take(connection, gate);
    }

    private void Enter(DbConnection connection)
    {
        if (_holds.TryGetValue(connection, out _)) return;
        var gate = GateOf(connection);
        if (!gate.Wait(MaxWait)) throw Busy();
        Take(connection, gate);
    }

    private void Take(DbConnection connection, SemaphoreSlim gate)
    {
        var hold = new Hold(gate);
        _holds.AddOrUpdate(connection, hold);
        // the last resort: a transaction disposed without commit or rollback ends when its connection closes
        StateChangeEventHandler? onClose = null;
        onClose = (_, change) =>
        {
            if (change.CurrentState != ConnectionState.Closed) return;
            connection.StateChange -= onClose;
            Leave(connection);
        };
        hold.OnClose = onClose;
        connection.StateChange += onClose;
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is null || !_holds.TryGetValue(connection, out var hold)) return;
        _holds.Remove(connection);
        if (hold.OnClose is { } onClose) connection.StateChange -= onClose;
        hold.Release();
    }

    /// <summary>A committed SQLite transaction no longer knows its connection; the context does.</summary>
    private static DbConnection? ConnectionOf(DbTransaction? transaction, TransactionEventData eventData) =>
        eventData.Context?.Database.GetDbConnection() ?? transaction?.Connection;

    /// <summary>Whether a writer of this process holds the database now (for tests of the gate itself).</summary>
    public static bool IsHeld(string dataSource) => Gates.TryGetValue(Path.GetFullPath(dataSource), out var gate) && gate.CurrentCount == 0;

    private static SemaphoreSlim GateOf(DbConnection connection) =>
        Gates.GetOrAdd(Path.GetFullPath(connection.DataSource), _ => new SemaphoreSlim(1, 1));

    private static TimeoutException Busy() =>
        new($"The SQLite database stayed locked by another writer of this process for {MaxWait.TotalSeconds:0} s.");

    private sealed class Hold(SemaphoreSlim gate)
    {
        private int _released;
        public StateChangeEventHandler? OnClose { get; set; }

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
