using System.Security.Claims;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Common;

/// <summary>Who is calling: read from the token or the sign-in cookie.</summary>
public interface ICurrentUser
{
    Guid Id { get; }
    string UserName { get; }

    /// <summary>Full name and position, as the person is shown where they act.</summary>
    string DisplayName { get; }
    string AgencyCode { get; }
    string UnitCode { get; }
    IReadOnlyList<string> Roles { get; }

    /// <summary>What the session must do first (<see cref="Restrictions"/>), or null.</summary>
    string? Restriction { get; }
    bool IsIn(string role);
}

public static class CurrentUserScope
{
    /// <summary>
    /// An administrator of the national root (<c>VN</c>) sees every unit's plans and dossiers; a province's administrator
    /// sees, like the province's other officers, the province and the units below it.
    /// </summary>
    public static bool SeesEveryUnit(this ICurrentUser user) =>
        user.IsIn(Domain.Identity.Roles.Admin) && user.UnitCode == Domain.Catalog.AdminUnit.NationalCode;
}

public static class WorkflowClaims
{
    public const string Agency = "agency";
    public const string Unit = "unit";
    public const string DisplayName = "display_name";

    /// <summary>The user's security stamp when the session began; a session whose stamp is no longer the user's has ended.</summary>
    public const string Stamp = "stamp";

    /// <summary>A session that may only fix its account first: <see cref="Restrictions"/>.</summary>
    public const string Restriction = "restriction";
}

/// <summary>What a restricted session must do before anything else.</summary>
public static class Restrictions
{
    /// <summary>Signed in with a one-time password an administrator issued: choose a password first.</summary>
    public const string ChangePassword = "change-password";

    /// <summary>A role the user holds requires a second factor: set up the authenticator app first.</summary>
    public const string EnrolTwoFactor = "enrol-two-factor";
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user
        : throw new ForbiddenException("Cần đăng nhập.");

    public Guid Id => Guid.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
    public string UserName => Principal.FindFirstValue(ClaimTypes.Name)!;
    public string DisplayName => Principal.FindFirstValue(WorkflowClaims.DisplayName) ?? UserName;
    public string? Restriction => Principal.FindFirstValue(WorkflowClaims.Restriction);
    public string AgencyCode => Principal.FindFirstValue(WorkflowClaims.Agency)!;
    public string UnitCode => Principal.FindFirstValue(WorkflowClaims.Unit)!;
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
    public bool IsIn(string role) => Principal.IsInRole(role);

    public static IEnumerable<Claim> ClaimsOf(User user, string? restriction) =>
        new[]
        {
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName!),
            new Claim(WorkflowClaims.DisplayName, user.Signature),
            new Claim(WorkflowClaims.Agency, user.AgencyCode),
            new Claim(WorkflowClaims.Unit, user.UnitCode),
            new Claim(WorkflowClaims.Stamp, user.SecurityStamp ?? ""),
        }
        .Concat(restriction is null ? [] : [new Claim(WorkflowClaims.Restriction, restriction)])
        // a restricted session acts in no role until the account is put right
        .Concat(restriction is not null ? [] : user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
}
