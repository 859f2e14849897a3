using Workflow.Domain.Common;

namespace Workflow.Domain.Tests;

internal static class ViolationAssert
{
    /// <summary>
    /// Asserts that some violation at <paramref name="path"/> has a message containing every fragment
    /// (the rule number, the numbers compared as vi-VN shows them…), and returns it.
    /// </summary>
    public static Violation AssertBroken(IReadOnlyList<Violation> violations, string path, params string[] contains)
    {
        var match = violations.FirstOrDefault(v => v.Path == path && contains.All(f => v.Message.Contains(f, StringComparison.Ordinal)));
        Assert.True(match is not null, $"Expected a violation at '{path}' containing [{string.Join(" | ", contains)}]; got:{Describe(violations)}");
        return match;
    }

    /// <summary>Asserts that exactly these paths are broken (each once), so a perturbation breaks nothing else.</summary>
    public static void AssertBrokenPaths(IReadOnlyList<Violation> violations, params string[] paths)
    {
        var actual = violations.Select(v => v.Path).Order(StringComparer.Ordinal).ToArray();
        if (!actual.SequenceEqual(paths.Order(StringComparer.Ordinal)))
            Assert.Fail($"Expected violations at [{string.Join(", ", paths)}]; got:{Describe(violations)}");
    }

    public static void AssertValid(IReadOnlyList<Violation> violations)
    {
        if (violations.Count > 0)
            Assert.Fail($"Expected no violations; got:{Describe(violations)}");
    }

    private static string Describe(IReadOnlyList<Violation> violations) =>
        violations.Count == 0 ? " none" : string.Concat(violations.Select(v => $"\n  {v.Path}: {v.Message}"));
}
