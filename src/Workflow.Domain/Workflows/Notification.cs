namespace Workflow.Domain.Workflows;

/// <summary>A notice for the people who must act next: written by the notification consumer, one row per recipient.</summary>
public sealed class Notification
{
    private Notification() { Title = Body = SubjectType = ""; }

    public Notification(Guid id, Guid messageId, Guid userId, string title, string body, string subjectType, Guid subjectId,
        Guid instanceId, DateTimeOffset? dueAt, DateTimeOffset createdAt)
    {
        Id = id;
        MessageId = messageId;
        UserId = userId;
        Title = title;
        Body = body;
        SubjectType = subjectType;
        SubjectId = subjectId;
        InstanceId = instanceId;
        DueAt = dueAt;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The message that caused it; (MessageId, UserId) is unique, which makes redelivery harmless.</summary>
    public Guid MessageId { get; private set; }
    public Guid UserId { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    public string SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid InstanceId { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
