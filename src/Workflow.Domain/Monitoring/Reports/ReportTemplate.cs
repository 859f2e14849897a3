using System.Text.RegularExpressions;
using Workflow.Domain.Common;

namespace Workflow.Domain.Monitoring.Reports;

/// <summary>What a report is for: the form it follows (TT 10/2022 Phụ lục II and III).</summary>
public enum ReportTemplateKind
{
    /// <summary>Báo cáo giám sát (Mẫu 01): 6-month and annual.</summary>
    Monitoring,

    /// <summary>Báo cáo đánh giá (Mẫu 02).</summary>
    Evaluation,

    /// <summary>Khung kết quả theo chỉ số (Biểu 01).</summary>
    ResultsFramework,

    /// <summary>Kết quả thực hiện: vốn theo dự án thành phần và nguồn vốn (Biểu 02).</summary>
    ResultsTable,
}

/// <summary>How sure the team is that a template follows the official form: a proposal until someone reads the annex.</summary>
public enum TemplateCertainty
{
    /// <summary>Built from the form's name and the usual content; the annex columns were not read.</summary>
    Proposed,

    /// <summary>Checked against the official text.</summary>
    Confirmed,
}

/// <summary>The blocks of compiled figures a table can show; each has its own columns (<see cref="ReportTemplate.FieldsOf"/>).</summary>
public enum ReportRows
{
    /// <summary>Allocation and disbursement per component and funding source, in triệu đồng.</summary>
    Money,

    /// <summary>Outputs per indicator: planned and accepted.</summary>
    Outputs,

    /// <summary>Poverty counts and rates: baseline, target, result.</summary>
    Poverty,

    /// <summary>Funds not disbursed through the system: integrated, credit, contributions.</summary>
    DeclaredFunds,

    /// <summary>The units below: whose report is included, whose is missing.</summary>
    Children,
}

/// <summary>A report template file (<c>catalogues/monitoring/report-templates/*.json</c>) as written by hand.</summary>
public sealed record ReportTemplateFile(
    string? Id, int? Version, string? Form, string? Title, ReportTemplateKind? Kind, IReadOnlyList<ReportPeriodKind>? Periods,
    string? Source, TemplateCertainty? Certainty, int? MoneyDecimals, string? Note,
    IReadOnlyList<ReportTemplateFile.Section?>? Sections, IReadOnlyList<ReportTemplateFile.Table?>? Tables)
{
    public sealed record Section(string? Code, string? Title, string? Table, string? Guidance);

    public sealed record Table(string? Code, string? Title, ReportRows? Rows, IReadOnlyList<Column?>? Columns);

    /// <param name="Code">The column's heading letter or number as the official tables print them (A, B, 1, 2…).</param>
    /// <param name="Field">The compiled figure the column shows.</param>
    public sealed record Column(string? Code, string? Header, string? Field, string? Unit);
}

public sealed record ReportSection(string Code, string Title, string? Table, string? Guidance);

public sealed record ReportColumn(string Code, string Header, string Field, string? Unit);

public sealed record ReportTable(string Code, string Title, ReportRows Rows, IReadOnlyList<ReportColumn> Columns);

/// <summary>
/// One version of a report form, as data an administrator loads: the official forms for 2026–2035 are not known and the
/// TT 10/2022 annex columns could not be read, so each template names its source and how certain it is. A report keeps
/// the id and version it was compiled with, so a new version never changes a report already made.
/// </summary>
public sealed partial class ReportTemplate
{
    /// <summary>The columns each block of rows can fill; a template naming another field is refused when read.</summary>
    private static readonly IReadOnlyDictionary<ReportRows, string[]> Fields = new Dictionary<ReportRows, string[]>
    {
        [ReportRows.Money] = ["number", "component", "componentName", "source", "sourceName", "allocated", "disbursed", "disbursementRate"],
        [ReportRows.Outputs] = ["number", "indicator", "name", "unit", "planned", "actual"],
        [ReportRows.Poverty] = ["number", "indicator", "name", "unit", "baseline", "target", "actual"],
        [ReportRows.DeclaredFunds] = ["number", "component", "integrated", "credit", "contribution", "total"],
        [ReportRows.Children] = ["number", "unit", "unitName", "status", "version", "submittedAt", "allocated", "disbursed"],
    };

