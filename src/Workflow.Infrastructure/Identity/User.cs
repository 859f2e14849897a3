using Microsoft.AspNetCore.Identity;
using Workflow.Domain.Identity;

namespace Workflow.Infrastructure.Identity;

/// <summary>
/// A person who signs in: an ASP.NET Core Identity user (password hash, security stamp, lockout, authenticator key)
/// who belongs to one agency in one administrative unit and holds one or more roles. The roles are a column rather
/// than Identity's role tables because they are few and fixed (<see cref="Roles"/>).
/// </summary>
public sealed class User : IdentityUser<Guid>
{
    private User() { }

    public User(Guid id, string userName, string displayName, string position, string agencyCode, string unitCode, IEnumerable<string> roles)
    {
        Id = id;
        UserName = NormalizeName(userName);
        // as Identity's UpperInvariantLookupNormalizer would: the store finds users by this column
        NormalizedUserName = UserName.Normalize().ToUpperInvariant();
        DisplayName = displayName.Trim();
        Position = position.Trim();
        AgencyCode = agencyCode;
        UnitCode = unitCode;
        SecurityStamp = Guid.NewGuid().ToString("N");
        LockoutEnabled = true;
        SetRoles(roles);
    }

    /// <summary>Full name, shown wherever the person acts.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Position (chức vụ), shown beside the name.</summary>
    public string Position { get; private set; } = "";
    public string AgencyCode { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public bool IsActive { get; private set; } = true;

    /// <summary>
    /// Head of their agency (trưởng phòng, lãnh đạo cơ quan), as the administrator marks them: may take over a task a
    /// colleague of the agency claimed. <see cref="Position"/> stays free text; this flag is what the rules read.
    /// </summary>
    public bool IsHead { get; private set; }

    /// <summary>Set for a one-time password an administrator issued: until the user picks their own, they can do nothing else.</summary>
    public bool MustChangePassword { get; private set; }

    public string RoleNames { get; private set; } = "";

    public IReadOnlyList<string> Roles => RoleNames.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>"Nguyễn Văn A (Phó Trưởng phòng)", or the name alone.</summary>
    public string Signature => string.IsNullOrEmpty(Position) ? DisplayName : $"{DisplayName} ({Position})";

    public static string NormalizeName(string userName) => userName.Trim().ToLowerInvariant();

    public void SetRoles(IEnumerable<string> roles)
    {
        var list = roles.Distinct().ToList();
        if (list.Count == 0 || list.Any(r => !Domain.Identity.Roles.IsKnown(r)))
            throw new ArgumentException("A user needs at least one known role.", nameof(roles));
        RoleNames = string.Join(',', list);
    }

    public void Describe(string displayName, string position)
    {
        DisplayName = displayName.Trim();
        Position = position.Trim();
    }

    public void MoveTo(string agencyCode, string unitCode)
    {
        AgencyCode = agencyCode;
        UnitCode = unitCode;
    }

    /// <summary>The address notices are e-mailed to (Identity's own column), kept by administrators; null or blank removes it.</summary>
    public void SetEmail(string? email)
    {
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        NormalizedEmail = Email?.ToUpperInvariant();
    }

    public void MarkHead(bool isHead) => IsHead = isHead;

    public void Disable() => IsActive = false;

    public void Enable() => IsActive = true;

    public void RequirePasswordChange(bool required) => MustChangePassword = required;
}
