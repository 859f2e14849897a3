using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Notifications.ListNotifications;

/// <summary>The caller's notices: who must act next, on what, by when. Newest first.</summary>
/// <param name="Done">false: only notices still waiting (their task open, or a notice that only informs); true: only those whose task is done; null: all.</param>
public sealed record ListNotificationsQuery(int Take, bool? Done = null) : IRequest<IReadOnlyList<NotificationView>>;

/// <param name="SubjectCode">The dossier's number in its unit (<c>ĐX-2026-0001</c>).</param>
/// <param name="SubjectTitle">What the dossier is: the proposal's title.</param>
/// <param name="Amount">The money the dossier decides on, whole đồng.</param>
/// <param name="Link">The dossier's page in the web app, from the site's root (<c>/de-xuat/{id}</c>).</param>
/// <param name="TaskId">The task the notice asks for; null for a notice that only informs.</param>
/// <param name="Done">The task is done (by anyone): the notice no longer waits for the reader.</param>
/// <param name="DoneAt">When the task was done.</param>
public sealed record NotificationView(Guid Id, string Title, string Body, string SubjectType, Guid SubjectId, Guid InstanceId, string? SubjectCode,
    string? SubjectTitle, long? Amount, string Link, DateTimeOffset? DueAt, DateTimeOffset CreatedAt, Guid? TaskId, bool Done, DateTimeOffset? DoneAt);

public sealed class ListNotificationsHandler(WorkflowDbContext db, ICurrentUser user) : IRequestHandler<ListNotificationsQuery, IReadOnlyList<NotificationView>>
{
    public async Task<IReadOnlyList<NotificationView>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        // done is read from the task itself, so a notice written after its task closed (the consumer runs later) is done too
        var notices = from n in db.Notifications.AsNoTracking()
                      where n.UserId == userId
                      join t in db.Tasks on n.TaskId equals (Guid?)t.Id into tasks
                      from t in tasks.DefaultIfEmpty()
                      select new { n, ClosedAt = t == null ? null : t.ClosedAt };
        if (request.Done == false) notices = notices.Where(x => x.ClosedAt == null);
        if (request.Done == true) notices = notices.Where(x => x.ClosedAt != null);
        var rows = await notices.OrderByDescending(x => x.n.CreatedAt).Take(request.Take).ToListAsync(cancellationToken);
        return rows.Select(x => new NotificationView(x.n.Id, x.n.Title, x.n.Body, x.n.SubjectType, x.n.SubjectId, x.n.InstanceId, x.n.SubjectCode,
            x.n.SubjectTitle, x.n.Amount, Dossiers.PagePath(x.n.SubjectType, x.n.SubjectId), x.n.DueAt, x.n.CreatedAt, x.n.TaskId,
            x.ClosedAt is not null, x.ClosedAt)).ToList();
    }
}
