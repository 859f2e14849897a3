using System.Globalization;
using System.Text.Json;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Pages.Admin;

/// <summary>How the administration pages name things and show a journal entry's before and after, in Vietnamese.</summary>
public static class AdminText
{
    public static string Level(AdminLevel level) => AdminUnit.LevelName(level);

    public static string CommuneKind(CommuneKind kind) => AdminUnit.KindName(kind);

    public static string AgencyKind(AgencyKind kind) => Agency.KindName(kind);

    public static string ObjectType(string type) => type switch
    {
        AdminObjectTypes.Unit => "Đơn vị",
        AdminObjectTypes.Agency => "Cơ quan",
        AdminObjectTypes.Assignment => "Phân công",
        AdminObjectTypes.User => "Người dùng",
        AdminObjectTypes.TwoFactorRoles => "Vai trò bắt buộc xác thực hai bước",
        AdminObjectTypes.Policy => "Chính sách tỉnh",
        AdminObjectTypes.TaskClaim => "Nhận xử lý việc",
        AdminObjectTypes.Delegation => "Ủy quyền",
        AdminObjectTypes.PersonalDataFile => "Tệp có dữ liệu cá nhân",
        _ => type,
    };

    /// <summary>The object types the journal can be filtered by.</summary>
    public static readonly IReadOnlyList<string> FilterableTypes =
        [AdminObjectTypes.Unit, AdminObjectTypes.Agency, AdminObjectTypes.Assignment, AdminObjectTypes.User, AdminObjectTypes.TaskClaim, AdminObjectTypes.Delegation, AdminObjectTypes.PersonalDataFile];

    public static string Action(string action) => action switch
    {
        "create" => "Tạo mới",
        "rename" => "Đổi tên",
        "close" => "Giải thể / sáp nhập",
        "update" => "Cập nhật",
        "change-kind" => "Đổi loại",
        "assign" => "Phân công",
        "disable" => "Khóa",
        "enable" => "Mở khóa",
        "reset-password" => "Cấp lại mật khẩu",
        "claim" => "Nhận xử lý",
        "purge-personal-data" => "Xóa nội dung hết thời hạn lưu trữ",
        "take-over" => "Lãnh đạo nhận lại",
        "release" => "Trả lại việc",
        "revoke" => "Thu hồi",
        _ => action,
    };

    /// <summary>One line of a change: a field, its value before (null: none) and after (null: none).</summary>
    public sealed record Change(string Field, string? Before, string? After);

    /// <summary>
    /// What an entry changed, field by field, in words: for a creation every field, otherwise only the fields whose
    /// value differs. Enum values are shown through their Vietnamese names, dates as dd/MM/yyyy, roles by name.
    /// </summary>
    public static IReadOnlyList<Change> Changes(string? before, string? after)
    {
        var b = Flatten(before);
        var a = Flatten(after);
        var fields = b.Keys.Concat(a.Keys).Distinct().ToList();
        var result = new List<Change>();
        foreach (var field in fields)
        {
            var was = b.GetValueOrDefault(field);
            var now = a.GetValueOrDefault(field);
            if (before is not null && after is not null && was == now) continue;
            result.Add(new Change(field, was, now));
        }
        return result;
    }

    /// <summary>How the object of an entry is called in its snapshot: a user's "user name (full name)", else its name; null when the snapshot has none.</summary>
    public static string? ObjectLabel(string? before, string? after)
    {
        foreach (var json in new[] { after, before })
        {
            if (string.IsNullOrWhiteSpace(json)) continue;
            try
            {
                var root = JsonDocument.Parse(json).RootElement;
                if (root.ValueKind != JsonValueKind.Object) continue;
                if (root.TryGetProperty("userName", out var user) && user.ValueKind == JsonValueKind.String)
                    return root.TryGetProperty("displayName", out var full) && full.ValueKind == JsonValueKind.String ? $"{user.GetString()} ({full.GetString()})" : user.GetString();
                if (root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String) return name.GetString();
            }
            catch (JsonException)
            {
            }
        }
        return null;
    }

    private static Dictionary<string, string> Flatten(string? json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return result;
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            result["Nội dung"] = json;
            return result;
        }
        if (root.IsArray())
            AddParts(root, result);
        else if (root.ValueKind == JsonValueKind.Object)
        {
            var names = root.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                // "level" and "levelName", "kind" and "kindName": the name says it in words
                if (names.Contains(property.Name + "Name") || property.Name == "id") continue;
                var field = Field(property.Name);
                if (property.Value.IsArray() && property.Value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
                    AddParts(property.Value, result);
                else
                    result[field] = Value(property.Name, property.Value);
            }
        }
        else
            result["Giá trị"] = Value("", root);
        return result;
    }

    /// <summary>A unit's assignments: one line per part, "agency from day".</summary>
    private static void AddParts(JsonElement array, Dictionary<string, string> result)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            i++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                result[$"#{i}"] = Value("", item);
                continue;
            }
            var part = item.TryGetProperty("part", out var p) && Enum.TryParse<UnitPart>(p.GetString(), out var unitPart)
                ? UnitAssignment.PartName(unitPart) : $"#{i}";
            var agency = item.TryGetProperty("agencyCode", out var g) ? g.GetString() : null;
            var from = item.TryGetProperty("validFrom", out var f) ? Value("validFrom", f) : null;
            result[part] = from is null ? agency ?? item.ToString() : $"{agency} từ {from}";
        }
    }

    private static string Field(string name) => name switch
    {
        "code" => "Mã",
        "name" => "Tên",
        "levelName" or "level" => "Cấp",
        "kindName" or "kind" => "Loại",
        "parentCode" => "Đơn vị cấp trên",
        "validFrom" => "Hiệu lực từ",
        "validTo" => "Hiệu lực đến",
        "successorCode" => "Đơn vị kế thừa",
        "unitCode" => "Đơn vị",
        "userName" => "Tên đăng nhập",
        "displayName" => "Họ và tên",
        "position" => "Chức vụ",
        "agencyCode" => "Cơ quan",
        "roles" => "Vai trò",
        "isActive" => "Đang hoạt động",
        "mustChangePassword" => "Phải đổi mật khẩu",
        "twoFactorEnabled" => "Xác thực hai bước",
        "lockedUntil" => "Khóa đăng nhập đến",
        _ => name,
    };

    private static string Value(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "—";
            case JsonValueKind.True:
                return "Có";
            case JsonValueKind.False:
                return "Không";
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(e => name == "roles" && e.ValueKind == JsonValueKind.String ? Fmt.Role(e.GetString()!) : Value("", e)).ToList();
                return items.Count == 0 ? "(không có)" : string.Join(", ", items);
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return Fmt.Date(day);
                if (text.Length > 10 && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
                    return Fmt.DateTime(moment);
                return text;
            default:
                return value.ToString();
        }
    }

    private static bool IsArray(this JsonElement e) => e.ValueKind == JsonValueKind.Array;
}
