namespace Workflow.Domain.Common;

/// <summary>The opening of every refusal: the RULES.md number and, where there is one, its legal source.</summary>
public static class RuleText
{
    public static string Prefix(int number, string? source = null) =>
        string.IsNullOrEmpty(source) ? $"Quy tắc {number}:" : $"Quy tắc {number} ({source}):";

    /// <summary>" (căn cứ: …)" after a value taken from a province's policy; empty when the value has no recorded basis.</summary>
    public static string Basis(string? basis) => string.IsNullOrWhiteSpace(basis) ? "" : $" (căn cứ: {basis})";
}
