namespace Workflow.Api.Common;

/// <summary>
/// A key that appears in a settings file shipped with the program (appsettings.Development.json holds a signing key and
/// a journal key for the demo) is public: anyone can forge tokens or re-seal the journal with it. Outside Development
/// the program refuses to start with one — and so do <c>migrate</c>, <c>create-admin</c> and <c>journal</c>.
/// </summary>
public static class CommittedSecrets
{
    public const string SigningKeySetting = "Auth:Jwt:SigningKey";
    public const string JournalKeySetting = Workflow.Infrastructure.Audit.JournalKeyOptions.KeySetting;

    /// <summary>Whether <paramref name="value"/> is what a shipped settings file gives <paramref name="setting"/>.</summary>
    public static bool IsCommitted(string setting, string? value, params string[] folders) =>
        !string.IsNullOrEmpty(value) && folders.Distinct().Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "appsettings*.json"))
            .Select(file => new ConfigurationBuilder().AddJsonFile(file, optional: true).Build()[setting])
            .Any(committed => !string.IsNullOrEmpty(committed) && string.Equals(committed.Trim(), value.Trim(), StringComparison.Ordinal));

    public static string Refusal =>
        $"{SigningKeySetting} is a key published in a settings file shipped with the program; outside Development set a secret key " +
        "of at least 32 characters in the environment variable Auth__Jwt__SigningKey (or a secret store) — tokens signed with a published key can be forged.";

    public static string JournalKeyRefusal =>
        $"{JournalKeySetting} is a key published in a settings file shipped with the program; outside Development set a secret key " +
        $"of at least 32 bytes in the environment variable {Workflow.Infrastructure.Audit.JournalKeyOptions.KeyVariable} (or a key file named by Audit:JournalKeyFile) " +
        "and keep it outside the database — journal and ledger entries sealed with a published key can be rewritten by anyone who can write the database.";
}
