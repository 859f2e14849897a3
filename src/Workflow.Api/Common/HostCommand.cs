namespace Workflow.Api.Common;

/// <summary>
/// The program's own verbs and switches, taken off the arguments before the host sees them:
/// <c>migrate</c> (apply migrations and exit) and <c>--seed-demo</c> (demo organisation outside Development).
/// </summary>
public sealed record HostCommand(string? Name, bool SeedDemo, string[] HostArgs)
{
    private static readonly string[] Verbs = ["migrate"];

    public static HostCommand Parse(string[] args)
    {
        var name = args.FirstOrDefault(a => Verbs.Contains(a, StringComparer.Ordinal));
        var seedDemo = args.Contains("--seed-demo", StringComparer.Ordinal);
        var rest = args.Where(a => a != name && a != "--seed-demo").ToArray();
        return new HostCommand(name, seedDemo, rest);
    }
}
