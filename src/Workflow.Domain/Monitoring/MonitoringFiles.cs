using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Domain.Common;

namespace Workflow.Domain.Monitoring;

/// <summary>The unit a monitoring file speaks of, as the document names it.</summary>
public sealed record MonitoringUnit(string Code, string Name, string? Level = null, string? Parent = null, bool Historical = false);

/// <summary>A hamlet or residential group (thôn, ấp, khóm, tổ dân phố…) of the unit.</summary>
public sealed record SubUnit(string Code, string Name, string? Kind = null);

/// <summary>A census as a monitoring file or <c>POST /api/monitoring/baselines</c> gives it.</summary>
public sealed record BaselineInput(
    string? SubUnit, int Year, DateOnly? AsOf, string? Standard, string? Basis, int? TotalHouseholds,
    HouseholdCounts? Poor, HouseholdCounts? NearPoor, PovertyFlows? Flows, IReadOnlyList<DeprivationCount>? Deprivations,
    IReadOnlyList<StatedRate>? StatedRates, IReadOnlyList<string>? Notes);

/// <summary>A target as a monitoring file or <c>POST /api/monitoring/targets</c> gives it.</summary>
public sealed record TargetInput(
    string? SubUnit, int Year, TargetKind? Kind, string? Subject, decimal? Value, string? Group, decimal? Of, string? Basis, string? Text,
    IReadOnlyList<string>? Notes = null, string? Per = null);

/// <summary>
/// A unit's baselines and targets as data (<c>catalogues/monitoring/seeds/*.json</c>, catalogues/monitoring/README.md):
/// the figures of a plan document, each traceable to it, with the slips the document is known to have.
/// </summary>
public sealed record MonitoringFile(
    string? Seed, string? Document, MonitoringUnit Unit, IReadOnlyList<SubUnit>? SubUnits,
    IReadOnlyList<BaselineInput>? Baselines, IReadOnlyList<TargetInput>? Targets, IReadOnlyList<string>? KnownDefects,
    IReadOnlyList<string>? Notes = null);

/// <summary>The poverty standards file (<c>catalogues/monitoring/poverty-standards.json</c>).</summary>
public sealed record PovertyStandardsFile(IReadOnlyList<PovertyStandardsFile.Entry> Standards)
{
    public sealed record Entry(
        string Code, string Name, DateOnly ValidFrom, DateOnly? ValidTo, string Basis, Thresholds IncomeThresholds,
        int PoorMinDeprivations, IReadOnlyList<DeprivationIndicator> Indicators, bool? IndicatorsComplete = null, string? Note = null);

    public sealed record Thresholds(long Rural, long Urban);

    public PovertyStandards ToStandards() => new([.. Standards.Select(s => new PovertyStandard(
        s.Code, s.Name, s.ValidFrom, s.ValidTo, s.Basis, s.IncomeThresholds.Rural, s.IncomeThresholds.Urban,
        s.PoorMinDeprivations, s.Indicators, s.IndicatorsComplete ?? true, s.Note))]);
}

