using MassTransit;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Mail;
using Workflow.Infrastructure.Messaging;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Turns workflow events into notices for the people who must act: one row per recipient, naming the dossier (code,
/// title), its money and the deadline. Each message is applied once, however often it is delivered and on however many
/// servers: its notices, their e-mails (when <c>Mail:Enabled</c>, for recipients with an address) and its
/// <see cref="ProcessedMessage"/> row commit in one transaction, and the row's key lets only one delivery commit. The
/// e-mails are sent afterwards by <see cref="MailSender"/>: a slow or absent mail server never holds up a transition.
/// </summary>
public sealed class NotificationConsumer(WorkflowDbContext db, WorkingCalendar calendar, MailOptions mail, TimeProvider clock) :
    IConsumer<TaskOpened>, IConsumer<TaskEscalated>, IConsumer<NotificationRequested>
{
    /// <summary>This consumer's name in <c>processed_messages</c>.</summary>
    public const string Name = "notifications";

    private sealed record Notice(string Title, string Body, DateTimeOffset? DueAt, Guid? TaskId, string? Deadline);

    public Task Consume(ConsumeContext<TaskOpened> context)
    {
        var m = context.Message;
        return NotifyAsync(context.MessageId, [m.Role], m.TargetUnitCode, m.TargetAgencyCode, m.SubjectType, m.SubjectId, m.InstanceId, (dossier, today) =>
        {
            var deadline = m.DueAt is { } due ? NoticeText.Deadline(due, today, calendar) : null;
            var body = $"{NoticeText.Dossier(dossier, m.SubjectType)}, đang chờ bạn xử lý (trạng thái: {m.StateName})."
                       + (deadline is null ? "" : $" Hạn xử lý: {deadline}.");
            return new Notice(NoticeText.Title(m.Title), body, m.DueAt, m.TaskId, deadline);
        }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<TaskEscalated> context)
    {
        var m = context.Message;
        return NotifyAsync(context.MessageId, m.NotifyRoles, m.TargetUnitCode, null, m.SubjectType, m.SubjectId, m.InstanceId, (dossier, today) =>
        {
            var deadline = NoticeText.Deadline(m.DueAt, today, calendar);
            var body = $"{NoticeText.Dossier(dossier, m.SubjectType)}, đã quá hạn xử lý ở trạng thái '{m.StateName}' (hạn {deadline}).";
            return new Notice(NoticeText.Title($"Quá hạn: {m.Title}"), body, m.DueAt, m.TaskId, deadline);
        }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<NotificationRequested> context)
    {
        var m = context.Message;
        return NotifyAsync(context.MessageId, m.Roles, m.UnitCode, m.AgencyCode, m.SubjectType, m.SubjectId, m.InstanceId, (dossier, _) =>
            new Notice(NoticeText.Title($"Thông báo: {Dossiers.KindOf(m.SubjectType)}"), $"{m.Message.TrimEnd()} {NoticeText.Dossier(dossier, m.SubjectType)}.", null, null, null),
            context.CancellationToken);
    }

    /// <summary>A lead-agency notice about one agency's subject goes to that agency's officers only.</summary>
    private static bool Concerns(Identity.User user, string role, string? agency) =>
        user.IsIn(role) && (role != Domain.Identity.Roles.LeadAgency || agency is null || user.AgencyCode == agency);

    private async Task NotifyAsync(Guid? messageId, IReadOnlyList<string> roles, string unit, string? agency,
        string subjectType, Guid subjectId, Guid instanceId, Func<DossierSummary?, DateOnly, Notice> write, CancellationToken ct)
    {
        var id = messageId ?? throw new InvalidOperationException("Workflow messages always carry their outbox id.");
        // applied before: nothing to do (the key below decides when two deliveries run at once)
        if (await db.ProcessedMessages.AnyAsync(p => p.Consumer == Name && p.MessageId == id, ct)) return;

        var now = clock.GetUtcNow();
        var dossier = await db.SummaryAsync(subjectType, subjectId, ct);
        var notice = write(dossier, WorkingCalendar.VietnamToday(clock));
        var body = NoticeText.Cut(notice.Body, 2000);
        var users = await db.Users.AsNoTracking().Where(u => u.UnitCode == unit && u.IsActive).ToListAsync(ct);
        db.ProcessedMessages.Add(new ProcessedMessage(Name, id, now));
        foreach (var user in users.Where(u => roles.Any(role => Concerns(u, role, agency))))
        {
            var row = new Notification(Guid.NewGuid(), id, user.Id, notice.Title, body, subjectType, subjectId, instanceId, notice.DueAt, now,
                notice.TaskId, dossier?.Code, dossier?.Title, dossier?.Amount);
            db.Notifications.Add(row);
            if (mail.Enabled && MailOptions.IsAddress(user.Email))
                db.OutgoingMail.Add(new OutgoingMail(Guid.NewGuid(), row.Id, user.Email!, NoticeText.MailSubject(row),
                    NoticeText.MailBody(row, user.DisplayName, notice.Deadline, mail.LinkTo(Dossiers.PagePath(subjectType, subjectId))), now));
        }
        try
        {
            // one transaction: the processed row, every notice and its e-mail, or nothing
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // a concurrent delivery of the same message committed first: its notices are the ones kept
            db.ChangeTracker.Clear();
        }
    }
}
