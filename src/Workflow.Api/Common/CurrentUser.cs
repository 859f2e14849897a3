using System.Security.Claims;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;

namespace Workflow.Api.Common;

/// <summary>Who is calling: read from the token or the sign-in cookie.</summary>
public interface ICurrentUser
{
    Guid Id { get; }
    string UserName { get; }
    string AgencyCode { get; }
    string UnitCode { get; }
    IReadOnlyList<string> Roles { get; }
    bool IsIn(string role);
}

public static class WorkflowClaims
{
    public const string Agency = "agency";
    public const string Unit = "unit";
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user
        : throw new ForbiddenException("Cần đăng nhập.");

    public Guid Id => Guid.Parse(Principal.FindFirstValue(ClaimTypes.NameIdentifier)!);
    public string UserName => Principal.FindFirstValue(ClaimTypes.Name)!;
    public string AgencyCode => Principal.FindFirstValue(WorkflowClaims.Agency)!;
    public string UnitCode => Principal.FindFirstValue(WorkflowClaims.Unit)!;
    public IReadOnlyList<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
    public bool IsIn(string role) => Principal.IsInRole(role);

    public static IEnumerable<Claim> ClaimsOf(User user) =>
        new[]
        {
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim("display_name", user.DisplayName),
            new Claim(WorkflowClaims.Agency, user.AgencyCode),
            new Claim(WorkflowClaims.Unit, user.UnitCode),
        }.Concat(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
}
