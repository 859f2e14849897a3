using System.Reflection;

namespace Workflow.Cluster.Tests.Infrastructure;

/// <summary>Where things are, found from the test assembly: the repository root is the folder holding Workflow.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    /// <summary>The configuration this test assembly was built in (Release under scripts/test.sh).</summary>
    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Release";

    /// <summary><c>artifacts/cluster-tests</c> at the repository root (git-ignored), for the servers' logs.</summary>
    public static string Logs => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "cluster-tests")).FullName;

    /// <summary>The built app, preferring the test assembly's own configuration.</summary>
    public static string AppDll()
    {
        var candidates = new[] { Configuration, "Release", "Debug" }.Distinct(StringComparer.Ordinal)
            .Select(c => Path.Combine(Root, "src", "Workflow.Api", "bin", c, "net10.0", "Workflow.Api.dll"))
            .ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"The app is not built: none of {string.Join(", ", candidates)} exists. Build the solution first (scripts/test.sh does: dotnet build Workflow.sln -c Release).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No folder holding Workflow.sln above {AppContext.BaseDirectory}.");
    }
}
