namespace Workflow.Infrastructure.Mail;

/// <summary>
/// An e-mail waiting to be sent, or sent: written with its notice, in the notification consumer's transaction, so a
/// notice is e-mailed once however often its message is delivered; sent later by <see cref="MailSender"/>, outside any
/// request, on whichever server claims it first.
/// </summary>
public sealed class OutgoingMail
{
    private OutgoingMail() { To = Subject = Body = ""; }

    public OutgoingMail(Guid id, Guid notificationId, string to, string subject, string body, DateTimeOffset createdAt)
    {
        Id = id;
        NotificationId = notificationId;
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The notice it carries; unique, so a notice is never queued twice.</summary>
    public Guid NotificationId { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Not before this moment: the creation, or the back-off after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set after the last allowed attempt failed: the notice stays in the app, the e-mail is not tried again.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }
    public string? LastError { get; private set; }
}
