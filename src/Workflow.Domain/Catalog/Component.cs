namespace Workflow.Domain.Catalog;

/// <summary>A node of the program tree: a project (dự án) or a sub-project (tiểu dự án).</summary>
/// <param name="SectorCode">Mã ngành kinh tế (loại-khoản, 3 digits) its spending is classified under; null until the catalogue states it.</param>
/// <param name="EconomicContentCode">The usual mã NDKT (tiểu mục, 4 digits) of its payments; a payment may name another.</param>
public sealed record Component(string Code, string Name, string? ParentCode, bool InScope, string? SectorCode = null, string? EconomicContentCode = null);
