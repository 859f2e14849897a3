using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock when another writer holds it (a request and the outbox dispatcher,
/// say). Without a busy timeout the driver gets SQLITE_BUSY at once and sleeps in 150 ms steps before trying again,
/// which is what requests waited on; SQLite's own busy handler retries within a millisecond or two of the lock's
/// release. The timeout bounds the wait like the command timeout does.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public const int TimeoutMilliseconds = 30_000;

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