    private ReportTemplate(string id, int version, string form, string title, ReportTemplateKind kind, IReadOnlyList<ReportPeriodKind> periods,
        string source, TemplateCertainty certainty, int moneyDecimals, string? note, IReadOnlyList<ReportSection> sections, IReadOnlyList<ReportTable> tables)
    {
        Id = id;
        Version = version;
        Form = form;
        Title = title;
        Kind = kind;
        Periods = periods;
        Source = source;
        Certainty = certainty;
        MoneyDecimals = moneyDecimals;
        Note = note;
        Sections = sections;
        Tables = tables;
    }

    public string Id { get; }
    public int Version { get; }

    /// <summary>The official form's name: "Mẫu số 01 – Phụ lục II".</summary>
    public string Form { get; }
    public string Title { get; }
    public ReportTemplateKind Kind { get; }
    public IReadOnlyList<ReportPeriodKind> Periods { get; }
    public string Source { get; }
    public TemplateCertainty Certainty { get; }

    /// <summary>Decimals of triệu đồng the money columns print (0: whole millions).</summary>
    public int MoneyDecimals { get; }
    public string? Note { get; }
    public IReadOnlyList<ReportSection> Sections { get; }
    public IReadOnlyList<ReportTable> Tables { get; }

    public static IReadOnlyList<string> FieldsOf(ReportRows rows) => Fields[rows];

    public bool Accepts(ReportPeriodKind period) => Periods.Contains(period);

    /// <summary>Reads a template file strictly: unknown fields, missing values and unknown columns are problems at their JSON path.</summary>
    public static (ReportTemplate? Template, IReadOnlyList<Violation> Problems) Read(string json)
    {
        var (file, problems) = MonitoringFiles.Read<ReportTemplateFile>(json);
        return file is null ? (null, problems) : From(file);
    }

