namespace Workflow.Domain.Workflows;

/// <summary>
/// A notice for the people who must act next: written by the notification consumer, one row per recipient. It names
/// the dossier (its code and title), the money it decides on and the deadline, so the notice says what it is about
/// without opening it; a notice about a task is done once that task is (the task's row says so, whenever the notice was written).
/// </summary>
public sealed class Notification
{
    private Notification() { Title = Body = SubjectType = ""; }

    public Notification(Guid id, Guid messageId, Guid userId, string title, string body, string subjectType, Guid subjectId,
        Guid instanceId, DateTimeOffset? dueAt, DateTimeOffset createdAt, Guid? taskId = null, string? subjectCode = null,
        string? subjectTitle = null, long? amount = null)
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
        TaskId = taskId;
        SubjectCode = subjectCode;
        SubjectTitle = subjectTitle;
        Amount = amount;
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

    /// <summary>The task the notice asks someone to do (opened or overdue); none for a notice that only informs.</summary>
    public Guid? TaskId { get; private set; }

    /// <summary>The dossier's number in its unit when the notice was written (<c>ĐX-2026-0001</c>).</summary>
    public string? SubjectCode { get; private set; }

    /// <summary>What the dossier is: the proposal's title (a disbursement's or settlement's proposal).</summary>
    public string? SubjectTitle { get; private set; }

    /// <summary>The money the dossier decides on, whole đồng: a proposal's state support, a disbursement's amount, a settlement's actual cost.</summary>
    public long? Amount { get; private set; }
}
