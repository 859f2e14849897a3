namespace Workflow.Domain.Catalog;

/// <summary>A node of the program tree: a project (dự án) or a sub-project (tiểu dự án).</summary>
public sealed record Component(string Code, string Name, string? ParentCode, bool InScope);
