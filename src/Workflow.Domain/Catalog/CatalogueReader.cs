using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Domain.Common;
using Workflow.Domain.Plans;

namespace Workflow.Domain.Catalog;

/// <summary>
/// Reads a programme-period file (<c>catalogues/*.catalogue.json</c>, or the body of <c>POST /api/admin/catalogues</c>)
/// and checks it whole: fields and types, the years, unique codes, parents that exist in the same file, no cycles, and
/// a sub-project in the system's scope exactly when its project is. Every problem at once, keyed by JSON path
/// (<c>components[3].parent</c>; <c>$</c> for the document), in Vietnamese.
/// </summary>
public static partial class CatalogueReader
{
    private static readonly HashSet<string> RootFields = ["period", "version", "fromYear", "toYear", "name", "legalBasis", "note", "counterpartFloor", "programmeCode", "components"];
    private static readonly HashSet<string> ComponentFields = ["code", "parent", "name", "inScope", "sectorCode", "economicContentCode"];

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)*$")]
    private static partial Regex CodePattern();

    public static (ProgrammePeriod? Period, IReadOnlyList<Violation> Problems) Read(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, [new("$", $"JSON không hợp lệ ở dòng {e.LineNumber + 1}, vị trí {e.BytePositionInLine + 1}.")]);
        }
        return Read(root);
    }

    public static (ProgrammePeriod? Period, IReadOnlyList<Violation> Problems) Read(JsonElement root)
    {
        var v = new List<Violation>();
        if (root.ValueKind != JsonValueKind.Object)
            return (null, [new("$", "Tệp danh mục là một đối tượng JSON.")]);

        foreach (var p in root.EnumerateObject().Where(p => !RootFields.Contains(p.Name)))
            v.Add(new(p.Name, $"Trường '{p.Name}' không có trong tệp danh mục (các trường: {string.Join(", ", RootFields)})."));

        var id = Text(root, "period", v, required: true);
        var version = Int(root, "version", v);
        if (version is < 1) v.Add(new("version", "Phiên bản là số nguyên từ 1 trở lên."));
        var from = Int(root, "fromYear", v);
        var to = Int(root, "toYear", v);
        foreach (var (year, path) in new[] { (from, "fromYear"), (to, "toYear") })
            if (year is { } y && (y < PlanRules.FirstFiscalYear || y > PlanRules.LastFiscalYear))
                v.Add(new(path, $"Năm {y} nằm ngoài các năm {PlanRules.FirstFiscalYear}–{PlanRules.LastFiscalYear} mà hệ thống quản lý."));
        if (from is { } f && to is { } t)
        {
            if (f > t) v.Add(new("toYear", $"Năm kết thúc {t} trước năm bắt đầu {f}."));
            else if (id is not null && id != $"{f}-{t}")
                v.Add(new("period", $"Mã giai đoạn '{id}' phải là năm bắt đầu-năm kết thúc: '{f}-{t}'."));
        }
        var name = Text(root, "name", v, required: true);
        var basis = Text(root, "legalBasis", v, required: true);
        Text(root, "note", v, required: false);
        var floor = Floor(root, v);
        var programmeCode = Text(root, "programmeCode", v, required: false);
        BudgetCodes.CheckDigits(programmeCode, BudgetCodes.ProgrammeLength, "programmeCode", "Mã chương trình mục tiêu (mã CTMT, DA)", v);

        var components = new List<Component>();
        if (!root.TryGetProperty("components", out var list) || list.ValueKind != JsonValueKind.Array)
            v.Add(new("components", "Cần danh sách dự án, tiểu dự án (components)."));
        else
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var path = $"components[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    v.Add(new(path, "Mỗi mục là một đối tượng { code, parent, name, inScope }."));
                    components.Add(new("", "", null, false));
                    continue;
                }
                foreach (var p in item.EnumerateObject().Where(p => !ComponentFields.Contains(p.Name)))
                    v.Add(new($"{path}.{p.Name}", $"Trường '{p.Name}' không có; mỗi mục gồm code, parent, name, inScope (và tùy chọn sectorCode, economicContentCode)."));
                var code = Text(item, "code", v, required: true, path) ?? "";
                if (code.Length > 0 && (code.Length > 32 || !CodePattern().IsMatch(code)))
                    v.Add(new($"{path}.code", $"Mã '{code}' không hợp lệ: chữ in hoa không dấu và số, các cấp cách nhau bằng dấu chấm (DA3, DA3.1), tối đa 32 ký tự."));
                var parent = Text(item, "parent", v, required: false, path);
                var componentName = Text(item, "name", v, required: true, path) ?? "";
                bool inScope = false;
                if (!item.TryGetProperty("inScope", out var scope) || scope.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    v.Add(new($"{path}.inScope", "Cần inScope: true (hệ thống quản lý) hoặc false (ngoài phạm vi)."));
                else inScope = scope.GetBoolean();
                var sector = Text(item, "sectorCode", v, required: false, path);
                BudgetCodes.CheckDigits(sector, BudgetCodes.SectorLength, $"{path}.sectorCode", "Mã ngành kinh tế", v);
                var content = Text(item, "economicContentCode", v, required: false, path);
                BudgetCodes.CheckDigits(content, BudgetCodes.EconomicContentLength, $"{path}.economicContentCode", "Mã nội dung kinh tế (NDKT)", v);
                components.Add(new(code, componentName, parent, inScope, BudgetCodes.Clean(sector), BudgetCodes.Clean(content)));
            }
            if (i == 0) v.Add(new("components", "Danh mục phải có ít nhất một dự án."));
            CheckTree(components, v);
        }

        if (v.Count > 0) return (null, v);
        return (new ProgrammePeriod(id!, version!.Value, from!.Value, to!.Value, name!, basis!, components, floor, BudgetCodes.Clean(programmeCode)), v);
    }

    private static void CheckTree(List<Component> components, List<Violation> v)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < components.Count; i++)
        {
            var code = components[i].Code;
            if (code.Length == 0) continue;
            if (first.TryGetValue(code, out var j)) v.Add(new($"components[{i}].code", $"Mã {code} đã có ở components[{j}]; mỗi mã chỉ xuất hiện một lần."));
            else first[code] = i;
        }

        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            if (c.ParentCode is not { } parentCode) continue;
            var path = $"components[{i}]";
            if (parentCode == c.Code) { v.Add(new($"{path}.parent", $"{c.Code} không thể là cấp trên của chính nó.")); continue; }
            if (!first.TryGetValue(parentCode, out var p))
            {
                v.Add(new($"{path}.parent", $"Dự án cấp trên '{parentCode}' của {c.Code} không có trong tệp."));
                continue;
            }
            var parent = components[p];
            if (c.InScope != parent.InScope)
                v.Add(new($"{path}.inScope", c.InScope
                    ? $"{c.Code} thuộc phạm vi hệ thống nhưng dự án cấp trên {parent.Code} thì không; tiểu dự án và dự án của nó cùng trong hoặc cùng ngoài phạm vi."
                    : $"{c.Code} ngoài phạm vi hệ thống nhưng dự án cấp trên {parent.Code} thì trong; một dòng kế hoạch cho {parent.Code} sẽ gồm cả tiền của {c.Code}."));
            // a cycle (A under B under A) never reaches a root
            var seen = new HashSet<string>(StringComparer.Ordinal) { c.Code };
            for (var up = parent; up?.ParentCode is { } next; up = first.TryGetValue(next, out var k) ? components[k] : null)
                if (!seen.Add(next)) { v.Add(new($"{path}.parent", $"Cấp trên của {c.Code} tạo thành vòng lặp ({string.Join(" → ", seen)} → {next}).")); break; }
        }

        if (components.Count > 0 && !components.Any(c => c.InScope))
            v.Add(new("components", "Không dự án nào thuộc phạm vi hệ thống (inScope: true); hệ thống chỉ quản lý các dự án được đánh dấu."));
    }

    private static string? Text(JsonElement element, string name, List<Violation> v, bool required, string? parentPath = null)
    {
        var path = parentPath is null ? name : $"{parentPath}.{name}";
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) v.Add(new(path, $"Cần trường {name}."));
            return null;
        }
        if (value.ValueKind != JsonValueKind.String) { v.Add(new(path, $"{name} là một chuỗi ký tự.")); return null; }
        var text = value.GetString()!.Trim();
        if (required && text.Length == 0) { v.Add(new(path, $"{name} không được để trống.")); return null; }
        if (text.Length > 1000 || text.Any(char.IsControl)) { v.Add(new(path, $"{name} dài quá 1000 ký tự hoặc có ký tự điều khiển.")); return null; }
        return text;
    }

    /// <summary>Optional <c>counterpartFloor: { rate, basis }</c>: the legal floor of RULES.md 5 in this period.</summary>
    private static PeriodCounterpartFloor? Floor(JsonElement root, List<Violation> v)
    {
        if (!root.TryGetProperty("counterpartFloor", out var floor) || floor.ValueKind == JsonValueKind.Null) return null;
        if (floor.ValueKind != JsonValueKind.Object)
        {
            v.Add(new("counterpartFloor", "counterpartFloor là một đối tượng { rate, basis }."));
            return null;
        }
        foreach (var p in floor.EnumerateObject().Where(p => p.Name is not ("rate" or "basis")))
            v.Add(new($"counterpartFloor.{p.Name}", $"Trường '{p.Name}' không có; counterpartFloor gồm rate và basis."));
        decimal? rate = null;
        if (!floor.TryGetProperty("rate", out var r) || r.ValueKind != JsonValueKind.Number || !r.TryGetDecimal(out var value) || value is < 0 or > 1)
            v.Add(new("counterpartFloor.rate", "Cần rate: tỷ lệ đối ứng tối thiểu thấp nhất của giai đoạn, từ 0 đến 1 (0.03 là 3 %)."));
        else rate = value;
        var basis = Text(floor, "basis", v, required: true, "counterpartFloor");
        return rate is { } f && basis is not null ? new PeriodCounterpartFloor(f, basis) : null;
    }

    private static int? Int(JsonElement element, string name, List<Violation> v)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) { v.Add(new(name, $"Cần trường {name}.")); return null; }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n)) { v.Add(new(name, $"{name} là một số nguyên.")); return null; }
        return n;
    }
}
