using Workflow.Bench.Generation;

namespace Workflow.Bench;

/// <summary>
/// <c>run [--quick]</c>: the whole bench (bench/run.sh builds first, then calls this); prints one table and writes it
/// with the details to bench/.data/results.md and results.json; <c>--sqlite-only</c> leaves out P1 on PostgreSQL.
/// <c>generate SCALE FILE</c>: only a database at a scale, sealed with a new key printed on standard error, for a
/// look at the data or a server started by hand (Audit__JournalKey=that key). <c>generate-postgres SCALE SERVER DATABASE</c>:
/// the same into a PostgreSQL database (created anew) on the server of a connection string without a database.
/// <c>p1-postgres</c>: the run's P1 on PostgreSQL alone (one and three servers, RabbitMQ; starts both as the run does).
/// <c>p1 [CLIENTS]</c>: P1 alone on a fresh 1× database, the full window, and the SQL per transition — for working on
/// the write path; it prints the server's process id before the window, for a profiler to attach (perf, dotnet-trace).
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var paths = BenchPaths.Find();
        switch (args)
        {
            case [] or ["run", ..] when args.Skip(1).All(a => a is "--quick" or "--sqlite-only"):
                var results = await new BenchRun(paths, new RunSettings(Quick: args.Contains("--quick"), Postgres: !args.Contains("--sqlite-only"))).RunAsync();
                var markdown = results.Markdown();
                await File.WriteAllTextAsync(Path.Combine(paths.DataDirectory, "results.md"), markdown);
                await File.WriteAllTextAsync(Path.Combine(paths.DataDirectory, "results.json"), results.Json());
                Console.WriteLine();
                Console.WriteLine(markdown);
                Console.WriteLine($"Written to {Path.Combine(paths.DataDirectory, "results.md")} (and results.json).");
                return 0;
            case ["p1"]:
                await new BenchRun(paths, new RunSettings(Quick: false, Postgres: false)).LifecycleOnlyAsync(32);
                return 0;
            case ["p1", var count] when int.TryParse(count, out var clients) && clients > 0:
                await new BenchRun(paths, new RunSettings(Quick: false, Postgres: false)).LifecycleOnlyAsync(clients);
                return 0;
            case ["p1-postgres"]:
                await new BenchRun(paths, new RunSettings(Quick: false, Postgres: true)).PostgresOnlyAsync();
                return 0;
            case ["generate", var scale, var file] when int.TryParse(scale, out var n) && n > 0:
                var keys = BenchKeys.New();
                Console.Error.WriteLine($"Audit__JournalKey={keys.JournalKey}");
                var manifest = await new Generator(paths.RepositoryRoot, Console.Out).GenerateAsync(new NationShape(n), BenchDatabase.Sqlite(Path.GetFullPath(file)), keys.JournalKey);
                manifest.Save(Path.ChangeExtension(Path.GetFullPath(file), ".manifest.json"));
                return 0;
            case ["generate-postgres", var scale, var server, var name] when int.TryParse(scale, out var n) && n > 0:
                var pgKeys = BenchKeys.New();
                Console.Error.WriteLine($"Audit__JournalKey={pgKeys.JournalKey}");
                var pgManifest = await new Generator(paths.RepositoryRoot, Console.Out).GenerateAsync(new NationShape(n), new PostgresDatabase(server, name), pgKeys.JournalKey);
                pgManifest.Save(Path.Combine(Directory.CreateDirectory(paths.DataDirectory).FullName, name + ".manifest.json"));
                return 0;
            default:
                Console.Error.WriteLine("usage: Workflow.Bench [run] [--quick] [--sqlite-only] | p1 [CLIENTS] | p1-postgres | generate SCALE FILE | generate-postgres SCALE SERVER DATABASE");
                return 2;
        }
    }
}
