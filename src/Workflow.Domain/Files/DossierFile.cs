namespace Workflow.Domain.Files;

/// <summary>
/// A file attached to a proposal, disbursement or settlement: the dossier it belongs to, the name and type it was
/// uploaded with, and the SHA-256 of its content, which is where the content is kept (<c>Attachments:Root</c>). The
/// same content attached to two dossiers, or under two names, is one stored file with two of these.
/// </summary>
public sealed class DossierFile
{
    /// <summary>The journal's action for attaching a file (a change by a person, not a transition).</summary>
    public const string AttachAction = "attach-file";

    /// <summary>
    /// The key under which a transition's journal data lists the SHA-256 of every file its dossier had when it fired:
    /// what the decision relied on. Set by the runtime; an action's own data may not use it.
    /// </summary>
    public const string JournalKey = "attachments";

    private DossierFile() { SubjectType = Sha256 = FileName = ContentType = AttachedBy = ""; }

    public DossierFile(Guid id, string subjectType, Guid subjectId, string sha256, string fileName, string contentType, long size,
        string attachedBy, DateTimeOffset attachedAt, bool personalData = false)
    {
        PersonalData = personalData;
        Id = id;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Sha256 = sha256;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        AttachedBy = attachedBy;
        AttachedAt = attachedAt;
    }

    public Guid Id { get; private set; }

    /// <summary><c>Proposal</c>, <c>Disbursement</c> or <c>Settlement</c> (the processes' subject types).</summary>
    public string SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }

    /// <summary>The content's SHA-256 in lowercase hex: its address in the store.</summary>
    public string Sha256 { get; private set; }
    public string FileName { get; private set; }

    /// <summary>The media type the file kind decides (<see cref="FileKinds"/>), not what the browser claimed.</summary>
    public string ContentType { get; private set; }
    public long Size { get; private set; }
    public string AttachedBy { get; private set; }
    public DateTimeOffset AttachedAt { get; private set; }

    /// <summary>
    /// Marked on upload as holding personal data (a beneficiary list, household data): only those who work on the
    /// dossier open it, each opening is logged (<see cref="PersonalDataAccess"/>), and its content is removed once the
    /// province's retention period has run (docs/personal-data.md).
    /// </summary>
    public bool PersonalData { get; private set; }

    /// <summary>When the content was removed under the retention policy; the row stays as a tombstone so the hash the journal recorded still names a file.</summary>
    public DateTimeOffset? ContentRemovedAt { get; private set; }
    public string? ContentRemovedBy { get; private set; }
    public string? ContentRemovalReason { get; private set; }

    public bool ContentRemoved => ContentRemovedAt is not null;

    public void MarkPersonalData() => PersonalData = true;

    /// <summary>Turns the attachment into a tombstone: name, type, size and hash stay; the content is gone.</summary>
    public void MarkContentRemoved(string by, string reason, DateTimeOffset at)
    {
        if (ContentRemovedAt is not null) return;
        ContentRemovedAt = at;
        ContentRemovedBy = by;
        ContentRemovalReason = reason;
    }
}
