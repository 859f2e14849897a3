using MediatR;
using Workflow.Api.Features.Notifications.ListNotifications;
using Workflow.Api.Features.Tasks.ListInbox;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Pages;

public sealed class InboxModel(IMediator mediator) : AppPageModel(mediator)
{
    public InboxPage Inbox { get; private set; } = new([], 1, 100, 0);
    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Inbox = await Mediator.Send(new ListInboxQuery(null, null, 1, 100), ct);
        Notifications = await Mediator.Send(new ListNotificationsQuery(10, Done: false), ct);
    }

    public string LinkTo(string subjectType, Guid id) => subjectType switch
    {
        ProposalProcess.SubjectType => $"/de-xuat/{id}",
        DisbursementProcess.SubjectType => $"/giai-ngan/{id}",
        SettlementProcess.SubjectType => $"/quyet-toan/{id}",
        _ => "/",
    };

    public string SubjectLabel(string subjectType) => subjectType switch
    {
        ProposalProcess.SubjectType => "Đề xuất",
        DisbursementProcess.SubjectType => "Giải ngân",
        SettlementProcess.SubjectType => "Quyết toán",
        _ => subjectType,
    };
}