/// <summary>Reads monitoring data files strictly: unknown fields, wrong types and bad values are violations with JSON paths.</summary>
public static class MonitoringFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static (T? Value, IReadOnlyList<Violation> Problems) Read<T>(string json) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Json);
            return value is null ? (null, [new("$", "Tệp rỗng.")]) : (value, []);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path.TrimStart('$', '.');
            return (null, [new(path.Length == 0 ? "$" : path, $"Giá trị không hợp lệ ở dòng {(e.LineNumber ?? 0) + 1}: {Reason(e)}")]);
        }
    }

    private static string Reason(JsonException e) =>
        e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "trường này không có trong mẫu dữ liệu." : "sai kiểu dữ liệu.";

    /// <summary>
    /// The censuses and targets of a file, each checked; problems carry the file's JSON path (<c>baselines[2].poor.households</c>).
    /// </summary>
    public static (IReadOnlyList<PovertyCensus> Censuses, IReadOnlyList<MonitoringTarget> Targets, IReadOnlyList<Violation> Problems) Load(
        MonitoringFile file, PovertyStandards standards, string recordedBy, DateTimeOffset at)
    {
        var problems = new List<Violation>(MonitoringSubUnit.Check(file.SubUnits ?? []));
        var subUnits = (file.SubUnits ?? []).Where(s => s?.Code is not null).Select(s => s.Code.Trim()).ToHashSet(StringComparer.Ordinal);
        var censuses = new List<PovertyCensus>();
        var baselines = file.Baselines ?? [];
        for (var i = 0; i < baselines.Count; i++)
        {
            var b = baselines[i];
            if (b is null)
            {
                problems.Add(new($"baselines[{i}]", "Dòng trống: mỗi dòng là một kết quả rà soát."));
                continue;
            }
            if (b.SubUnit is not null && !subUnits.Contains(b.SubUnit))
            {
                problems.Add(new($"baselines[{i}].subUnit", $"Thôn/tổ '{b.SubUnit}' không có trong danh sách subUnits của tệp."));
                continue;
            }
            try
            {
                censuses.Add(ToCensus(b, file.Unit.Code, file.Unit.Name, standards, recordedBy, at));
            }
            catch (ValidationFailedException e)
            {
                problems.AddRange(e.Violations.Select(v => v with { Path = Prefix($"baselines[{i}]", v.Path) }));
            }
        }
        var targets = new List<MonitoringTarget>();
        var inputs = file.Targets ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var t = inputs[i];
            if (t is null)
            {
                problems.Add(new($"targets[{i}]", "Dòng trống: mỗi dòng là một chỉ tiêu."));
                continue;
            }
            if (t.SubUnit is not null && !subUnits.Contains(t.SubUnit))
            {
                problems.Add(new($"targets[{i}].subUnit", $"Thôn/tổ '{t.SubUnit}' không có trong danh sách subUnits của tệp."));
                continue;
            }
            try
            {
                targets.Add(ToTarget(t, file.Unit.Code, file.Unit.Name, recordedBy, at));
            }
            catch (ValidationFailedException e)
            {
                problems.AddRange(e.Violations.Select(v => v with { Path = Prefix($"targets[{i}]", v.Path) }));
            }
        }
        return (censuses, targets, problems);
    }

    public static PovertyCensus ToCensus(BaselineInput b, string unitCode, string unitName, PovertyStandards standards, string recordedBy, DateTimeOffset at)
    {
        var standard = b.Standard is null ? standards.ForReviewOf(b.Year) : standards.Find(b.Standard);
        return PovertyCensus.Record(Guid.NewGuid(), unitCode, unitName, b.SubUnit, b.Year, b.AsOf, standard, b.Standard ?? $"(năm {b.Year})", b.Basis,
            b.TotalHouseholds, b.Poor, b.NearPoor, b.Flows, b.Deprivations, b.StatedRates, b.Notes, recordedBy, at);
    }

    public static MonitoringTarget ToTarget(TargetInput t, string unitCode, string unitName, string recordedBy, DateTimeOffset at) =>
        MonitoringTarget.Set(Guid.NewGuid(), unitCode, unitName, t.SubUnit, t.Year, t.Kind, t.Subject, t.Value, t.Group, t.Of, t.Per, t.Basis,
            t.Text, recordedBy, at);

    private static string Prefix(string prefix, string path) => path == "$" ? prefix : $"{prefix}.{path}";
}

/// <summary>A hamlet or residential group of a unit as stored: the parts a unit's census and targets may be split into.</summary>
public sealed class MonitoringSubUnit
{
    private MonitoringSubUnit() { UnitCode = Code = Name = ""; }

    public MonitoringSubUnit(string unitCode, string code, string name, string? kind)
    {
        UnitCode = unitCode;
        Code = code;
        Name = name;
        Kind = kind;
    }

    public string UnitCode { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string? Kind { get; private set; }

    public void Rename(string name, string? kind) => (Name, Kind) = (name, kind);

    /// <summary>What is wrong with a declared list of hamlets/residential groups, at <c>subUnits[i]</c>: the same for a form and a file.</summary>
    public static IReadOnlyList<Violation> Check(IReadOnlyList<SubUnit?> items)
    {
        var problems = new List<Violation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrWhiteSpace(item?.Code) || item.Code.Trim().Length > 64) problems.Add(new($"subUnits[{i}].code", "Mã thôn/tổ từ 1 đến 64 ký tự."));
            else if (!seen.Add(item.Code.Trim())) problems.Add(new($"subUnits[{i}].code", $"Mã '{item.Code.Trim()}' đã có ở dòng trước."));
            if (string.IsNullOrWhiteSpace(item?.Name) || item.Name.Trim().Length > 256) problems.Add(new($"subUnits[{i}].name", "Tên thôn/tổ từ 1 đến 256 ký tự."));
        }
        return problems;
    }

    /// <summary>
    /// Declares checked <paramref name="items"/> for a unit: ones it already has are renamed in place (a census may name
    /// them), the rest are returned to be added.
    /// </summary>
    public static IReadOnlyList<MonitoringSubUnit> Declare(string unitCode, IReadOnlyList<SubUnit> items, IReadOnlyDictionary<string, MonitoringSubUnit> existing)
    {
        var added = new List<MonitoringSubUnit>();
        foreach (var item in items)
        {
            var (code, name) = (item.Code.Trim(), item.Name.Trim());
            if (existing.TryGetValue(code, out var found)) found.Rename(name, item.Kind);
            else added.Add(new MonitoringSubUnit(unitCode, code, name, item.Kind));
        }
        return added;
    }
}