    public static (ReportTemplate? Template, IReadOnlyList<Violation> Problems) From(ReportTemplateFile file)
    {
        var problems = new List<Violation>();
        if (string.IsNullOrWhiteSpace(file.Id) || !IdPattern().IsMatch(file.Id))
            problems.Add(new("id", $"Mã mẫu '{file.Id}' không hợp lệ: chữ thường, số và dấu gạch ngang (ví dụ mau-01)."));
        if (file.Version is not (>= 1)) problems.Add(new("version", "Phiên bản mẫu là số nguyên từ 1."));
        if (string.IsNullOrWhiteSpace(file.Form)) problems.Add(new("form", "Ghi tên biểu mẫu theo văn bản (ví dụ Mẫu số 01 – Phụ lục II)."));
        if (string.IsNullOrWhiteSpace(file.Title)) problems.Add(new("title", "Ghi tên báo cáo."));
        if (file.Kind is null) problems.Add(new("kind", $"Chọn loại mẫu: {string.Join(", ", Enum.GetNames<ReportTemplateKind>())}."));
        if (file.Periods is not { Count: > 0 }) problems.Add(new("periods", "Ghi kỳ báo cáo mẫu này dùng: halfYear, year."));
        else if (file.Periods.Distinct().Count() != file.Periods.Count) problems.Add(new("periods", "Mỗi kỳ báo cáo ghi một lần."));
        if (string.IsNullOrWhiteSpace(file.Source)) problems.Add(new("source", "Ghi nguồn của mẫu (văn bản, phụ lục) để người dùng biết mẫu dựa vào đâu."));
        if (file.Certainty is null) problems.Add(new("certainty", "Ghi mức chắc chắn của mẫu: proposed (đề xuất) hoặc confirmed (đã đối chiếu văn bản)."));
        if (file.MoneyDecimals is < 0 or > 3) problems.Add(new("moneyDecimals", $"Số chữ số thập phân của triệu đồng từ 0 đến 3 (đã ghi {file.MoneyDecimals})."));

        var tables = new List<ReportTable>();
        var tableCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawTables = file.Tables ?? [];
        for (var t = 0; t < rawTables.Count; t++)
        {
            var at = $"tables[{t}]";
            var table = rawTables[t];
            if (table is null) { problems.Add(new(at, "Bảng trống.")); continue; }
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(table.Code)) problems.Add(new($"{at}.code", "Ghi mã bảng."));
            else if (tableCodes.TryGetValue(table.Code, out var first)) problems.Add(new($"{at}.code", $"Mã bảng '{table.Code}' trùng với tables[{first}]."));
            else tableCodes[table.Code] = t;
            if (string.IsNullOrWhiteSpace(table.Title)) problems.Add(new($"{at}.title", "Ghi tên bảng."));
            if (table.Rows is null) problems.Add(new($"{at}.rows", $"Chọn khối số liệu của bảng: {string.Join(", ", Enum.GetNames<ReportRows>())}."));
            var columns = new List<ReportColumn>();
            var rawColumns = table.Columns ?? [];
            if (rawColumns.Count == 0) problems.Add(new($"{at}.columns", "Bảng cần ít nhất một cột."));
            var columnCodes = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < rawColumns.Count; c++)
            {
                var cat = $"{at}.columns[{c}]";
                var column = rawColumns[c];
                if (column is null) { problems.Add(new(cat, "Cột trống.")); continue; }
                if (string.IsNullOrWhiteSpace(column.Code)) problems.Add(new($"{cat}.code", "Ghi ký hiệu cột (A, B, 1, 2…)."));
                else if (columnCodes.TryGetValue(column.Code, out var firstColumn)) problems.Add(new($"{cat}.code", $"Ký hiệu cột '{column.Code}' trùng với columns[{firstColumn}]."));
                else columnCodes[column.Code] = c;
                if (string.IsNullOrWhiteSpace(column.Header)) problems.Add(new($"{cat}.header", "Ghi tiêu đề cột."));
                if (table.Rows is { } rows && !Fields[rows].Contains(column.Field))
                    problems.Add(new($"{cat}.field", $"Cột '{column.Field}' không có trong khối {rows}; các cột: {string.Join(", ", Fields[rows])}."));
                if (column is { Code: not null, Header: not null, Field: not null })
                    columns.Add(new(column.Code.Trim(), column.Header.Trim(), column.Field, column.Unit));
            }
            if (problems.Count == before) tables.Add(new(table.Code!.Trim(), table.Title!.Trim(), table.Rows!.Value, columns));
        }

        var sections = new List<ReportSection>();
        var sectionCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawSections = file.Sections ?? [];
        for (var s = 0; s < rawSections.Count; s++)
        {
            var at = $"sections[{s}]";
            var section = rawSections[s];
            if (section is null) { problems.Add(new(at, "Mục trống.")); continue; }
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(section.Code)) problems.Add(new($"{at}.code", "Ghi số mục (I, II, 1…)."));
            else if (sectionCodes.TryGetValue(section.Code, out var first)) problems.Add(new($"{at}.code", $"Số mục '{section.Code}' trùng với sections[{first}]."));
            else sectionCodes[section.Code] = s;
            if (string.IsNullOrWhiteSpace(section.Title)) problems.Add(new($"{at}.title", "Ghi tên mục."));
            if (section.Table is not null && !tableCodes.ContainsKey(section.Table))
                problems.Add(new($"{at}.table", $"Mục dẫn tới bảng '{section.Table}', không có trong tables."));
            if (problems.Count == before) sections.Add(new(section.Code!.Trim(), section.Title!.Trim(), section.Table, section.Guidance));
        }
        if (sections.Count == 0 && tables.Count == 0 && problems.Count == 0)
            problems.Add(new("tables", "Mẫu cần ít nhất một mục hoặc một bảng."));

        return problems.Count > 0 ? (null, problems)
            : (new ReportTemplate(file.Id!, file.Version!.Value, file.Form!.Trim(), file.Title!.Trim(), file.Kind!.Value, file.Periods!, file.Source!.Trim(),
                file.Certainty!.Value, file.MoneyDecimals ?? 0, file.Note, sections, tables), []);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();
}

/// <summary>Every loaded template version; a report names the id and the version it was compiled with.</summary>
public sealed class ReportTemplates
{
    public ReportTemplates(IReadOnlyList<ReportTemplate> templates)
    {
        var twice = templates.GroupBy(t => (t.Id, t.Version)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"template {twice.Key.Id} version {twice.Key.Version} is loaded twice", nameof(templates));
        All = [.. templates.OrderBy(t => t.Id, StringComparer.Ordinal).ThenBy(t => t.Version)];
    }

    public IReadOnlyList<ReportTemplate> All { get; }

    /// <summary>The newest version of <paramref name="id"/>: what a new report is compiled with.</summary>
    public ReportTemplate? Latest(string? id) => All.Where(t => t.Id == id).MaxBy(t => t.Version);

    public ReportTemplate? Find(string id, int version) => All.FirstOrDefault(t => t.Id == id && t.Version == version);
}
