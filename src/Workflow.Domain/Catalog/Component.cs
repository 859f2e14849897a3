namespace Workflow.Domain.Catalog;

/// <summary>A node of the program tree: a project (dự án) or a sub-project (tiểu dự án).</summary>
public sealed record Component(string Code, string Name, string? ParentCode, bool InScope);

/// <summary>The program tree of CTMTQG giảm nghèo bền vững 2021–2025 (QĐ 90/QĐ-TTg).</summary>
public static class ProgramCatalog
{
    public static readonly IReadOnlyList<Component> Components =
    [
        new("DA1", "Dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo", null, false),
        new("DA1.1", "Dự án 1 – Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo", "DA1", false),
        new("DA1.2", "Dự án 1 – Tiểu dự án 2: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo", "DA1", false),
        new("DA2", "Dự án 2: Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", null, true),
        new("DA3", "Dự án 3: Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng", null, true),
        new("DA3.1", "Dự án 3 – Tiểu dự án 1: Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", "DA3", true),
        new("DA3.2", "Dự án 3 – Tiểu dự án 2: Cải thiện dinh dưỡng", "DA3", true),
        new("DA4", "Dự án 4: Phát triển giáo dục nghề nghiệp, việc làm bền vững", null, true),
        new("DA4.1", "Dự án 4 – Tiểu dự án 1: Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn", "DA4", true),
        new("DA4.2", "Dự án 4 – Tiểu dự án 2: Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng", "DA4", true),
        new("DA4.3", "Dự án 4 – Tiểu dự án 3: Hỗ trợ việc làm bền vững", "DA4", true),
        new("DA5", "Dự án 5: Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo", null, false),
        new("DA6", "Dự án 6: Truyền thông và giảm nghèo về thông tin", null, true),
        new("DA6.1", "Dự án 6 – Tiểu dự án 1: Giảm nghèo về thông tin", "DA6", true),
        new("DA6.2", "Dự án 6 – Tiểu dự án 2: Truyền thông về giảm nghèo đa chiều", "DA6", true),
        new("DA7", "Dự án 7: Nâng cao năng lực và giám sát, đánh giá Chương trình", null, true),
        new("DA7.1", "Dự án 7 – Tiểu dự án 1: Nâng cao năng lực thực hiện Chương trình", "DA7", true),
        new("DA7.2", "Dự án 7 – Tiểu dự án 2: Giám sát, đánh giá Chương trình", "DA7", true),
    ];

    private static readonly Dictionary<string, Component> ByCode = Components.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static Component? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>True when <paramref name="ancestor"/> is <paramref name="code"/>'s parent, grandparent, …</summary>
    public static bool IsAncestor(string ancestor, string code)
    {
        for (var c = Find(code); c?.ParentCode is { } parent; c = Find(parent))
            if (parent == ancestor) return true;
        return false;
    }
}
