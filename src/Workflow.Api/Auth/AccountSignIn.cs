using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Auth;

/// <summary>
/// The one sign-in check behind the API token and the web page: an active user, not locked out, the right password,
/// and the authenticator code when the account has a second factor. ASP.NET Core Identity keeps the hash, the
/// failed-attempt count and the lockout end; five wrong passwords in a row lock the account for fifteen minutes
/// (<see cref="AccountOptions"/>), during which even the right password is refused.
/// </summary>
public sealed class AccountSignIn(UserManager<User> users, WorkflowDbContext db, TimeProvider clock)
{
    public async Task<User> SignInAsync(string userName, string password, string? twoFactorCode, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(User.NormalizeName(userName));
        // one answer for an unknown name, a disabled account and a wrong password, so names cannot be probed
        if (user is null || !user.IsActive) throw new AuthenticationFailedException();
        await ThrowIfLockedOutAsync(user);

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            await ThrowIfLockedOutAsync(user);
            throw new AuthenticationFailedException();
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(twoFactorCode)) throw new TwoFactorRequiredException(codeWasWrong: false);
            var code = twoFactorCode.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                await ThrowIfLockedOutAsync(user);
                throw new TwoFactorRequiredException(codeWasWrong: true);
            }
        }

        await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    /// <summary>Whether the roles the user holds require a second factor they have not set up yet.</summary>
    public async Task<bool> MustEnrolTwoFactorAsync(User user, CancellationToken ct)
    {
        if (user.TwoFactorEnabled) return false;
        var required = await db.TwoFactorRoles.Select(r => r.Role).ToListAsync(ct);
        return user.Roles.Any(required.Contains);
    }

    private async Task ThrowIfLockedOutAsync(User user)
    {
        if (!await users.IsLockedOutAsync(user)) return;
        var end = await users.GetLockoutEndDateAsync(user);
        var left = end is { } until ? until - clock.GetUtcNow() : TimeSpan.Zero;
        throw new LockedOutException(Math.Max(1, (int)Math.Ceiling(left.TotalMinutes)));
    }
}
