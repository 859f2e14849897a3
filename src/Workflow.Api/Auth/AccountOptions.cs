namespace Workflow.Api.Auth;

/// <summary>Settings <c>Auth:Lockout</c>, <c>Auth:RateLimit</c> and <c>Auth:SessionCheck</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Auth";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int LockoutMaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts (token or page) one client address may make per minute; generous enough that a person never meets it.</summary>
    public int SignInPermitsPerMinute { get; set; } = 60;

    /// <summary>How long a server may trust what it last read of a user's stamp and status before reading it again.</summary>
    public TimeSpan SessionCheckCacheFor { get; set; } = TimeSpan.FromMinutes(1);
}
