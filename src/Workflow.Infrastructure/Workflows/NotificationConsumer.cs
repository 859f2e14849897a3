using MassTransit;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Messaging;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Turns workflow events into notices for the people who must act: one row per recipient. Each message is applied
/// once, however often it is delivered and on however many servers: its notices and its <see cref="ProcessedMessage"/>
/// row commit in one transaction, and the row's key lets only one delivery commit.
/// </summary>
public sealed class NotificationConsumer(WorkflowDbContext db, TimeProvider clock) :
    IConsumer<TaskOpened>, IConsumer<TaskEscalated>, IConsumer<NotificationRequested>
{
    /// <summary>This consumer's name in <c>processed_messages</c>.</summary>
    public const string Name = "notifications";

    public Task Consume(ConsumeContext<TaskOpened> context)
    {
        var m = context.Message;
        var due = m.DueAt is { } d ? $" Hạn xử lý: {d.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy}." : "";
        return NotifyAsync(context.MessageId, [m.Role], m.TargetUnitCode, m.TargetAgencyCode,
            m.Title, $"Hồ sơ ở trạng thái '{m.StateName}' đang chờ bạn xử lý.{due}", m.SubjectType, m.SubjectId, m.InstanceId, m.DueAt, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<TaskEscalated> context)
    {
        var m = context.Message;
        return NotifyAsync(context.MessageId, m.NotifyRoles, m.TargetUnitCode, null,
            $"Quá hạn: {m.Title}", $"Hồ sơ ở trạng thái '{m.StateName}' đã quá hạn xử lý ({m.DueAt.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy}).",
            m.SubjectType, m.SubjectId, m.InstanceId, m.DueAt, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<NotificationRequested> context)
    {
        var m = context.Message;
        return NotifyAsync(context.MessageId, m.Roles, m.UnitCode, m.AgencyCode, "Thông báo", m.Message,
            m.SubjectType, m.SubjectId, m.InstanceId, null, context.CancellationToken);
    }

    /// <summary>A lead-agency notice about one agency's subject goes to that agency's officers only.</summary>
    private static bool Concerns(Identity.User user, string role, string? agency) =>
        user.IsIn(role) && (role != Domain.Identity.Roles.LeadAgency || agency is null || user.AgencyCode == agency);

    private async Task NotifyAsync(Guid? messageId, IReadOnlyList<string> roles, string unit, string? agency, string title, string body,
        string subjectType, Guid subjectId, Guid instanceId, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var id = messageId ?? throw new InvalidOperationException("Workflow messages always carry their outbox id.");
        // applied before: nothing to do (the key below decides when two deliveries run at once)
        if (await db.ProcessedMessages.AnyAsync(p => p.Consumer == Name && p.MessageId == id, ct)) return;

        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().Where(u => u.UnitCode == unit && u.IsActive).ToListAsync(ct);
        db.ProcessedMessages.Add(new ProcessedMessage(Name, id, now));
        foreach (var user in users.Where(u => roles.Any(role => Concerns(u, role, agency))))
            db.Notifications.Add(new Notification(Guid.NewGuid(), id, user.Id, title, body, subjectType, subjectId, instanceId, dueAt, now));
        try
        {
            // one transaction: the processed row and every notice, or nothing
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // a concurrent delivery of the same message committed first: its notices are the ones kept
            db.ChangeTracker.Clear();
        }
    }
}
