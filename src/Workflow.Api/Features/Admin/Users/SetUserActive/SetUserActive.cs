using MediatR;
using Workflow.Domain.Administration;

namespace Workflow.Api.Features.Admin.Users.SetUserActive;

/// <summary>Disables or enables a user the caller manages; a disabled user's sessions end on their next request.</summary>
public sealed record SetUserActiveCommand(Guid Id, bool Active) : IRequest<AdminUserView>;

public sealed class SetUserActiveHandler(AdminUsers admin, AdminJournal journal) : IRequestHandler<SetUserActiveCommand, AdminUserView>
{
    public async Task<AdminUserView> Handle(SetUserActiveCommand request, CancellationToken cancellationToken)
    {
        var user = await admin.FindAsync(request.Id, cancellationToken);
        if (user.IsActive == request.Active) return AdminUserView.Of(user);
        await admin.EnsureAdministrationSurvivesAsync(user, request.Active, user.Roles, user.UnitCode, cancellationToken);

        var before = AdminUserView.Of(user);
        if (request.Active) user.Enable();
        else user.Disable();
        journal.Record(AdminObjectTypes.User, user.Id.ToString(), user.UnitCode, request.Active ? "enable" : "disable", before, AdminUserView.Of(user));
        await admin.SaveEndingSessionsAsync(user);
        return AdminUserView.Of(user);
    }
}
