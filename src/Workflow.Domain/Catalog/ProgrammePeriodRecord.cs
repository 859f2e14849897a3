namespace Workflow.Domain.Catalog;

/// <summary>
/// One version of a programme period's catalogue as first recorded (table <c>programme_periods</c>, key period and
/// version): the text, and the hash of its canonical JSON that pins the version's content — a file changed without
/// a version bump is refused, as for workflow definitions.
/// </summary>
public sealed class ProgrammePeriodRecord
{
    private ProgrammePeriodRecord() { PeriodId = LegalBasis = Content = ContentHash = Source = ""; }

    public ProgrammePeriodRecord(ProgrammePeriod period, string content, string contentHash, string source, string? registeredBy, DateTimeOffset registeredAt)
    {
        PeriodId = period.Id;
        Version = period.Version;
        FromYear = period.FromYear;
        ToYear = period.ToYear;
        LegalBasis = period.LegalBasis;
        Content = content;
        ContentHash = contentHash;
        Source = source;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
    }

    public const string FromFile = "file";
    public const string FromAdministrator = "admin";

    public string PeriodId { get; private set; }
    public int Version { get; private set; }
    public int FromYear { get; private set; }
    public int ToYear { get; private set; }
    public string LegalBasis { get; private set; }
    public string Content { get; private set; }
    public string ContentHash { get; private set; }
    /// <summary><see cref="FromFile"/> (the <c>catalogues/</c> folder at start-up) or <see cref="FromAdministrator"/>.</summary>
    public string Source { get; private set; }
    public string? RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
}
