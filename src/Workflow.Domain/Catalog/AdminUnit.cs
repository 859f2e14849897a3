using Workflow.Domain.Common;

namespace Workflow.Domain.Catalog;

/// <summary>Highest first: a unit's parent is one level up (a smaller value).</summary>
public enum AdminLevel
{
    /// <summary>The root of the tree (<see cref="AdminUnit.NationalCode"/>): the national administrators belong to it.</summary>
    National,
    Province,
    /// <summary>Huyện: history only, abolished on 1/7/2025.</summary>
    District,
    Commune,
}

/// <summary>What a commune-level unit is called: xã, phường (urban) or đặc khu (island special zone, from 1/7/2025).</summary>
public enum CommuneKind
{
    Commune,
    Ward,
    SpecialZone,
}

/// <summary>
/// An administrative unit. Until 30/6/2025 units form three levels (province → district → commune); from
/// 1/7/2025 districts no longer exist and communes hang directly under provinces, so a unit carries the
/// period it exists in. Every province hangs under the national root <see cref="NationalCode"/>. A unit is never
/// deleted: it is closed (<see cref="ValidTo"/>) and, when merged, names the unit that took it over
/// (<see cref="SuccessorCode"/>), so plans and journals that name it stay readable.
/// </summary>
public sealed class AdminUnit
{
    public const string NationalCode = "VN";
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 256;

    /// <summary>The last day of the three-level system: districts exist only up to it.</summary>
    public static readonly DateOnly LastDistrictDay = new(2025, 6, 30);

