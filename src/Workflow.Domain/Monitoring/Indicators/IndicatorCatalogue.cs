using System.Text.RegularExpressions;
using Workflow.Domain.Common;

namespace Workflow.Domain.Monitoring.Indicators;

/// <summary>The indicator catalogue file of one programme period, as written by hand.</summary>
public sealed record IndicatorCatalogueFile(
    string Period, int FromYear, int ToYear, string Name, string? Basis, bool? Complete, string? Note, IReadOnlyList<IndicatorCatalogueFile.Row>? Indicators)
{
    public sealed record Row(
        string? Code, string? Name, string? Unit, IndicatorLevel? Level, string? Component, IndicatorAggregationKind? Aggregation,
        string? Numerator = null, string? Denominator = null, string? Source = null, bool? Proposed = null);
}

/// <summary>
/// The indicators of one programme period. Codes are unique; a ratio names two sum indicators of the same catalogue, so
/// its value can always be recomputed from summed counts.
/// </summary>
public sealed partial class IndicatorCatalogue
{
    private readonly Dictionary<string, Indicator> byCode;

    private IndicatorCatalogue(string period, int fromYear, int toYear, string name, string? basis, bool complete, string? note, IReadOnlyList<Indicator> indicators)
    {
        Period = period;
        FromYear = fromYear;
        ToYear = toYear;
        Name = name;
        Basis = basis;
        Complete = complete;
        Note = note;
        Indicators = indicators;
        byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public string Period { get; }
    public int FromYear { get; }
    public int ToYear { get; }
    public string Name { get; }
    public string? Basis { get; }

    /// <summary>False while rows are missing or proposed: the period's forms are not fully known.</summary>
    public bool Complete { get; }
    public string? Note { get; }
    public IReadOnlyList<Indicator> Indicators { get; }

    public bool Covers(int year) => year >= FromYear && year <= ToYear;

    public Indicator? Find(string? code) => code is not null && byCode.TryGetValue(code, out var i) ? i : null;

    /// <summary>The output indicators a sub-project of <paramref name="component"/> may plan and report.</summary>
    public IEnumerable<Indicator> OutputsOf(string component) => Indicators.Where(i => i.MeasuresOutputOf(component));

    /// <summary>Reads a catalogue file strictly: problems carry the file's JSON path (<c>indicators[3].numerator</c>).</summary>
    public static (IndicatorCatalogue? Catalogue, IReadOnlyList<Violation> Problems) Read(string json)
    {
        var (file, problems) = MonitoringFiles.Read<IndicatorCatalogueFile>(json);
        return file is null ? (null, problems) : From(file);
    }

    public static (IndicatorCatalogue? Catalogue, IReadOnlyList<Violation> Problems) From(IndicatorCatalogueFile file)
    {
        var problems = new List<Violation>();
        if (string.IsNullOrWhiteSpace(file.Period)) problems.Add(new("period", "Ghi giai đoạn của danh mục (ví dụ 2021-2025)."));
        if (file.FromYear > file.ToYear) problems.Add(new("toYear", $"Năm cuối {file.ToYear} trước năm đầu {file.FromYear}."));
        var rows = file.Indicators ?? [];
        if (rows.Count == 0) problems.Add(new("indicators", "Danh mục chưa có chỉ số nào."));
        var indicators = new List<Indicator>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"indicators[{i}]";
            if (row is null) { problems.Add(new(at, "Dòng chỉ số trống.")); continue; }
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(row.Code) || !CodePattern().IsMatch(row.Code))
                problems.Add(new($"{at}.code", $"Mã chỉ số '{row.Code}' không hợp lệ: chữ, số, dấu chấm (ví dụ DA4.1.trained)."));
            else if (seen.TryGetValue(row.Code, out var first))
                problems.Add(new($"{at}.code", $"Mã chỉ số '{row.Code}' trùng với indicators[{first}]."));
            else
                seen[row.Code] = i;
            if (string.IsNullOrWhiteSpace(row.Name)) problems.Add(new($"{at}.name", "Ghi tên chỉ số."));
            if (string.IsNullOrWhiteSpace(row.Unit)) problems.Add(new($"{at}.unit", "Ghi đơn vị tính (hộ, người, lớp, %…)."));
            if (row.Level is null) problems.Add(new($"{at}.level", "Ghi cấp chỉ số: impact, outcome hoặc output."));
            if (row.Aggregation is null) problems.Add(new($"{at}.aggregation", "Ghi cách tổng hợp: sum hoặc ratio."));
            if (row.Component is not null && row.Code is not null && !row.Code.StartsWith(row.Component + ".", StringComparison.Ordinal))
                problems.Add(new($"{at}.component", $"Mã chỉ số '{row.Code}' phải bắt đầu bằng mã dự án thành phần '{row.Component}.'."));
            if (row.Aggregation == IndicatorAggregationKind.Sum && (row.Numerator is not null || row.Denominator is not null))
                problems.Add(new($"{at}.numerator", "Chỉ số cộng dồn (sum) không có tử số, mẫu số."));
            if (row.Aggregation == IndicatorAggregationKind.Ratio)
            {
                if (string.IsNullOrWhiteSpace(row.Numerator)) problems.Add(new($"{at}.numerator", "Chỉ số tỷ lệ (ratio) phải có tử số (numerator)."));
                if (string.IsNullOrWhiteSpace(row.Denominator)) problems.Add(new($"{at}.denominator", "Chỉ số tỷ lệ (ratio) phải có mẫu số (denominator)."));
            }
            if (problems.Count == before)
                indicators.Add(new(row.Code!, row.Name!.Trim(), row.Unit!.Trim(), row.Level!.Value, row.Component, row.Aggregation!.Value,
                    row.Numerator, row.Denominator, row.Source, row.Proposed ?? false));
        }
        // a ratio is recomputed from summed counts, so both its parts must be counts of this catalogue
        var codes = indicators.ToDictionary(x => x.Code, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row?.Aggregation != IndicatorAggregationKind.Ratio) continue;
            foreach (var (part, field) in new[] { (row.Numerator, "numerator"), (row.Denominator, "denominator") })
            {
                if (string.IsNullOrWhiteSpace(part)) continue;
                if (!codes.TryGetValue(part, out var target))
                    problems.Add(new($"indicators[{i}].{field}", $"Chỉ số tỷ lệ '{row.Code}' dẫn tới '{part}', không có trong danh mục."));
                else if (!target.IsCount)
                    problems.Add(new($"indicators[{i}].{field}", $"Chỉ số tỷ lệ '{row.Code}' dẫn tới '{part}', không phải chỉ số cộng dồn (sum): tỷ lệ chỉ tính từ số đếm."));
            }
        }
        return problems.Count > 0 ? (null, problems)
            : (new IndicatorCatalogue(file.Period.Trim(), file.FromYear, file.ToYear, file.Name, file.Basis, file.Complete ?? true, file.Note, indicators), []);
    }

    /// <summary>
    /// Checks a sub-project's output list against this catalogue: each indicator known, an output-level count of the
    /// sub-project's component (or of the whole programme), listed once, with a whole quantity from zero.
    /// </summary>
    public IEnumerable<Violation> CheckOutputs(IReadOnlyList<OutputQuantity?> outputs, string component, string path)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < outputs.Count; i++)
        {
            var o = outputs[i];
            var at = $"{path}[{i}]";
            if (o is null || string.IsNullOrWhiteSpace(o.Indicator)) { yield return new($"{at}.indicator", "Chọn chỉ số đầu ra."); continue; }
            var indicator = Find(o.Indicator);
            if (indicator is null)
                yield return new($"{at}.indicator", $"Chỉ số '{o.Indicator}' không có trong danh mục chỉ số giai đoạn {Period}.");
            else if (!indicator.MeasuresOutputOf(component))
                yield return new($"{at}.indicator", indicator.Level != IndicatorLevel.Output || !indicator.IsCount
                    ? $"Chỉ số '{o.Indicator}' ({indicator.Name}) không phải chỉ số đầu ra đếm được; đầu ra ghi theo chỉ số cấp output, cộng dồn."
                    : $"Chỉ số '{o.Indicator}' thuộc {indicator.Component}, không thuộc {component} của đề xuất.");
            else if (seen.TryGetValue(o.Indicator, out var first))
                yield return new($"{at}.indicator", $"Chỉ số '{o.Indicator}' đã ghi ở {path}[{first}]; mỗi chỉ số ghi một lần.");
            else
                seen[o.Indicator] = i;
            if (o.Quantity < 0)
                yield return new($"{at}.quantity", $"Số lượng {o.Quantity} âm; số lượng là số nguyên từ 0.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$")]
    private static partial Regex CodePattern();
}

/// <summary>The indicator catalogues of every programme period; a year reads the catalogue of the period it falls in.</summary>
/// <param name="programmePeriodOf">
/// The programme period a fiscal year's plans use (<c>ProgrammeCatalogue.For</c>): a 2026 plan drawn up on the
/// 2021–2025 components while the 2026–2030 list is not loaded counts its outputs against the 2021–2025 indicators, the
/// same list its lines come from. Without it, the period whose years cover the year.
/// </param>
public sealed class IndicatorCatalogues(IReadOnlyList<IndicatorCatalogue> catalogues, Func<int, string>? programmePeriodOf = null)
{
    public IReadOnlyList<IndicatorCatalogue> All { get; } = catalogues;

    public IndicatorCatalogue? ForYear(int year) =>
        programmePeriodOf is null ? All.FirstOrDefault(c => c.Covers(year)) : ForPeriod(programmePeriodOf(year));

    public IndicatorCatalogue? ForPeriod(string period) => All.FirstOrDefault(c => c.Period == period);
}
