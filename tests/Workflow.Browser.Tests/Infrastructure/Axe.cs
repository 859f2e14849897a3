using System.Text.Json;
using Microsoft.Playwright;

namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core, the accessibility checker, run inside a page against WCAG 2.1 A and AA. scripts/test.sh installs it with
/// npm into the git-ignored <c>.tools/axe-core</c>; the page's context must let injected scripts run
/// (<see cref="BrowserTest.NewPageForAuditAsync"/>).
/// </summary>
public static class Axe
{
    public static string ScriptPath =>
        Path.Combine(RepoPaths.Root, ".tools", "axe-core", "node_modules", "axe-core", "axe.min.js");

    /// <summary>One rule broken on one element.</summary>
    public sealed record Violation(string Rule, string Impact, string Help, string Target);

    /// <summary>The serious and critical WCAG 2.1 A/AA violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(ScriptPath))
            Assert.Fail($"axe-core is not installed at {ScriptPath}: run scripts/test.sh once (it installs axe-core with npm into .tools/axe-core).");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                if (result.passes.length === 0) throw new Error('axe-core checked nothing on the page');
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => ({ rule: v.id, impact: v.impact, help: v.help, target: n.target.join(' ') })));
            }
            """);
        return [.. found.EnumerateArray().Select(v => new Violation(
            v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!, v.GetProperty("target").GetString()!))];
    }
}
