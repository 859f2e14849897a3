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
/// <remarks>
/// Messages come in batches (<see cref="Batching"/>): every transition opens a task, so under load one commit for many
/// messages instead of one each keeps the consumer's writes from queueing behind — and in front of — the requests'.
/// A batch in which some message was applied meanwhile by another delivery is applied again message by message, so one
/// duplicate never holds back the others' notices.
/// </remarks>
public sealed class NotificationConsumer(WorkflowDbContext db, WorkingCalendar calendar, MailOptions mail, TimeProvider clock) :
    IConsumer<Batch<TaskOpened>>, IConsumer<Batch<TaskEscalated>>, IConsumer<Batch<NotificationRequested>>
{
    /// <summary>This consumer's name in <c>processed_messages</c>.</summary>
    public const string Name = "notifications";

    /// <summary>
    /// Up to 100 messages a batch, gathered for at most 50 ms after the first: a notice is never held back noticeably, and
    /// a burst of transitions is applied in a few commits. Two batches at a time: one alone, sharing the cores with every
    /// request in flight, fell behind under 32 clients on a busy machine.
    /// </summary>
    public static void Batching(BatchOptions options) => options.SetMessageLimit(100).SetConcurrencyLimit(2).SetTimeLimit(TimeSpan.FromMilliseconds(50));

    private sealed record Notice(string Title, string Body, DateTimeOffset? DueAt, Guid? TaskId, string? Deadline);

    /// <summary>One message to apply: whom it concerns and how its notice reads once the dossier is known.</summary>
    private sealed record Pending(Guid MessageId, IReadOnlyList<string> Roles, string Unit, string? Agency,
        string SubjectType, Guid SubjectId, Guid InstanceId, Func<DossierSummary?, DateOnly, Notice> Write);

    public Task Consume(ConsumeContext<Batch<TaskOpened>> context) =>
        ApplyAsync(context.Message.Select(c =>
        {
            var m = c.Message;
            return new Pending(IdOf(c), [m.Role], m.TargetUnitCode, m.TargetAgencyCode, m.SubjectType, m.SubjectId, m.InstanceId, (dossier, today) =>
            {
                var deadline = m.DueAt is { } due ? NoticeText.Deadline(due, today, calendar) : null;
                var body = $"{NoticeText.Dossier(dossier, m.SubjectType)}, đang chờ bạn xử lý (trạng thái: {m.StateName})."
                           + (deadline is null ? "" : $" Hạn xử lý: {deadline}.");
                return new Notice(NoticeText.Title(m.Title), body, m.DueAt, m.TaskId, deadline);
            });
        }), context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<TaskEscalated>> context) =>
        ApplyAsync(context.Message.Select(c =>
        {
            var m = c.Message;
            return new Pending(IdOf(c), m.NotifyRoles, m.TargetUnitCode, null, m.SubjectType, m.SubjectId, m.InstanceId, (dossier, today) =>
            {
                var deadline = NoticeText.Deadline(m.DueAt, today, calendar);
                var body = $"{NoticeText.Dossier(dossier, m.SubjectType)}, đã quá hạn xử lý ở trạng thái '{m.StateName}' (hạn {deadline}).";
                return new Notice(NoticeText.Title($"Quá hạn: {m.Title}"), body, m.DueAt, m.TaskId, deadline);
            });
        }), context.CancellationToken);

    public Task Consume(ConsumeContext<Batch<NotificationRequested>> context) =>
        ApplyAsync(context.Message.Select(c =>
        {
            var m = c.Message;
            return new Pending(IdOf(c), m.Roles, m.UnitCode, m.AgencyCode, m.SubjectType, m.SubjectId, m.InstanceId, (dossier, _) =>
                new Notice(NoticeText.Title($"Thông báo: {Dossiers.KindOf(m.SubjectType)}"), $"{m.Message.TrimEnd()} {NoticeText.Dossier(dossier, m.SubjectType)}.", null, null, null));
        }), context.CancellationToken);

    private static Guid IdOf(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("Workflow messages always carry their outbox id.");

    /// <summary>A lead-agency notice about one agency's subject goes to that agency's officers only.</summary>
    private static bool Concerns(Identity.User user, string role, string? agency) =>
        user.IsIn(role) && (role != Domain.Identity.Roles.LeadAgency || agency is null || user.AgencyCode == agency);

    private async Task ApplyAsync(IEnumerable<Pending> messages, CancellationToken ct)
    {
        // a message delivered twice in one batch is one message
        var batch = messages.DistinctBy(m => m.MessageId).ToList();
        if (await StageAsync(batch, ct) == 0) return;
        try
        {
            // one transaction: the processed rows, every notice and its e-mail, or nothing
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && batch.Count > 1)
        {
            // another delivery applied one of them first: apply each on its own, so only that one is skipped
            db.ChangeTracker.Clear();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // a concurrent delivery of the same message committed first: its notices are the ones kept
            db.ChangeTracker.Clear();
            return;
        }
        foreach (var message in batch)
            await ApplyAsync([message], ct);
    }

    /// <summary>Adds the notices of the messages not applied before to the unit of work; returns how many were.</summary>
    private async Task<int> StageAsync(List<Pending> batch, CancellationToken ct)
    {
        var ids = batch.Select(m => m.MessageId).ToList();
        // applied before: nothing to do (the key decides when two deliveries run at once)
        var applied = (await db.ProcessedMessages.AsNoTracking().Where(p => p.Consumer == Name && ids.Contains(p.MessageId))
            .Select(p => p.MessageId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var today = WorkingCalendar.VietnamToday(clock);
        var toApply = batch.Where(m => !applied.Contains(m.MessageId)).ToList();
        if (toApply.Count == 0) return 0;
        // the dossiers and the people of the units concerned, each read once for the whole batch
        var dossiers = await db.SummariesAsync(toApply.Select(m => (m.SubjectType, m.SubjectId)), ct);
        var units = toApply.Select(m => m.Unit).Distinct().ToList();
        var people = (await db.Users.AsNoTracking().Where(u => units.Contains(u.UnitCode) && u.IsActive).ToListAsync(ct))
            .ToLookup(u => u.UnitCode, StringComparer.Ordinal);
        foreach (var message in toApply)
        {
            var dossier = dossiers.GetValueOrDefault(message.SubjectId);
            var notice = message.Write(dossier, today);
            var body = NoticeText.Cut(notice.Body, 2000);
            db.ProcessedMessages.Add(new ProcessedMessage(Name, message.MessageId, now));
            foreach (var user in people[message.Unit].Where(u => message.Roles.Any(role => Concerns(u, role, message.Agency))))
            {
                var row = new Notification(Guid.NewGuid(), message.MessageId, user.Id, notice.Title, body, message.SubjectType, message.SubjectId,
                    message.InstanceId, notice.DueAt, now, notice.TaskId, dossier?.Code, dossier?.Title, dossier?.Amount);
                db.Notifications.Add(row);
                if (mail.Enabled && MailOptions.IsAddress(user.Email))
                    db.OutgoingMail.Add(new OutgoingMail(Guid.NewGuid(), row.Id, user.Email!, NoticeText.MailSubject(row),
                        NoticeText.MailBody(row, user.DisplayName, notice.Deadline, mail.LinkTo(Dossiers.PagePath(message.SubjectType, message.SubjectId))), now));
            }
        }
        return toApply.Count;
    }
}
