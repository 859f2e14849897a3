using Workflow.Domain.Common;

namespace Workflow.Domain.Monitoring.Indicators;

/// <summary>
/// Households a sub-project supported that the next annual review (rà soát) found out of poverty — the outcome the
/// programme is judged by, which only the review can tell (seed 000: 15 of 28 near-poor workers of a DA2 model).
/// </summary>
public sealed class EscapedAfterSupport
{
    private EscapedAfterSupport() { }

    public Guid ProposalId { get; private set; }

    /// <summary>The year-end review that found them out of poverty: the proposal's fiscal year or later.</summary>
    public int ReviewYear { get; private set; }

    /// <summary>The proposal's unit, fiscal year and component, kept so totals need not join the proposal.</summary>
    public string UnitCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public string Component { get; private set; } = "";
    public int Households { get; private set; }

    /// <summary>The supported households the count is of.</summary>
    public int Of { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static EscapedAfterSupport Record(Guid proposalId, string unitCode, int fiscalYear, string component, int reviewYear, int? households, int? of,
        string recordedBy, DateTimeOffset at)
    {
        var entry = new EscapedAfterSupport { ProposalId = proposalId, UnitCode = unitCode, FiscalYear = fiscalYear, Component = component, ReviewYear = reviewYear };
        entry.Correct(households, of, recordedBy, at);
        return entry;
    }

    public void Correct(int? households, int? of, string recordedBy, DateTimeOffset at)
    {
        var problems = Check(FiscalYear, ReviewYear, households, of).ToList();
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        Households = households!.Value;
        Of = of!.Value;
        RecordedBy = recordedBy;
        RecordedAt = at;
    }

    public static IEnumerable<Violation> Check(int fiscalYear, int reviewYear, int? households, int? of)
    {
        if (reviewYear < fiscalYear)
            yield return new("reviewYear", $"Năm rà soát {reviewYear} trước năm kế hoạch {fiscalYear} của đề xuất: hộ thoát nghèo sau hỗ trợ đo ở kỳ rà soát từ năm {fiscalYear}.");
        else if (reviewYear > fiscalYear + 5)
            yield return new("reviewYear", $"Năm rà soát {reviewYear} quá 5 năm sau năm kế hoạch {fiscalYear}.");
        if (of is null) yield return new("of", "Nhập số hộ được hỗ trợ (of).");
        else if (of < 0) yield return new("of", $"Số hộ được hỗ trợ {of} âm.");
        if (households is null) yield return new("households", "Nhập số hộ thoát nghèo sau hỗ trợ.");
        else if (households < 0) yield return new("households", $"Số hộ thoát nghèo {households} âm.");
        else if (of is >= 0 && households > of) yield return new("households", $"Số hộ thoát nghèo {households} nhiều hơn số hộ được hỗ trợ {of}.");
    }
}

/// <summary>
/// Money a plan counts on that does not pass through this system (TT 10/2022 Biểu 02's other sources): integrated
/// programmes (vốn lồng ghép), policy credit (vốn tín dụng chính sách) and people's contributions (huy động, đóng góp),
/// declared per unit, fiscal year and component. Whole đồng.
/// </summary>
public sealed class DeclaredFunds
{
    private DeclaredFunds() { }

    public string UnitCode { get; private set; } = "";
    public int Year { get; private set; }
    public string Component { get; private set; } = "";
    public long Integrated { get; private set; }
    public long Credit { get; private set; }
    public long Contribution { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public long Total => checked(Integrated + Credit + Contribution);

    public static DeclaredFunds Declare(string unitCode, int year, string component, long? integrated, long? credit, long? contribution, string recordedBy, DateTimeOffset at)
    {
        var funds = new DeclaredFunds { UnitCode = unitCode, Year = year, Component = component };
        funds.Correct(integrated, credit, contribution, recordedBy, at);
        return funds;
    }

    public void Correct(long? integrated, long? credit, long? contribution, string recordedBy, DateTimeOffset at)
    {
        var problems = new List<Violation>();
        foreach (var (value, field, name) in new[] { (integrated, "integrated", "vốn lồng ghép"), (credit, "credit", "vốn tín dụng chính sách"), (contribution, "contribution", "vốn huy động, đóng góp") })
            if (value is < 0 or > Money.Vnd.MaxAmount)
                problems.Add(new(field, $"Số {name} {value} đồng phải từ 0 đến {Money.Vnd.Format(Money.Vnd.MaxAmount)}."));
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        Integrated = integrated ?? 0;
        Credit = credit ?? 0;
        Contribution = contribution ?? 0;
        RecordedBy = recordedBy;
        RecordedAt = at;
    }
}
