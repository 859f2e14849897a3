using System.Security.Cryptography;

namespace Workflow.Bench;

/// <summary>Where the bench finds the built application and keeps its databases, logs and results.</summary>
public sealed record BenchPaths(string RepositoryRoot)
{
    /// <summary>The server as run.sh published it (ReadyToRun, as docs/operations.md deploys it).</summary>
    public string AppDirectory => Path.Combine(RepositoryRoot, "bench", ".data", "app");

    /// <summary>Generated databases, logs and results: git-ignored, overwritten by the next run.</summary>
    public string DataDirectory => Path.Combine(RepositoryRoot, "bench", ".data");

    public string Database(string name) => Path.Combine(DataDirectory, name + ".db");

    public string Log(string name) => Path.Combine(DataDirectory, "logs", name + ".log");

    public static BenchPaths Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) return new BenchPaths(dir.FullName);
        throw new InvalidOperationException("Run the bench from inside the repository (no Workflow.sln above " + AppContext.BaseDirectory + ").");
    }
}

/// <summary>
/// The keys of one run, random and never written to the repository: the generator seals the journal and the ledger with
/// the journal key, and the server runs with the same one (as production keeps one key for its data).
/// </summary>
public sealed record BenchKeys(string SigningKey, string JournalKey)
{
    public static BenchKeys New() => new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        "base64:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
}
