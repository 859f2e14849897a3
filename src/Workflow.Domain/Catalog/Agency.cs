using Workflow.Domain.Common;

namespace Workflow.Domain.Catalog;

public enum AgencyKind
{
    /// <summary>Cơ quan chủ trì: proposes and implements a component.</summary>
    LeadAgency,
    /// <summary>Phòng Tài chính - Kế hoạch (Sở Tài chính after 2025).</summary>
    FinanceOffice,
    /// <summary>UBND: its chairman or a delegate signs approvals.</summary>
    PeoplesCommittee,
    /// <summary>Cơ quan thường trực Ban Chỉ đạo: monitors and reports; may also lead components.</summary>
    StandingOffice,
    /// <summary>Kho bạc Nhà nước.</summary>
    Treasury,
    /// <summary>Cơ quan quản trị hệ thống: the agency the administrators of a unit belong to (the national one at <c>VN</c>).</summary>
    Administration,
}

public sealed class Agency
{
    private Agency() { Code = Name = UnitCode = ""; }

    public Agency(string code, string name, AgencyKind kind, string unitCode)
    {
        Code = code;
        Name = name.Trim();
        Kind = kind;
        UnitCode = unitCode;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public AgencyKind Kind { get; private set; }
    public string UnitCode { get; private set; }

    /// <summary>Mã ĐVQHNS: the agency's budget-relationship code (7 digits), as payment orders carry it.</summary>
    public string? BudgetRelationshipCode { get; private set; }

    /// <summary>Its account at the treasury (tài khoản dự toán), e.g. 9523.3.1234567.</summary>
    public string? TreasuryAccount { get; private set; }

    /// <summary>The treasury office that holds the account ("Tại KBNN").</summary>
    public string? TreasuryName { get; private set; }

    /// <summary>Mã KBNN of that office (4 digits).</summary>
    public string? TreasuryCode { get; private set; }

    /// <summary>Mã chương: the budget chapter its spending is classified under (3 digits).</summary>
    public string? BudgetChapter { get; private set; }

    public AgencyBudgetIdentity BudgetIdentity => new(BudgetRelationshipCode, TreasuryAccount, TreasuryName, TreasuryCode, BudgetChapter);

    /// <summary>Records the codes the treasury knows the agency by; every broken shape at once, by JSON path.</summary>
    public void SetBudgetIdentity(AgencyBudgetIdentity identity)
    {
        var problems = AgencyBudgetIdentity.Check(identity);
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        var clean = identity.Cleaned();
        BudgetRelationshipCode = clean.RelationshipCode;
        TreasuryAccount = clean.TreasuryAccount;
        TreasuryName = clean.TreasuryName;
        TreasuryCode = clean.TreasuryCode;
        BudgetChapter = clean.Chapter;
    }

    /// <summary>A new agency of <paramref name="unitCode"/>; every broken invariant at once, by JSON path. Uniqueness of the code is the caller's to check.</summary>
    public static Agency Create(string? code, string? name, AgencyKind? kind, string unitCode)
    {
        var v = new List<Violation>();
        AdminUnit.CheckCode(code, "code", v);
        AdminUnit.CheckName(name, "name", v);
        CheckKind(kind, v);
        if (v.Count > 0) throw new ValidationFailedException(v);
        return new Agency(code!.Trim(), name!, kind!.Value, unitCode);
    }

    public void Rename(string? name)
    {
        var v = new List<Violation>();
        AdminUnit.CheckName(name, "name", v);
        if (v.Count > 0) throw new ValidationFailedException(v);
        Name = name!.Trim();
    }

    public void ChangeKind(AgencyKind? kind)
    {
        var v = new List<Violation>();
        CheckKind(kind, v);
        if (v.Count > 0) throw new ValidationFailedException(v);
        Kind = kind!.Value;
    }

    private static void CheckKind(AgencyKind? kind, List<Violation> v)
    {
        if (kind is null || !Enum.IsDefined(kind.Value))
            v.Add(new("kind", $"Chọn loại cơ quan: {string.Join(", ", Enum.GetNames<AgencyKind>())}."));
    }

    /// <summary>Lead agencies and the standing office may be named as the lead of a plan line.</summary>
    public bool CanLead => Kind is AgencyKind.LeadAgency or AgencyKind.StandingOffice;

    public bool IsNamed(string name) => string.Equals(Normalize(Name), Normalize(name), StringComparison.Ordinal);

    /// <summary>
    /// Plans spell one agency several ways: case, doubled or non-breaking spaces, en dashes for hyphens
    /// ("Lao động – Thương binh"), composed or decomposed diacritics. All of those name the same agency.
    /// </summary>
    public static string Normalize(string name)
    {
        var text = name.Normalize(System.Text.NormalizationForm.FormC);
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '\u2010' and <= '\u2015' or '\u2212' ? '-' : char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        var words = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return words.Replace(" -", "-").Replace("- ", "-");
    }

    public static string KindName(AgencyKind kind) => kind switch
    {
        AgencyKind.LeadAgency => "Cơ quan chủ trì",
        AgencyKind.FinanceOffice => "Phòng Tài chính - Kế hoạch",
        AgencyKind.PeoplesCommittee => "Ủy ban nhân dân",
        AgencyKind.StandingOffice => "Cơ quan thường trực Ban Chỉ đạo",
        AgencyKind.Administration => "Cơ quan quản trị hệ thống",
        _ => "Kho bạc Nhà nước",
    };
}
