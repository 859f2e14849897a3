using Microsoft.Extensions.Configuration;

namespace Workflow.Infrastructure.Files;

/// <summary>Where attached files are kept and how large one may be (section <c>Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>
    /// The folder of the files, each under its SHA-256. A relative path is taken from the working directory, like the
    /// SQLite database's <c>Data Source=data/workflow.db</c>, so by default the files sit beside the database in
    /// <c>data/attachments</c>. Several servers share one folder (a network share), as they share one database.
    /// </summary>
    public string Root { get; set; } = "data/attachments";

    /// <summary>The largest file accepted, in bytes (20 MB by default).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The largest upload request read: one file at the limit, with room for the form's other fields and its
    /// multipart framing. A larger request is refused (413) before its body is read.
    /// </summary>
    public long MaxRequestBytes => MaxBytes + 1024 * 1024;

    public string ResolveRoot() => Path.GetFullPath(Root);

    public static AttachmentOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<AttachmentOptions>() ?? new AttachmentOptions();
        if (string.IsNullOrWhiteSpace(options.Root))
            throw new InvalidOperationException($"{Section}:Root must name the folder attached files are kept in.");
        if (options.MaxBytes <= 0)
            throw new InvalidOperationException($"{Section}:MaxBytes must be a positive number of bytes (it is {options.MaxBytes}).");
        return options;
    }
}
