namespace Workflow.Infrastructure.Messaging;

/// <summary>
/// A message a consumer has applied. Written in the same transaction as the consumer's effects, under the primary key
/// (consumer, message id): of two deliveries of one message — a redelivery after a crash, the outbox publishing again
/// after a claim expired, two servers taking copies at once — only the first to commit keeps its effects; the other's
/// insert of this row fails and its transaction takes nothing with it.
/// </summary>
public sealed class ProcessedMessage
{
    private ProcessedMessage() { Consumer = ""; }

    public ProcessedMessage(string consumer, Guid messageId, DateTimeOffset processedAt)
    {
        Consumer = consumer;
        MessageId = messageId;
        ProcessedAt = processedAt;
    }

    /// <summary>Which consumer applied it: each consumer of a message applies it once.</summary>
    public string Consumer { get; private set; }

    /// <summary>The outbox id the message was published under.</summary>
    public Guid MessageId { get; private set; }

    public DateTimeOffset ProcessedAt { get; private set; }
}
