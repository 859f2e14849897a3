namespace Workflow.Domain.Files;

/// <summary>
/// One attempt to open a file marked as personal data: who, when, which file of which dossier, through which route,
/// and whether it was served or refused. Written in the same request, before the content is sent; read by the
/// administrator and the Monitor (<c>GET /api/audit/personal-data-access</c>). Never edited.
/// </summary>
public sealed class PersonalDataAccess
{
    public const string Served = "served";
    public const string Refused = "refused";
    public const string Gone = "gone";

    private PersonalDataAccess() { UserName = Roles = Sha256 = FileName = SubjectType = Route = Outcome = ""; }

    public PersonalDataAccess(Guid id, DateTimeOffset at, string userName, string roles, string unitCode, string sha256, string fileName,
        string subjectType, Guid subjectId, string route, string outcome)
    {
        Id = id;
        At = at;
        UserName = userName;
        Roles = roles;
        UnitCode = unitCode;
        Sha256 = sha256;
        FileName = fileName;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Route = route;
        Outcome = outcome;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserName { get; private set; }
    /// <summary>The roles the user held then, comma-separated: the need to know is judged by them.</summary>
    public string Roles { get; private set; }
    /// <summary>The dossier's unit: the administrators and monitors above it read the entry.</summary>
    public string UnitCode { get; private set; } = "";
    public string Sha256 { get; private set; }
    public string FileName { get; private set; }
    public string SubjectType { get; private set; }
    public Guid SubjectId { get; private set; }
    /// <summary>The purpose as the route says it: the API download or the dossier page's link.</summary>
    public string Route { get; private set; }
    /// <summary><see cref="Served"/>, <see cref="Refused"/> (no need to know) or <see cref="Gone"/> (removed under the retention policy).</summary>
    public string Outcome { get; private set; }
}
