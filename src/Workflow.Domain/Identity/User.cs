namespace Workflow.Domain.Identity;

/// <summary>A person who signs in. Belongs to one agency in one administrative unit and holds one or more roles.</summary>
public sealed class User
{
    private User() { UserName = DisplayName = PasswordHash = AgencyCode = UnitCode = ""; }

    public User(Guid id, string userName, string displayName, string agencyCode, string unitCode, IEnumerable<string> roles)
    {
        var roleList = roles.Distinct().ToList();
        if (roleList.Count == 0 || roleList.Any(r => !Identity.Roles.IsKnown(r)))
            throw new ArgumentException("A user needs at least one known role.", nameof(roles));
        Id = id;
        UserName = userName.Trim().ToLowerInvariant();
        DisplayName = displayName;
        AgencyCode = agencyCode;
        UnitCode = unitCode;
        RoleNames = string.Join(',', roleList);
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; }
    public string DisplayName { get; private set; }
    public string PasswordHash { get; private set; } = "";
    public string AgencyCode { get; private set; }
    public string UnitCode { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>Comma-separated role names; a column rather than a join table because roles are few and fixed.</summary>
    public string RoleNames { get; private set; } = "";

    public IReadOnlyList<string> Roles => RoleNames.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public void SetPasswordHash(string hash) => PasswordHash = hash;
}
