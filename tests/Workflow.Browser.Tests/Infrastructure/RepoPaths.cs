using System.Reflection;

namespace Workflow.Browser.Tests.Infrastructure;

/// <summary>Where things are, found from the test assembly: the repository root is the folder holding Workflow.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootValue = new(FindRoot);

    public static string Root => RootValue.Value;

    /// <summary>The configuration this test assembly was built in (Release under scripts/test.sh).</summary>
    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Release";

    /// <summary><c>artifacts/screenshots</c> at the repository root (git-ignored), created on first use.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;

    /// <summary><c>artifacts/browser-tests</c> at the repository root, for the app's log.</summary>
    public static string Logs => Directory.CreateDirectory(Path.Combine(Root, "artifacts", "browser-tests")).FullName;

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
