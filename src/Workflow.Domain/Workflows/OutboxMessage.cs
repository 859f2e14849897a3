namespace Workflow.Domain.Workflows;

/// <summary>
/// An event written in the same transaction as the change it reports, published afterwards by the dispatcher.
/// Its id is the message id consumers deduplicate on, so a publish repeated after a crash does no harm.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { Type = Payload = ""; }

    public OutboxMessage(Guid id, string type, string payload, DateTimeOffset occurredAt)
    {
        Id = id;
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
    }

    public Guid Id { get; private set; }
    public string Type { get; private set; }
    public string Payload { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public string? LastError { get; private set; }
}
