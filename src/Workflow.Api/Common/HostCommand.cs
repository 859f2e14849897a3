namespace Workflow.Api.Common;

/// <summary>
/// The program's own verbs and switches, taken off the arguments before the host sees them:
/// <c>migrate</c> (apply migrations and exit), <c>validate-workflows [folder]</c> (check the definitions and exit),
/// <c>create-admin userName</c> (the first national administrator; <see cref="CreateAdminCommand"/>),
/// <c>journal checkpoint</c> and <c>journal verify [--checkpoint file]</c> (<see cref="JournalCommand"/>),
/// <c>backup file</c> (SQLite's online backup; <see cref="BackupCommand"/>),
/// <c>verify-attachments</c> (re-hash every attached file; <see cref="VerifyAttachmentsCommand"/>),
/// <c>purge-personal-data [dry-run]</c> (remove personal-data files past retention; <see cref="PurgePersonalDataCommand"/>)
/// and <c>--seed-demo</c> (demo organisation outside Development).
/// </summary>
public sealed record HostCommand(string? Name, string? Argument, bool SeedDemo, string[] HostArgs)
{
    public const string Migrate = "migrate";
    public const string ValidateWorkflows = "validate-workflows";
    public const string CreateAdmin = "create-admin";
    public const string Journal = "journal";
    public const string Backup = "backup";
    public const string VerifyAttachments = "verify-attachments";
    public const string PurgePersonalData = "purge-personal-data";

    private const string CheckpointOption = "--checkpoint";

    private static readonly string[] Verbs = [Migrate, ValidateWorkflows, CreateAdmin, Journal, Backup, VerifyAttachments, PurgePersonalData];

    /// <summary>The checkpoint file <c>journal verify</c> holds the journal against (<c>--checkpoint file</c>).</summary>
    public string? CheckpointFile { get; init; }

    public static HostCommand Parse(string[] args)
    {
        var index = Array.FindIndex(args, a => Verbs.Contains(a, StringComparer.Ordinal));
        var name = index >= 0 ? args[index] : null;
        var argument = index >= 0 && index + 1 < args.Length && !args[index + 1].StartsWith('-') ? args[index + 1] : null;
        var option = name == Journal ? Array.IndexOf(args, CheckpointOption) : -1;
        var file = option >= 0 && option + 1 < args.Length ? args[option + 1] : null;
        var rest = args.Where((a, i) => i != index && (argument is null || i != index + 1) && a != "--seed-demo"
            && (option < 0 || (i != option && i != option + 1))).ToArray();
        return new HostCommand(name, argument, args.Contains("--seed-demo", StringComparer.Ordinal), rest) { CheckpointFile = file };
    }
}
