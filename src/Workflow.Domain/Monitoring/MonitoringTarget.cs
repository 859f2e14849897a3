using Workflow.Domain.Common;

namespace Workflow.Domain.Monitoring;

/// <summary>How a target is stated in the plan that sets it.</summary>
public enum TargetKind
{
    /// <summary>Reduce by N households (giảm N hộ).</summary>
    ReduceCount,

    /// <summary>N households at the end of the year or period.</summary>
    EndCount,

    /// <summary>A rate at the end (tỷ lệ cuối năm dưới/còn x %).</summary>
    EndRate,

    /// <summary>Reduce the rate by x percentage points (giảm x điểm %).</summary>
    ReducePoints,

    /// <summary>Coverage of those in need (100 % có BHYT…).</summary>
    Coverage,

    /// <summary>Any other count to reach (3,000 jobs, 140 workers abroad).</summary>
    Absolute,
}

/// <summary>Who a target is for, when not everyone.</summary>
public static class TargetGroups
{
    public const string EthnicMinority = "ethnicMinority";
    public const string Kinh = "kinh";
    public const string Khmer = "khmer";

    public static readonly IReadOnlyList<string> All = [EthnicMinority, Kinh, Khmer];

    public static string Name(string? group) => group switch
    {
        null => "toàn bộ",
        EthnicMinority => "dân tộc thiểu số",
        Kinh => "dân tộc Kinh",
        Khmer => "đồng bào Khmer",
        _ => group,
    };
}

/// <summary>The subjects the poverty checks understand; other subjects (jobs, coverage…) are held and reported as given.</summary>
public static class TargetSubjects
{
    public const string PoorHouseholds = "poorHouseholds";
    public const string NearPoorHouseholds = "nearPoorHouseholds";
    public const string PoorRate = "poorRate";
    public const string NearPoorRate = "nearPoorRate";
}

/// <summary>
/// A target of a unit (or of one of its hamlets) for a year: a kind, a subject, a value, for a group where needed, with the
/// document that set it. Several targets may say the same thing in different ways ("giảm 10 hộ, 0,15 %"); when they
/// disagree that is a warning (<see cref="Checks.TargetsAgree"/>), never a refusal.
/// </summary>
public sealed class MonitoringTarget
{
    private MonitoringTarget() { UnitCode = UnitName = Subject = RecordedBy = ""; }

    private MonitoringTarget(Guid id, string unitCode, string unitName, string? subUnitCode, int year, TargetKind kind, string subject, decimal value,
        string? group, decimal? of, string? per, string? basis, string? text, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = id;
        Per = per;
        UnitCode = unitCode;
        UnitName = unitName;
        SubUnitCode = subUnitCode;
        Year = year;
        Kind = kind;
        Subject = subject;
        Value = value;
        Group = group;
        Of = of;
        Basis = basis;
        Text = text;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        Revision = 1;
    }

    public Guid Id { get; private set; }
    public string UnitCode { get; private set; }
    public string UnitName { get; private set; }
    public string? SubUnitCode { get; private set; }
    public int Year { get; private set; }
    public TargetKind Kind { get; private set; }
    public string Subject { get; private set; }

    /// <summary>A count of households or people, or a rate in percent (0.3 means 0,3 %).</summary>
    public decimal Value { get; private set; }
    public string? Group { get; private set; }

    /// <summary>The whole the value is a part of, when the document says so ("15 of 28 workers").</summary>
    public decimal? Of { get; private set; }

    /// <summary>What a rate is of, as the document words it ("lao động trong độ tuổi tham gia hoạt động kinh tế").</summary>
    public string? Per { get; private set; }
    public string? Basis { get; private set; }

    /// <summary>The target as the document words it.</summary>
    public string? Text { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Revision { get; private set; }

    public static MonitoringTarget Set(Guid id, string unitCode, string unitName, string? subUnitCode, int year, TargetKind? kind, string? subject, decimal? value,
        string? group, decimal? of, string? per, string? basis, string? text, string recordedBy, DateTimeOffset recordedAt)
    {
        var problems = Check(kind, subject, value, group, of);
        if (problems.Count > 0) throw new ValidationFailedException(problems);
        return new MonitoringTarget(id, unitCode, unitName, string.IsNullOrWhiteSpace(subUnitCode) ? null : subUnitCode.Trim(), year, kind!.Value,
            subject!.Trim(), WithoutTrailingZeros(value!.Value), group, of is { } whole ? WithoutTrailingZeros(whole) : null, Trim(per), Trim(basis), Trim(text), recordedBy, recordedAt);
    }

    public static IReadOnlyList<Violation> Check(TargetKind? kind, string? subject, decimal? value, string? group, decimal? of)
    {
        var v = new List<Violation>();
        if (kind is null) v.Add(new("kind", $"Chọn loại chỉ tiêu: {string.Join(", ", Enum.GetNames<TargetKind>())}."));
        if (string.IsNullOrWhiteSpace(subject)) v.Add(new("subject", "Chỉ tiêu cần nêu đối tượng (ví dụ poorHouseholds, poorRate)."));
        if (value is null) v.Add(new("value", "Chỉ tiêu cần có giá trị."));
        else if (value < 0) v.Add(new("value", $"Giá trị chỉ tiêu không được âm (đã nhập {value})."));
        else if (kind is TargetKind.EndRate or TargetKind.ReducePoints or TargetKind.Coverage && value > 100)
            v.Add(new("value", $"Tỷ lệ phải từ 0 đến 100 % (đã nhập {value})."));
        else if (kind is TargetKind.ReduceCount or TargetKind.EndCount && value != decimal.Truncate(value.Value))
            v.Add(new("value", $"Số hộ là số nguyên (đã nhập {value})."));
        if (group is not null && !TargetGroups.All.Contains(group))
            v.Add(new("group", $"Nhóm '{group}' không có (các nhóm: {string.Join(", ", TargetGroups.All)})."));
        if (of is { } whole && value is { } part && (whole <= 0 || part > whole))
            v.Add(new("of", $"Tổng ({whole}) phải lớn hơn 0 và không nhỏ hơn giá trị ({part})."));
        return v;
    }

    /// <summary>
    /// 0,5 and 0,50 are one target: values are kept without trailing zeros, so a value reads back the same from every
    /// engine (PostgreSQL's numeric(18,4) returns 0.5000) and checks compare it at the precision it was given.
    /// </summary>
    public static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
