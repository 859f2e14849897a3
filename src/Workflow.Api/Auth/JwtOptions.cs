using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Workflow.Api.Auth;

/// <summary>
/// Settings <c>Auth:Jwt</c>. The signing key comes from the environment (<c>Auth__Jwt__SigningKey</c>) or a key file
/// (<c>Auth:Jwt:SigningKeyFile</c>); during a rotation the key being retired stays in <c>PreviousSigningKey</c> (or
/// <c>PreviousSigningKeyFile</c>), so tokens it signed keep working until they expire while new ones carry the new key.
/// Each token names its key by a key id derived from the key (not the key itself).
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    public string Issuer { get; set; } = "workflow";
    public string Audience { get; set; } = "workflow-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes. Shared by every server behind one address; required outside Development.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>A file holding the signing key (its first line), instead of <see cref="SigningKey"/>.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The key being retired during a rotation: still accepted, never used to sign.</summary>
    public string? PreviousSigningKey { get; set; }

    public string? PreviousSigningKeyFile { get; set; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Reads the key files, where given, into the keys.</summary>
    public JwtOptions Resolved()
    {
        if (!string.IsNullOrWhiteSpace(SigningKeyFile)) SigningKey = FirstLine(SigningKeyFile);
        if (!string.IsNullOrWhiteSpace(PreviousSigningKeyFile)) PreviousSigningKey = FirstLine(PreviousSigningKeyFile);
        return this;
    }

    public SymmetricSecurityKey CurrentKey => KeyOf(SigningKey);

    /// <summary>The keys a token may be signed with: the current one and, during a rotation, the previous one.</summary>
    public IReadOnlyList<SecurityKey> AcceptedKeys =>
        string.IsNullOrEmpty(PreviousSigningKey) ? [CurrentKey] : [CurrentKey, KeyOf(PreviousSigningKey)];

    /// <summary>A key with its id: the first 16 hex digits of the SHA-256 of the key, which names it without revealing it.</summary>
    public static SymmetricSecurityKey KeyOf(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    private static string FirstLine(string path) =>
        File.ReadLines(path).FirstOrDefault()?.Trim() ?? throw new InvalidOperationException($"The key file {path} is empty.");
}
