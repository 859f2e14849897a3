using MassTransit;
using Microsoft.Data.Sqlite;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Bench.Measurement;

/// <summary>
/// What the background work still owes when a load window closes: events not yet published from the outbox, and events
/// for the notification consumer (a task opened, escalated, a notice asked for) not yet applied. A server whose
/// background work falls behind its requests shows a growing figure here; its CPU per transition then leaves out the
/// work it has not done yet.
/// </summary>
public sealed record Backlog(long Unpublished, long NoticesPending)
{
    /// <summary>Read from the SQLite file the server writes (WAL: the read takes no lock the server waits for).</summary>
    public static async Task<Backlog> OfSqliteAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var types = string.Join(", ", NoticeTypes.Select((type, i) => command.Parameters.AddWithValue($"$type{i}", type).ParameterName));
        command.Parameters.AddWithValue("$consumer", NotificationConsumer.Name);
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM outbox WHERE PublishedAt IS NULL),
                   (SELECT count(*) FROM outbox o
                     WHERE o.Type IN ({types})
                       AND NOT EXISTS (SELECT 1 FROM processed_messages p WHERE p.Consumer = $consumer AND p.MessageId = o.Id))
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Backlog(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The outbox types the notification consumer applies: the messages of its <c>IConsumer&lt;Batch&lt;T&gt;&gt;</c> interfaces.</summary>
    private static readonly string[] NoticeTypes = typeof(NotificationConsumer).GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(i => i.GetGenericArguments()[0])
        .Select(m => m.IsGenericType && m.GetGenericTypeDefinition() == typeof(Batch<>) ? m.GetGenericArguments()[0].Name : m.Name)
        .ToArray();

    public override string ToString() => $"{Unpublished:N0} events unpublished, {NoticesPending:N0} not yet turned into notices";
}

/// <summary>The background work owed when a window opened and when it closed.</summary>
public sealed record BacklogChange(Backlog Start, Backlog End);
