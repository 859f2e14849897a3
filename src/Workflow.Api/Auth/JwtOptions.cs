namespace Workflow.Api.Auth;

public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    public string Issuer { get; set; } = "workflow";
    public string Audience { get; set; } = "workflow-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Shared by every server behind one address; required outside Development.</summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);
}
