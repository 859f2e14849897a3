using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Plans;

namespace Workflow.Api.Features.Plans;

/// <summary>
/// The plan-file format (docs/plan-file.md): read with every structural problem reported by JSON path, and
/// written back in one canonical layout so that import → export → import gives the same file.
/// </summary>
public static class PlanFile
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] TopLevel = ["fiscalYear", "unit", "decision", "counterpart", "lines", "totals"];

    /// <summary>Parses request text; malformed JSON is a violation at <c>$</c> naming the line and position.</summary>
    public static JsonElement ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {e.BytePositionInLine + 1})" : "";
            throw new ValidationFailedException("$", $"Nội dung không phải JSON hợp lệ{where}.");
        }
    }

    /// <param name="extraTopLevel">Fields a particular request allows beside the plan itself (a revision's <c>reason</c>).</param>
    public static PlanContent Read(JsonElement root, params string[] extraTopLevel)
    {
        var reader = new Reader();
        var content = reader.ReadPlan(root, extraTopLevel);
        if (reader.Violations.Count > 0 || content is null) throw new ValidationFailedException(reader.Violations);
        return content;
    }

    public static string Write(PlanContent plan) => Canonicalize(ToNode(plan));

    /// <summary>The one layout files are compared in: two-space indent, Vietnamese letters unescaped, numbers as written.</summary>
    public static string Canonicalize(string json) => Canonicalize(JsonNode.Parse(json));

    private static string Canonicalize(JsonNode? node) => node?.ToJsonString(Canonical) ?? "null";

    private static JsonObject ToNode(PlanContent plan)
    {
        var root = new JsonObject
        {
            ["fiscalYear"] = plan.FiscalYear,
            ["unit"] = UnitNode(plan.Unit),
            ["decision"] = new JsonObject
            {
                ["number"] = plan.Decision.Number,
                ["date"] = plan.Decision.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["issuer"] = plan.Decision.Issuer,
                ["title"] = plan.Decision.Title,
                ["basis"] = plan.Decision.Basis,
            },
        };
        if (plan.Counterpart is { } terms)
        {
            var rates = new JsonObject();
            foreach (var source in FundingSources.LocalBudget.Where(terms.Rates.ContainsKey))
                rates[source.ToString()] = Normalize(terms.Rates[source]);
            root["counterpart"] = new JsonObject
            {
                ["minimumLocalRate"] = Normalize(terms.MinimumLocalRate),
                ["rates"] = rates,
                ["roundingUnit"] = terms.RoundingUnit,
            };
        }
        root["lines"] = new JsonArray(plan.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["component"] = l.Component,
            ["leadAgency"] = l.LeadAgency,
            ["amounts"] = AmountsNode(l.Amounts),
        }).ToArray());
        root["totals"] = AmountsNode(plan.Totals);
        return root;
    }

    private static JsonObject UnitNode(UnitRef unit)
    {
        var node = new JsonObject { ["code"] = unit.Code, ["name"] = unit.Name, ["level"] = unit.Level.ToString() };
        if (unit.Parent is not null) node["parent"] = UnitNode(unit.Parent);
        return node;
    }

    /// <summary>Zero sources are left out, as plans leave out the columns a unit does not fund.</summary>
    private static JsonObject AmountsNode(IReadOnlyDictionary<FundingSource, long> amounts)
    {
        var node = new JsonObject();
        foreach (var source in FundingSources.Budget.Where(s => amounts.GetValueOrDefault(s) != 0))
            node[source.ToString()] = amounts[source];
        return node;
    }

    /// <summary>0.10m and 0.1m are the same rate; write the shortest form.</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private sealed class Reader
    {
        public List<Violation> Violations { get; } = [];

        private void Fail(string path, string message) => Violations.Add(new(path, message));

        public PlanContent? ReadPlan(JsonElement root, string[] extraTopLevel)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Fail("$", "Tệp kế hoạch phải là một đối tượng JSON { … }.");
                return null;
            }
            RejectUnknown(root, "", [.. TopLevel, .. extraTopLevel]);

            var year = Required(root, "", "fiscalYear", e => Int("fiscalYear", e));
            var unit = Required(root, "", "unit", e => ReadUnit(e, "unit", 0));
            var decision = Optional(root, "decision", e => ReadDecision(e, "decision")) ?? new DecisionInfo(null, null, null, null, null);
            var counterpart = Optional(root, "counterpart", e => ReadCounterpart(e, "counterpart"));
            var lines = Required(root, "", "lines", e => ReadLines(e, "lines"));
            var totals = Required(root, "", "totals", e => ReadAmounts(e, "totals"));

            if (Violations.Count > 0) return null;
            return new PlanContent(year!.Value, unit!, decision, counterpart, lines!, totals!);
        }

        private UnitRef? ReadUnit(JsonElement e, string path, int depth)
        {
            if (!IsObject(e, path, "thông tin đơn vị (code, name, level, parent)")) return null;
            RejectUnknown(e, path, ["code", "name", "level", "parent"]);
            var code = Required(e, path, "code", x => Text($"{path}.code", x, 64));
            var name = Required(e, path, "name", x => Text($"{path}.name", x, 256));
            var level = Required(e, path, "level", x => Level($"{path}.level", x));
            UnitRef? parent = null;
            if (e.TryGetProperty("parent", out var p) && p.ValueKind != JsonValueKind.Null)
            {
                if (depth >= 3) Fail($"{path}.parent", "Cấp hành chính lồng quá sâu (tối đa tỉnh → huyện → xã).");
                else parent = ReadUnit(p, $"{path}.parent", depth + 1);
            }
            return code is null || name is null || level is null ? null : new UnitRef(code, name, level.Value, parent);
        }

        private DecisionInfo? ReadDecision(JsonElement e, string path)
        {
            if (!IsObject(e, path, "thông tin quyết định")) return null;
            RejectUnknown(e, path, ["number", "date", "issuer", "title", "basis"]);
            DateOnly? date = null;
            if (e.TryGetProperty("date", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    date = parsed;
                else
                    Fail($"{path}.date", "Ngày quyết định phải theo dạng yyyy-MM-dd (ví dụ 2024-03-27) hoặc null.");
            }
            return new DecisionInfo(
                OptionalText(e, path, "number", 128), date, OptionalText(e, path, "issuer", 256),
                OptionalText(e, path, "title", 1024), OptionalText(e, path, "basis", 2048));
        }

        private CounterpartTerms? ReadCounterpart(JsonElement e, string path)
        {
            if (!IsObject(e, path, "chính sách vốn đối ứng")) return null;
            RejectUnknown(e, path, ["minimumLocalRate", "rates", "roundingUnit"]);
            var minimum = Required(e, path, "minimumLocalRate", x => Rate($"{path}.minimumLocalRate", x));
            var rounding = Required(e, path, "roundingUnit", x => Long($"{path}.roundingUnit", x));
            var rates = Required(e, path, "rates", x =>
            {
                if (!IsObject(x, $"{path}.rates", "tỷ lệ theo nguồn, ví dụ { \"Provincial\": 0.05 }")) return null;
                var result = new Dictionary<FundingSource, decimal>();
                foreach (var property in x.EnumerateObject())
                {
                    var p = $"{path}.rates.{property.Name}";
                    if (!FundingSources.TryParseBudget(property.Name, out var source))
                        Fail(p, $"Nguồn vốn '{property.Name}' không hợp lệ; dùng Provincial, District hoặc Commune.");
                    else if (Rate(p, property.Value) is { } rate && !result.TryAdd(source, rate))
                        Fail(p, $"Nguồn vốn {property.Name} xuất hiện hai lần.");
                }
                return result;
            });
            return minimum is null || rounding is null || rates is null ? null : new CounterpartTerms(minimum.Value, rates, rounding.Value);
        }

        private List<PlanLineContent>? ReadLines(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Array)
            {
                Fail(path, "Danh sách dòng phân bổ phải là một mảng [ … ].");
                return null;
            }
            var lines = new List<PlanLineContent>();
            var index = 0;
            foreach (var item in e.EnumerateArray())
            {
                var p = $"{path}[{index++}]";
                if (!IsObject(item, p, "dòng phân bổ (component, leadAgency, amounts)")) continue;
                RejectUnknown(item, p, ["component", "leadAgency", "amounts"]);
                var component = Required(item, p, "component", x => Text($"{p}.component", x, 16));
                var agency = Required(item, p, "leadAgency", x => Text($"{p}.leadAgency", x, 256));
                var amounts = Required(item, p, "amounts", x => ReadAmounts(x, $"{p}.amounts"));
                if (component is not null && agency is not null && amounts is not null)
                    lines.Add(new PlanLineContent(component, agency, amounts));
            }
            return lines;
        }

        private Dictionary<FundingSource, long>? ReadAmounts(JsonElement e, string path)
        {
            if (!IsObject(e, path, "số tiền theo nguồn vốn, ví dụ { \"Central\": 1521000000 }")) return null;
            var result = new Dictionary<FundingSource, long>();
            foreach (var property in e.EnumerateObject())
            {
                var p = $"{path}.{property.Name}";
                if (!FundingSources.TryParseBudget(property.Name, out var source))
                    Fail(p, $"Nguồn vốn '{property.Name}' không hợp lệ; dùng Central, Provincial, District hoặc Commune.");
                else if (Long(p, property.Value) is { } amount && !result.TryAdd(source, amount))
                    Fail(p, $"Nguồn vốn {property.Name} xuất hiện hai lần.");
            }
            return result;
        }

        private T? Required<T>(JsonElement parent, string path, string name, Func<JsonElement, T?> read)
        {
            var p = path.Length == 0 ? name : $"{path}.{name}";
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Fail(p, $"Thiếu trường bắt buộc '{name}'.");
                return default;
            }
            return read(value);
        }

        private static T? Optional<T>(JsonElement parent, string name, Func<JsonElement, T?> read) where T : class =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;

        private string? OptionalText(JsonElement parent, string path, string name, int maxLength) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Text($"{path}.{name}", value, maxLength, allowEmpty: true) : null;

        private void RejectUnknown(JsonElement e, string path, string[] known)
        {
            foreach (var property in e.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
                Fail(path.Length == 0 ? property.Name : $"{path}.{property.Name}",
                    $"Trường '{property.Name}' không thuộc định dạng tệp kế hoạch (các trường hợp lệ: {string.Join(", ", known)}).");
        }

        private bool IsObject(JsonElement e, string path, string what)
        {
            if (e.ValueKind == JsonValueKind.Object) return true;
            Fail(path, $"Phải là một đối tượng JSON: {what}.");
            return false;
        }

        private string? Text(string path, JsonElement e, int maxLength, bool allowEmpty = false)
        {
            if (e.ValueKind != JsonValueKind.String)
            {
                Fail(path, "Phải là chuỗi ký tự.");
                return null;
            }
            var text = e.GetString()!.Trim();
            if (!allowEmpty && text.Length == 0) Fail(path, "Không được để trống.");
            else if (text.Length > maxLength) Fail(path, $"Dài quá {maxLength} ký tự.");
            else return text;
            return null;
        }

        private int? Int(string path, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var value)) return value;
            Fail(path, "Phải là số nguyên (ví dụ 2024).");
            return null;
        }

        private long? Long(string path, JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Number)
            {
                Fail(path, "Số tiền phải là số (đồng), không đặt trong dấu ngoặc kép.");
                return null;
            }
            if (e.TryGetInt64(out var value)) return value;
            Fail(path, e.TryGetDecimal(out var d) && decimal.Truncate(d) != d && Math.Abs(d) < long.MaxValue
                ? "Số tiền phải là số đồng nguyên, không có phần lẻ."
                : "Số tiền quá lớn, vượt giới hạn hệ thống.");
            return null;
        }

        private decimal? Rate(string path, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var value)) return value;
            Fail(path, "Tỷ lệ phải là số thập phân (ví dụ 0.05 cho 5 %).");
            return null;
        }

        private AdminLevel? Level(string path, JsonElement e)
        {
            // the national root issues no plan: a plan file's chain ends at the province
            if (e.ValueKind == JsonValueKind.String && Enum.GetValues<AdminLevel>().FirstOrDefault(l => l.ToString() == e.GetString()) is var level
                && level.ToString() == e.GetString() && level != AdminLevel.National)
                return level;
            Fail(path, "Cấp hành chính phải là Province, District hoặc Commune.");
            return null;
        }
    }
}
