namespace Workflow.Api.Common;

/// <summary>
/// A signing key that appears in a settings file shipped with the program (appsettings.Development.json holds one for
/// the demo) is public: anyone can forge tokens with it. Outside Development the program refuses to start with one —
/// and so do <c>migrate</c> and <c>create-admin</c>.
/// </summary>
public static class CommittedSecrets
{
    public const string SigningKeySetting = "Auth:Jwt:SigningKey";

    public static bool IsCommitted(string signingKey, params string[] folders) =>
        folders.Distinct().Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "appsettings*.json"))
            .Select(file => new ConfigurationBuilder().AddJsonFile(file, optional: true).Build()[SigningKeySetting])
            .Any(committed => !string.IsNullOrEmpty(committed) && string.Equals(committed, signingKey, StringComparison.Ordinal));

    public static string Refusal =>
        $"{SigningKeySetting} is a key published in a settings file shipped with the program; outside Development set a secret key " +
        "of at least 32 characters in the environment variable Auth__Jwt__SigningKey (or a secret store) — tokens signed with a published key can be forged.";
}
