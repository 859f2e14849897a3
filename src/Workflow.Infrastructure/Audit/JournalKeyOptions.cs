using Microsoft.Extensions.Configuration;
using Workflow.Domain.Audit;

namespace Workflow.Infrastructure.Audit;

/// <summary>
/// Settings <c>Audit</c>: the journal key that seals journal and ledger entries, from the environment
/// (<c>Audit__JournalKey</c>) or a key file (<c>Audit:JournalKeyFile</c>, its first line) — never from the database it
/// protects. During a rotation the retired keys stay in <c>PreviousJournalKeys</c> (or <c>PreviousJournalKeyFiles</c>),
/// so entries they sealed still verify while new entries get the new key. A key is text of at least 32 bytes, or
/// <c>base64:</c> and at least 32 bytes in base64.
/// </summary>
public sealed class JournalKeyOptions
{
    public const string Section = "Audit";
    public const string KeySetting = "Audit:JournalKey";
    public const string KeyVariable = "Audit__JournalKey";

    public string? JournalKey { get; set; }

    public string? JournalKeyFile { get; set; }

    public List<string> PreviousJournalKeys { get; set; } = [];

    public List<string> PreviousJournalKeyFiles { get; set; } = [];

    /// <summary>How often each server looks for a queued background verification.</summary>
    public TimeSpan VerificationPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a server holds a background verification before another may take it over (renewed as it progresses).</summary>
    public TimeSpan VerificationClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    public static JournalKeyOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<JournalKeyOptions>() ?? new JournalKeyOptions();

    /// <summary>The current key's value as configured (from its file when one is named); null when there is none.</summary>
    public string? CurrentKeyText() => !string.IsNullOrWhiteSpace(JournalKeyFile) ? FirstLine(JournalKeyFile) : JournalKey;

    /// <summary>The values of the retired keys, from the settings and the files.</summary>
    public IEnumerable<string> PreviousKeyTexts() =>
        PreviousJournalKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Concat(PreviousJournalKeyFiles.Where(f => !string.IsNullOrWhiteSpace(f)).Select(FirstLine));

    /// <summary>Why the keys cannot be used, naming the setting; null when they can.</summary>
    public string? Problem()
    {
        string? current;
        try
        {
            current = CurrentKeyText();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Section}:JournalKeyFile cannot be read: {e.Message}";
        }
        if (string.IsNullOrWhiteSpace(current))
            return $"{KeySetting} must be set: a secret of at least {Domain.Audit.JournalKey.MinimumBytes} bytes (environment variable {KeyVariable}, " +
                   $"or a key file named by {Section}:JournalKeyFile). It seals the journal and the ledger, and must be kept outside the database.";
        if (Domain.Audit.JournalKey.TryParse(current, out var problem) is null)
            return $"{KeySetting} {problem} (text of at least {Domain.Audit.JournalKey.MinimumBytes} bytes, or '{Domain.Audit.JournalKey.Base64Prefix}' and base64).";
        try
        {
            foreach (var (text, index) in PreviousKeyTexts().Select((t, i) => (t, i)))
                if (Domain.Audit.JournalKey.TryParse(text, out problem) is null)
                    return $"{Section}:PreviousJournalKeys (key {index + 1}) {problem}.";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{Section}:PreviousJournalKeyFiles cannot be read: {e.Message}";
        }
        return null;
    }

    public JournalKeyRing KeyRing()
    {
        if (Problem() is { } problem) throw new InvalidOperationException(problem);
        return new JournalKeyRing(Domain.Audit.JournalKey.Parse(CurrentKeyText()!), PreviousKeyTexts().Select(Domain.Audit.JournalKey.Parse));
    }

    private static string FirstLine(string path) => File.ReadLines(path).FirstOrDefault()?.Trim() ?? "";
}
