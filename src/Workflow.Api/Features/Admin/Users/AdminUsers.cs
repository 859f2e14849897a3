using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.Users;

/// <summary>A user as administrators see them (never a password or a hash).</summary>
public sealed record AdminUserView(
    Guid Id, string UserName, string DisplayName, string Position, string AgencyCode, string UnitCode, IReadOnlyList<string> Roles,
    bool IsActive, bool MustChangePassword, bool TwoFactorEnabled, DateTimeOffset? LockedUntil, string? Email, bool IsHead = false)
{
    public static AdminUserView Of(User u) => new(u.Id, u.UserName!, u.DisplayName, u.Position, u.AgencyCode, u.UnitCode, u.Roles,
        u.IsActive, u.MustChangePassword, u.TwoFactorEnabled, u.LockoutEnd, u.Email, u.IsHead);
}

/// <summary>A user created or given a new password: the one-time password is shown once, to hand to the person.</summary>
public sealed record UserWithPassword(AdminUserView User, string OneTimePassword);

/// <summary>What the user administration use cases share: finding a user in scope, the checks on people and agencies, one-time passwords.</summary>
public sealed class AdminUsers(WorkflowDbContext db, UserManager<User> users, AdminScope scope, ICurrentUser caller, SessionValidator sessions)
{
    public const int MinUserNameLength = 3;

    /// <summary>A user of a unit the caller manages, tracked; 404 when unknown or outside the scope.</summary>
    public async Task<User> FindAsync(Guid id, CancellationToken ct)
    {
        var message = $"Không tìm thấy người dùng {id}.";
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException(message);
        await scope.EnsureManagesAsync(user.UnitCode, message, ct);
        return user;
    }

    /// <summary>An agency the caller manages, named in a request body: 400 at the field when unknown or outside the scope.</summary>
    public async Task<Agency> AgencyAsync(string? code, CancellationToken ct)
    {
        var agency = string.IsNullOrWhiteSpace(code) ? null : await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);
        if (agency is null || !await scope.ManagesAsync(agency.UnitCode, ct))
            throw new ValidationFailedException("agencyCode", $"Không có cơ quan {code} trong phạm vi quản lý của bạn.");
        return agency;
    }

    public static IEnumerable<Violation> CheckPerson(string? displayName, string? position, IReadOnlyList<string>? roles)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 256 || displayName.Any(char.IsControl))
            yield return new("displayName", "Nhập họ và tên (tối đa 256 ký tự, không có ký tự điều khiển).");
        if (position is not null && (position.Trim().Length > 256 || position.Any(char.IsControl)))
            yield return new("position", "Chức vụ tối đa 256 ký tự, không có ký tự điều khiển.");
        if (roles is null || roles.Count == 0)
            yield return new("roles", $"Chọn ít nhất một vai trò: {string.Join(", ", Roles.All)}.");
        else
            for (var i = 0; i < roles.Count; i++)
                if (roles[i] is null || !Roles.IsKnown(roles[i]))
                    yield return new($"roles[{i}]", $"Vai trò '{roles[i]}' không có; chọn trong {string.Join(", ", Roles.All)}.");
    }

    /// <summary>The address notices are e-mailed to: optional, one plain address (<c>ten@co-quan.gov.vn</c>).</summary>
    public static IEnumerable<Violation> CheckEmail(string? email)
    {
        if (!string.IsNullOrWhiteSpace(email) && !Infrastructure.Mail.MailOptions.IsAddress(email.Trim()))
            yield return new("email", $"Địa chỉ thư điện tử '{email}' không hợp lệ: nhập một địa chỉ dạng ten@co-quan.gov.vn (tối đa 256 ký tự), hoặc để trống.");
    }

    /// <summary>
    /// Nobody removes the last active national administrator, and nobody locks themselves out of administration:
    /// the caller can neither disable themselves nor take the Admin role off themselves.
    /// </summary>
    public async Task EnsureAdministrationSurvivesAsync(User target, bool staysActive, IReadOnlyList<string> rolesAfter, string unitAfter, CancellationToken ct)
    {
        var keepsAdministering = staysActive && rolesAfter.Contains(Roles.Admin);
        if (target.Id == caller.Id && !keepsAdministering)
            throw new ConflictException("Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình; nhờ một quản trị viên khác.", "user.selfLockout");
        var wasNational = target.IsActive && target.IsIn(Roles.Admin) && target.UnitCode == AdminUnit.NationalCode;
        if (!wasNational || keepsAdministering && unitAfter == AdminUnit.NationalCode) return;
        var others = await db.Users.CountAsync(u => u.Id != target.Id && u.IsActive && u.UnitCode == AdminUnit.NationalCode && u.RoleNames.Contains(Roles.Admin), ct);
        if (others == 0)
            throw new ConflictException("Đây là quản trị viên quốc gia cuối cùng đang hoạt động; hãy tạo một quản trị viên quốc gia khác trước.", "user.lastNationalAdmin");
    }

    /// <summary>Saves a change to who the user is or what they may do: a new security stamp ends their sessions on their next request.</summary>
    public async Task SaveEndingSessionsAsync(User user)
    {
        var result = await users.UpdateSecurityStampAsync(user); // saves the user and whatever else the request changed (the journal entry)
        if (!result.Succeeded) throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)), "user.update");
        sessions.Forget(user.Id);
    }

    /// <summary>Saves a change that leaves the person's sessions as they are (their e-mail address).</summary>
    public async Task SaveAsync(User user)
    {
        var result = await users.UpdateAsync(user); // saves the user and the journal entry together
        if (!result.Succeeded) throw new ConflictException(string.Join(" ", result.Errors.Select(e => e.Description)), "user.update");
    }

    public void ForgetSessions(Guid userId) => sessions.Forget(userId);

    /// <summary>A one-time password: 16 characters from an alphabet without look-alikes, from a cryptographic generator.</summary>
    public static string OneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        return string.Create(16, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });
    }
}
