using System.Text.Json;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>Adds events to the outbox in the caller's unit of work, so they commit with the change they report.</summary>
public static class OutboxWriter
{
    public static void Add(WorkflowDbContext db, object message, DateTimeOffset now)
    {
        var type = message.GetType();
        if (!MessageTypes.ByName.ContainsKey(type.Name))
            throw new InvalidOperationException($"{type.Name} is not a registered message type.");
        db.Outbox.Add(new OutboxMessage(Guid.NewGuid(), type.Name, JsonSerializer.Serialize(message, type), now));
    }
}
