namespace Workflow.Domain.Catalog;

public enum AdminLevel
{
    Province,
    District,
    Commune,
}

/// <summary>
/// An administrative unit. Until 30/6/2025 units form three levels (province → district → commune); from
/// 1/7/2025 districts no longer exist and communes hang directly under provinces, so a unit carries the
/// period it exists in.
/// </summary>
public sealed class AdminUnit
{
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

    public static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.Province => "Tỉnh",
        AdminLevel.District => "Huyện",
        _ => "Xã",
    };
}
