using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// A busy timeout on every SQLite connection of the application, so SQLite itself waits for the write lock when
/// another writer holds it (a request and the outbox dispatcher, say). Without one the driver gets SQLITE_BUSY at once and sleeps in 150 ms steps before trying
/// again, which is what requests waited on; SQLite's own busy handler retries within a millisecond or two of the
/// lock's release. The timeout bounds the wait like the command timeout does. It is a property of the native
/// connection, which the driver's pool keeps across opens, so it is set when a pooled connection is opened the first
/// time rather than at every open (a command fewer per query outside a transaction). Memory-mapped reads
/// (<c>mmap_size</c>) were measured and left out: the mapped pages count in the server's resident memory, and the
/// CPU they saved was within the bench's noise.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public const int TimeoutMilliseconds = 30_000;

    private static readonly string Pragma = $"PRAGMA busy_timeout = {TimeoutMilliseconds};";

    /// <summary>The native connections that have the timeout; weak, so a connection the pool closes takes its entry with it.</summary>
    private static readonly ConditionalWeakTable<object, object> WithTimeout = new();

    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!LacksTimeout(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!LacksTimeout(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool LacksTimeout(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !WithTimeout.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) WithTimeout.AddOrUpdate(handle, Marker);
    }
}
