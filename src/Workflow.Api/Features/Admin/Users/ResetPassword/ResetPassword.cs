using MediatR;
using Microsoft.AspNetCore.Identity;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Features.Admin.Users.ResetPassword;

/// <summary>
/// A new one-time password for a user the caller manages (who forgot theirs, or is locked out): the lockout is lifted,
/// their sessions end, and they must choose their own password at the next sign-in. The journal records the reset, never the password.
/// </summary>
public sealed record ResetPasswordCommand(Guid Id) : IRequest<UserWithPassword>;

public sealed class ResetPasswordHandler(UserManager<User> users, AdminUsers admin, AdminJournal journal) : IRequestHandler<ResetPasswordCommand, UserWithPassword>
{
    public async Task<UserWithPassword> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await admin.FindAsync(request.Id, cancellationToken);
        var before = AdminUserView.Of(user);
        var password = AdminUsers.OneTimePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.RequirePasswordChange(true);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        journal.Record(AdminObjectTypes.User, user.Id.ToString(), user.UnitCode, "reset-password", before, AdminUserView.Of(user));
        var result = await users.ResetPasswordAsync(user, token, password); // new hash and stamp, saved with the journal entry
        if (!result.Succeeded) throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)), "user.resetPassword");
        admin.ForgetSessions(user.Id);
        return new UserWithPassword(AdminUserView.Of(user), password);
    }
}
