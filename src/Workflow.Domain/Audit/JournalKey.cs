using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Audit;

/// <summary>
/// The secret that seals journal and ledger entries (HMAC-SHA256). It lives outside the database, so someone who can
/// only write the database cannot make an edited entry verify again. Named by an id derived from the secret (the
/// first 16 hex digits of its SHA-256), which every entry records so a rotation can find the key it was made with.
/// </summary>
public sealed class JournalKey
{
    public const int MinimumBytes = 32;

    /// <summary>A setting that starts with this is the secret in base64; anything else is the secret as UTF-8 text.</summary>
    public const string Base64Prefix = "base64:";

    private readonly byte[] _secret;

    private JournalKey(byte[] secret)
    {
        _secret = secret;
        Id = Convert.ToHexStringLower(SHA256.HashData(secret))[..16];
    }

    public string Id { get; }

    /// <summary>Reads a key as configured; <paramref name="problem"/> says why it cannot be used (empty, not base64, too short).</summary>
    public static JournalKey? TryParse(string? setting, out string? problem)
    {
        problem = null;
        var text = setting?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "is empty";
            return null;
        }
        byte[] secret;
        if (text.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            try
            {
                secret = Convert.FromBase64String(text[Base64Prefix.Length..]);
            }
            catch (FormatException)
            {
                problem = $"starts with '{Base64Prefix}' but the rest is not base64";
                return null;
            }
        }
        else
        {
            secret = Encoding.UTF8.GetBytes(text);
        }
        if (secret.Length < MinimumBytes)
        {
            problem = $"has {secret.Length} bytes; at least {MinimumBytes} are needed";
            return null;
        }
        return new JournalKey(secret);
    }

    public static JournalKey Parse(string setting) =>
        TryParse(setting, out var problem) ?? throw new ArgumentException($"The journal key {problem}.", nameof(setting));

    /// <summary>The HMAC-SHA256 of the UTF-8 text, in lowercase hex.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="mac"/> is this key's seal of <paramref name="text"/>, compared in constant time.</summary>
    public bool Verifies(string text, string? mac) =>
        mac is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(mac));
}
