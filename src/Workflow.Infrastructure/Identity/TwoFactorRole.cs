namespace Workflow.Infrastructure.Identity;

/// <summary>A role whose holders must sign in with a second factor (an authenticator app); set by a national administrator.</summary>
public sealed class TwoFactorRole
{
    private TwoFactorRole() { }

    public TwoFactorRole(string role) => Role = role;

    public string Role { get; private set; } = "";
}