    public AdminUnit(string code, string name, AdminLevel level, string? parentCode, DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public AdminLevel Level { get; private set; }
    public string? ParentCode { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The unit that took this one over when it was closed by a merger; null while open or when none was named.</summary>
    public string? SuccessorCode { get; private set; }

    /// <summary>Xã, phường or đặc khu; meaningful for communes only, <see cref="CommuneKind.Commune"/> for every other level.</summary>
    public CommuneKind Kind { get; private set; } = CommuneKind.Commune;

    public bool IsClosed => ValidTo is not null;

    /// <summary>Whether the unit exists on <paramref name="day"/>.</summary>
    public bool IsOpenOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || ValidTo >= day);

    /// <summary>
    /// A new unit, checked against its parent (null when the parent code names no unit the caller may use).
    /// Every broken invariant comes back at once, by the JSON path of its field; the code's uniqueness is the
    /// caller's to check (a conflict, not bad input).
    /// </summary>
    public static AdminUnit Create(string? code, string? name, AdminLevel? level, CommuneKind? kind, string? parentCode, AdminUnit? parent,
        DateOnly? validFrom, DateOnly? validTo)
    {
        var v = new List<Violation>();
        CheckCode(code, "code", v);
        CheckName(name, "name", v);

        if (level is null || !Enum.IsDefined(level.Value))
            v.Add(new("level", "Chọn cấp hành chính: Province (tỉnh), District (huyện, chỉ để ghi lịch sử) hoặc Commune (xã, phường, đặc khu)."));
        else if (level == AdminLevel.National)
            v.Add(new("level", $"Cấp quốc gia chỉ có một đơn vị ({NationalCode}); không tạo thêm được."));

        if (kind is { } k && (!Enum.IsDefined(k) || (k != CommuneKind.Commune && level != AdminLevel.Commune)))
            v.Add(new("kind", "Loại đơn vị (Commune, Ward, SpecialZone) chỉ dùng cho cấp xã."));

        if (validFrom is { } from && validTo is { } to && from > to)
            v.Add(new("validTo", $"Ngày hết hiệu lực {to:dd/MM/yyyy} trước ngày có hiệu lực {from:dd/MM/yyyy}."));

        if (level is { } l && l != AdminLevel.National && Enum.IsDefined(l))
        {
            if (string.IsNullOrWhiteSpace(parentCode))
                v.Add(new("parentCode", $"Đơn vị cấp {LevelName(l).ToLowerInvariant()} phải nêu đơn vị cấp trên."));
            else if (parent is null)
                v.Add(new("parentCode", $"Không có đơn vị {parentCode} trong phạm vi quản lý của bạn."));
            else
                CheckParent(l, parent, validTo, v);

            if (l == AdminLevel.District && (validTo is null || validTo > LastDistrictDay))
                v.Add(new("validTo", $"Cấp huyện đã bỏ từ 01/7/2025: đơn vị cấp huyện chỉ được tạo để ghi lịch sử, với ngày hết hiệu lực không sau {LastDistrictDay:dd/MM/yyyy}."));
        }

        if (v.Count > 0) throw new ValidationFailedException(v);
        return new AdminUnit(code!.Trim(), name!.Trim(), level!.Value, parent!.Code, validFrom, validTo) { Kind = kind ?? CommuneKind.Commune };
    }

    private static void CheckParent(AdminLevel level, AdminUnit parent, DateOnly? validTo, List<Violation> v)
    {
        var allowed = level switch
        {
            AdminLevel.Province => parent.Level == AdminLevel.National,
            AdminLevel.District => parent.Level == AdminLevel.Province,
            // since 1/7/2025 communes report to the province; a commune under a district is history, like the district
            AdminLevel.Commune => parent.Level is AdminLevel.Province or AdminLevel.District,
            _ => false,
        };
        if (!allowed)
        {
            var expected = level switch
            {
                AdminLevel.Province => "đơn vị cấp quốc gia",
                AdminLevel.District => "một tỉnh",
                _ => "một tỉnh (hoặc, với dữ liệu lịch sử, một huyện)",
            };
            v.Add(new("parentCode", $"Đơn vị cấp trên của {LevelName(level).ToLowerInvariant()} phải là {expected}; {parent.Code} là cấp {LevelName(parent.Level).ToLowerInvariant()}."));
            return;
        }
        if (parent.ValidTo is { } parentEnd && (validTo is null || validTo > parentEnd))
            v.Add(new("parentCode", $"Đơn vị cấp trên {parent.Code} hết hiệu lực từ sau {parentEnd:dd/MM/yyyy}: đơn vị trực thuộc phải hết hiệu lực không sau ngày đó."));
        if (level == AdminLevel.Commune && parent.Level == AdminLevel.District && (validTo is null || validTo > LastDistrictDay))
            v.Add(new("validTo", $"Xã trực thuộc huyện là dữ liệu lịch sử: ngày hết hiệu lực không được sau {LastDistrictDay:dd/MM/yyyy}."));
    }

    /// <summary>A new name (the code stays: plans and journals refer to it).</summary>
    public void Rename(string? name)
    {
        var v = new List<Violation>();
        CheckName(name, "name", v);
        if (v.Count > 0) throw new ValidationFailedException(v);
        Name = name!.Trim();
    }

    /// <summary>
    /// Closes the unit on <paramref name="validTo"/> (its last day). A merged unit names its successor: another
    /// unit of the same level, open the day after. Closed units stay as history and are never reopened here.
    /// </summary>
    public void Close(DateOnly? validTo, AdminUnit? successor, string? successorCode = null)
    {
        if (Level == AdminLevel.National)
            throw new ConflictException("Không thể giải thể đơn vị gốc cấp quốc gia.", "unit.root") { Violations = [new("$", "Đơn vị gốc không giải thể được.")] };
        if (ValidTo is { } closed)
            throw new ConflictException($"Đơn vị {Code} đã hết hiệu lực từ sau {closed:dd/MM/yyyy}.", "unit.closed");

        var v = new List<Violation>();
        if (validTo is null)
            v.Add(new("validTo", "Nêu ngày cuối cùng đơn vị còn hiệu lực (validTo, yyyy-MM-dd)."));
        else if (ValidFrom is { } from && validTo < from)
            v.Add(new("validTo", $"Ngày hết hiệu lực {validTo:dd/MM/yyyy} trước ngày có hiệu lực {from:dd/MM/yyyy}."));
        else if (Level == AdminLevel.District && validTo > LastDistrictDay)
            v.Add(new("validTo", $"Cấp huyện không còn sau {LastDistrictDay:dd/MM/yyyy}."));

        if (!string.IsNullOrWhiteSpace(successorCode))
        {
            if (successor is null)
                v.Add(new("successorCode", $"Không có đơn vị {successorCode} trong phạm vi quản lý của bạn."));
            else if (successor.Code == Code)
                v.Add(new("successorCode", "Đơn vị không kế thừa chính nó."));
            else if (successor.Level != Level)
                v.Add(new("successorCode", $"Đơn vị kế thừa phải cùng cấp {LevelName(Level).ToLowerInvariant()}; {successor.Code} là cấp {LevelName(successor.Level).ToLowerInvariant()}."));
            else if (validTo is { } end && !successor.IsOpenOn(end.AddDays(1)))
                v.Add(new("successorCode", $"Đơn vị kế thừa {successor.Code} không còn hiệu lực vào ngày {end.AddDays(1):dd/MM/yyyy}."));
        }

        if (v.Count > 0) throw new ValidationFailedException(v);
        ValidTo = validTo;
        SuccessorCode = successor?.Code;
    }

    /// <summary>Names the unit that took over a closed one, as reference data records it; false when already recorded or still open.</summary>
    public bool RecordSuccessor(string successorCode)
    {
        if (ValidTo is null || SuccessorCode is not null) return false;
        SuccessorCode = successorCode;
        return true;
    }

    /// <summary>A province recorded before the national root existed is placed under it (reference data upgrade).</summary>
    public bool AttachToNationalRoot()
    {
        if (Level != AdminLevel.Province || ParentCode is not null) return false;
        ParentCode = NationalCode;
        return true;
    }

    public static void CheckCode(string? code, string path, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(code))
            v.Add(new(path, "Nhập mã."));
        else if (code.Trim().Length > MaxCodeLength || !code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            v.Add(new(path, $"Mã chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, tối đa {MaxCodeLength} ký tự."));
    }

    /// <summary>Names of units and agencies: 1–256 characters after trimming, no control characters (tabs, line breaks, …).</summary>
    public static void CheckName(string? name, string path, List<Violation> v)
    {
        if (string.IsNullOrWhiteSpace(name))
            v.Add(new(path, "Nhập tên."));
        else if (name.Trim().Length > MaxNameLength)
            v.Add(new(path, $"Tên dài {name.Trim().Length} ký tự; tối đa {MaxNameLength}."));
        else if (name.Any(char.IsControl))
            v.Add(new(path, "Tên không được chứa ký tự điều khiển (xuống dòng, tab, …)."));
    }

    public static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.National => "Quốc gia",
        AdminLevel.Province => "Tỉnh",
        AdminLevel.District => "Huyện",
        _ => "Xã",
    };

    public static string KindName(CommuneKind kind) => kind switch
    {
        CommuneKind.Ward => "Phường",
        CommuneKind.SpecialZone => "Đặc khu",
        _ => "Xã",
    };
}
