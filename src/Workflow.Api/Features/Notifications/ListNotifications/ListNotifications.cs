using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Notifications.ListNotifications;

/// <summary>The caller's notices: who must act next, on what, by when. Newest first.</summary>
public sealed record ListNotificationsQuery(int Take) : IRequest<IReadOnlyList<NotificationView>>;

public sealed record NotificationView(Guid Id, string Title, string Body, string SubjectType, Guid SubjectId, Guid InstanceId, DateTimeOffset? DueAt, DateTimeOffset CreatedAt);

public sealed class ListNotificationsHandler(WorkflowDbContext db, ICurrentUser user) : IRequestHandler<ListNotificationsQuery, IReadOnlyList<NotificationView>>
{
    public async Task<IReadOnlyList<NotificationView>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(request.Take)
            .Select(n => new NotificationView(n.Id, n.Title, n.Body, n.SubjectType, n.SubjectId, n.InstanceId, n.DueAt, n.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}
