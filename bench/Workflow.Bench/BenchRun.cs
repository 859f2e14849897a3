using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Workflow.Bench.Generation;
using Workflow.Bench.Measurement;
using Workflow.Bench.Report;

namespace Workflow.Bench;

/// <summary>
/// How long and how often each part measures: the full run, or --quick (1× and 10×, shorter windows); P1 on PostgreSQL
/// with one and three servers sharing a RabbitMQ broker, unless --sqlite-only.
/// </summary>
public sealed record RunSettings(bool Quick, bool Postgres = true)
{
    public int[] PostgresServerCounts => [1, 3];

    public int[] Scales => Quick ? [1, 10] : [1, 10, 100];
    public TimeSpan RawWarmUp => TimeSpan.FromSeconds(1);
    public TimeSpan RawWindow => TimeSpan.FromSeconds(Quick ? 5 : 10);
    public TimeSpan LoadWarmUp => TimeSpan.FromSeconds(Quick ? 5 : 10);
    public TimeSpan LoadWindow => TimeSpan.FromSeconds(Quick ? 15 : 40);
    public int ReadWarmUp => 3;
    public int ReadRepetitions => Quick ? 10 : 20;
    public int StartUps => 3;
    public int SqlLifecycles => Quick ? 5 : 10;

    /// <summary>New journal entries before the timed incremental verification.</summary>
    public int EntriesBeforeVerify => 1_000;

    /// <summary>A full verification is given up after this, and not tried at a scale where it would take longer.</summary>
    public TimeSpan FullVerifyLimit => TimeSpan.FromMinutes(Quick ? 2 : 5);
}

/// <summary>
/// The whole bench in one process, in an order that lets machine noise hit both sides of every ratio: the raw commit
/// rate just before P1, every scale measured by the same code on the same server build, the scales one after another.
/// </summary>
public sealed class BenchRun(BenchPaths paths, RunSettings plan)
{
    private readonly BenchKeys _keys = BenchKeys.New();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<Results> RunAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Log("x"))!);
        var results = new Results { Machine = Machine(), Quick = plan.Quick, LoadBefore = LoadAverage() };
        Say($"{results.Machine}\nload average {results.LoadBefore}");

        foreach (var scale in plan.Scales)
        {
            var shape = new NationShape(scale);
            var database = paths.Database($"x{scale}");
            Say($"{scale}×: generating ({shape})");
            var manifest = await new Generator(paths.RepositoryRoot, Console.Out).GenerateAsync(shape, BenchDatabase.Sqlite(database), _keys.JournalKey);
            manifest.Save(Path.ChangeExtension(database, ".manifest.json"));
            var session = new ScaleResults
            {
                Scale = scale, Counts = manifest.Counts, GenerationSeconds = manifest.GenerationSeconds,
                DatabaseMiB = BenchDatabase.Sqlite(database).SizeMiB(),
            };
            results.Scales.Add(session);

            if (scale == 1)
            {
                // P1 runs on its own copy of the fresh 1× database: the P2 session below writes to this one
                var p1 = paths.Database("p1");
                File.Copy(database, p1, overwrite: true);
                await MeasureScaleAsync(session, database, manifest, results, provinceYear: false);
                await LifecycleLoadAsync(results, p1, manifest);
            }
            else
            {
                await MeasureScaleAsync(session, database, manifest, results, provinceYear: scale == plan.Scales[^1]);
            }
        }

        if (plan.Postgres)
        {
            Say("P1 on PostgreSQL: starting PostgreSQL and RabbitMQ (bench/servers.sh)");
            await using var servers = await BenchServers.StartAsync(paths, paths.Log("servers"));
            foreach (var count in plan.PostgresServerCounts)
                results.Postgres.Add(await PostgresLoadAsync(results, new PostgresDatabase(servers.Postgres, "workflow_bench"), servers.RabbitMq, count));
        }

        Say("P3: start-up of an empty database (migrated by the program's own migrate verb)");
        var empty = paths.Database("empty");
        foreach (var file in new[] { empty, empty + "-wal", empty + "-shm" }) File.Delete(file);
        var migrated = await AppProcess.RunVerbAsync(paths, BenchDatabase.Sqlite(empty), _keys, paths.Log("migrate-empty"), "migrate");
        if (migrated != 0) throw new InvalidOperationException($"migrate exited with {migrated}; see {paths.Log("migrate-empty")}");
        for (var i = 0; i < plan.StartUps; i++)
        {
            await using var app = await AppProcess.StartAsync(paths, BenchDatabase.Sqlite(empty), _keys, paths.Log($"empty-start-{i + 1}"));
            results.EmptyStartUps.Add(app.StartUp.TotalSeconds);
        }
        Say($"  {string.Join(", ", results.EmptyStartUps.Select(s => $"{s:F2} s"))}");

        results.LoadAfter = LoadAverage();
        results.TotalMinutes = _clock.Elapsed.TotalMinutes;
        return results;
    }

    /// <summary>P1 alone: a fresh 1× database, the raw baseline and the load at <paramref name="clients"/> beside it, the SQL count.</summary>
    public async Task LifecycleOnlyAsync(int clients)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Log("x"))!);
        var database = paths.Database("p1");
        var manifest = await new Generator(paths.RepositoryRoot, Console.Out).GenerateAsync(new NationShape(1), BenchDatabase.Sqlite(database), _keys.JournalKey);
        var results = new Results { Machine = Machine(), Quick = false, LoadBefore = LoadAverage() };
        Say($"{results.Machine}\nload average {results.LoadBefore}");
        await using (var app = await AppProcess.StartAsync(paths, BenchDatabase.Sqlite(database), _keys, paths.Log("p1")))
        {
            Say($"P1: server started in {app.StartUp.TotalSeconds:F2} s");
            using var api = new ApiClient(app.BaseUrl, manifest.Password);
            var drivers = Enumerable.Range(0, clients).Select(i => LifecycleClient.For(manifest, i)).ToList();
            await api.SignInAsync(drivers.SelectMany(c => c.Users));
            Say($"P1: server idle at {app.ResidentMiB():F0} MiB; process id {app.Id}; warm-up {plan.LoadWarmUp.TotalSeconds:F0} s, window {plan.LoadWindow.TotalSeconds:F0} s");
            Baseline(results, clients);
            var peak = 0.0;
            var load = await Load.MeasureAsync([app], new LifecycleDriver(api, manifest.FiscalYear), drivers, plan.LoadWarmUp, plan.LoadWindow,
                async until => peak = await app.PeakResidentMiBAsync(until), () => Backlog.OfSqliteAsync(database));
            Say($"  {load}; peak {peak:F0} MiB");
            Say($"  background work owed: {load.Backlog!.Start} at the window's start; {load.Backlog.End} at its end");
            Baseline(results, clients);
            Say($"  ÷ raw: {load.PerSecond / results.RawCommits.Average(r => r.PerSecond):P1}");
            foreach (var refusal in load.Refusals) Say($"    refused: {refusal}");
        }
        var sql = await SqlCount.MeasureAsync(paths, database, _keys, manifest, plan.SqlLifecycles);
        foreach (var kind in sql.Kinds) Say($"  {kind.Kind}: {kind.Commands:F1} commands, {kind.Statements:F1} statements, {kind.Commits:F2} commits");
        Say($"  mean {sql.Commands:F1} commands per transition, max {sql.MaxCommands:F0}, {sql.Commits:F2} commits; background {sql.BackgroundCommandsPerTransition:F1} commands, {sql.BackgroundCommitsPerTransition:F2} commits");
    }

    /// <summary>P1 on PostgreSQL alone: the full run's PostgreSQL part (one server, then three, sharing RabbitMQ), each beside its raw rate.</summary>
    public async Task PostgresOnlyAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(paths.Log("x"))!);
        var results = new Results { Machine = Machine(), Quick = false, LoadBefore = LoadAverage() };
        Say($"{results.Machine}\nload average {results.LoadBefore}");
        await using var servers = await BenchServers.StartAsync(paths, paths.Log("servers"));
        foreach (var count in plan.PostgresServerCounts)
            await PostgresLoadAsync(results, new PostgresDatabase(servers.Postgres, "workflow_bench"), servers.RabbitMq, count);
        Say($"load average {LoadAverage()}");
    }

    /// <summary>
    /// The raw commit rate at a thread count, measured right next to the P1 phase it is compared with (just before and
    /// just after it), so that whatever else the machine does in those minutes weighs on both sides of the ratio.
    /// </summary>
    private void Baseline(Results results, int threads)
    {
        var database = paths.Database("raw");
        results.SqliteSettings = RawCommits.Setup(database);
        var rate = RawCommits.Measure(database, threads, plan.RawWarmUp, plan.RawWindow);
        results.RawCommits.Add(rate);
        Say($"  raw durable commits, {threads} thread{(threads > 1 ? "s" : "")}: {rate.PerSecond:N0}/s, p50 {rate.P50:F2} ms, p99 {rate.P99:F1} ms, max {rate.Max:F0} ms");
    }

    /// <summary>P3 (start-up), P2 (reads, verification) and, at the largest scale, P4 (a province's year) on one generated database.</summary>
    private async Task MeasureScaleAsync(ScaleResults session, string database, Manifest manifest, Results results, bool provinceYear)
    {
        var scale = session.Scale;
        AppProcess? app = null;
        for (var i = 0; i < plan.StartUps; i++)
        {
            if (app is not null) await app.DisposeAsync();
            app = await AppProcess.StartAsync(paths, BenchDatabase.Sqlite(database), _keys, paths.Log($"x{scale}-start-{i + 1}"));
            session.StartUps.Add(app.StartUp.TotalSeconds);
        }
        Say($"  P3 start-up: {string.Join(", ", session.StartUps.Select(s => $"{s:F2} s"))}");
        await using var server = app!;
        using var api = new ApiClient(server.BaseUrl, manifest.Password);
        await api.SignInAsync([manifest.MeasuredFinance, manifest.MeasuredLeadAgency, manifest.NationalAdmin]);

        var report = $"/api/reports/plans/{manifest.MeasuredPlanId}";
        (string Name, string User, string Path)[] reads =
        [
            ("plan report", manifest.MeasuredFinance, report),
            ("plan report CSV", manifest.MeasuredFinance, report + "/export?format=csv"),
            ("plan report Excel", manifest.MeasuredFinance, report + "/export?format=xlsx"),
            ("proposals, finance officer", manifest.MeasuredFinance, "/api/proposals?page=1&pageSize=20"),
            ("proposals, administrator", manifest.NationalAdmin, "/api/proposals?page=1&pageSize=20"),
            ("proposals, lead agency", manifest.MeasuredLeadAgency, "/api/proposals?page=1&pageSize=20"),
            ("inbox, finance officer", manifest.MeasuredFinance, "/api/tasks"),
        ];
        foreach (var (name, user, path) in reads)
        {
            var read = await Reads.MeasureAsync(api, name, user, path, plan.ReadWarmUp, plan.ReadRepetitions);
            session.Reads[name] = read;
            Say($"  P2 {name}: p50 {read.P50:F1} ms, p90 {read.P90:F1} ms ({read.Bytes:N0} characters)");
        }

        // full verification: at 1× always (it proves the generated data intact); above, only when the smaller scale's
        // time, grown with the data, fits the limit
        var previous = results.Scales.Where(s => s.Scale < scale && s.Full is { TimedOut: false }).LastOrDefault();
        var projected = previous is null ? 0 : previous.Full!.Seconds * scale / previous.Scale;
        if (scale == 1 || (previous is not null && projected <= plan.FullVerifyLimit.TotalSeconds))
        {
            session.Full = await Verify.RunAsync(api, manifest.NationalAdmin, full: true, plan.FullVerifyLimit);
            Say($"  P2 full verification: {session.Full}");
            if (scale == 1 && session.Full is { Intact: false } or { TimedOut: true })
                throw new InvalidOperationException("The generated 1× database does not verify intact; the generator no longer writes what the application would.");
        }
        else
        {
            session.FullSkipped = previous is null ? $"> {plan.FullVerifyLimit.TotalSeconds:F0}, skipped" : $"~{projected:F0} projected, skipped";
            Say($"  P2 full verification skipped: {session.FullSkipped}");
        }

        // the incremental verification: warm, then ~1,000 new entries written by four clients, then timed
        await Verify.RunAsync(api, manifest.NationalAdmin, full: false, plan.FullVerifyLimit);
        var driver = new LifecycleDriver(api, manifest.FiscalYear);
        var clients = Enumerable.Range(0, 4).Select(i => LifecycleClient.For(manifest, i)).ToList();
        await api.SignInAsync(clients.SelectMany(c => c.Users));
        session.Writes = await WriteEntriesAsync(server, driver, clients, plan.EntriesBeforeVerify);
        Say($"  writes at {scale}×: {session.Writes}");
        foreach (var refusal in session.Writes.Refusals) Say($"    refused: {refusal}");
        session.Incremental = await Verify.RunAsync(api, manifest.NationalAdmin, full: false, plan.FullVerifyLimit);
        Say($"  P2 incremental verification: {session.Incremental}");

        if (provinceYear)
        {
            results.ProvinceYear = await ProvinceYear.ImportAsync(api, manifest);
            results.ProvinceYearScale = scale;
            Say($"  P4 {results.ProvinceYear.Plans} commune plans: {results.ProvinceYear.Seconds:F2} s (p50 {results.ProvinceYear.P50:F0} ms per plan, {results.ProvinceYear.Refused} refused)");
        }
    }

    /// <summary>Lifecycles by several clients until <paramref name="entries"/> journal entries were appended.</summary>
    private static async Task<LoadResult> WriteEntriesAsync(AppProcess app, LifecycleDriver driver, IReadOnlyList<LifecycleClient> clients, int entries)
    {
        var samples = new Samples();
        var from = Stopwatch.GetTimestamp();
        var cpuBefore = app.CpuTime();
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            while (samples.Count < entries) await driver.OneAsync(c, samples);
        })));
        var to = Stopwatch.GetTimestamp();
        var done = samples.Within(from, to);
        var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        var latencies = done.Select(s => s.Milliseconds).ToList();
        return new LoadResult(clients.Count, seconds, done.Count, samples.Failures(from, to), done.Count / seconds, Percentile.Of(latencies, 50),
            Percentile.Of(latencies, 99), latencies.Max(), (app.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, done.Count), samples.Refusals.ToList());
    }

    /// <summary>P1 on a fresh 1× copy: one client, then 32, with the server's memory watched; then the SQL behind each transition.</summary>
    private async Task LifecycleLoadAsync(Results results, string database, Manifest manifest)
    {
        await using (var app = await AppProcess.StartAsync(paths, BenchDatabase.Sqlite(database), _keys, paths.Log("p1")))
        {
            using var api = new ApiClient(app.BaseUrl, manifest.Password);
            var clients = Enumerable.Range(0, 32).Select(i => LifecycleClient.For(manifest, i)).ToList();
            await api.SignInAsync(clients.SelectMany(c => c.Users));
            await Task.Delay(TimeSpan.FromSeconds(2));
            results.IdleMiB = app.ResidentMiB();
            Say($"P1: server idle at {results.IdleMiB:F0} MiB");
            var driver = new LifecycleDriver(api, manifest.FiscalYear);

            // the raw baseline runs on the same disk while the server idles (its background services poll every few seconds)
            Baseline(results, 1);
            results.OneClient = await Load.MeasureAsync([app], driver, clients.Take(1).ToList(), plan.LoadWarmUp, plan.LoadWindow);
            Say($"  {results.OneClient}");
            Baseline(results, 1);
            Baseline(results, 32);
            foreach (var refusal in results.OneClient.Refusals) Say($"    refused: {refusal}");
            var peak = 0.0;
            results.ManyClients = await Load.MeasureAsync([app], driver, clients, plan.LoadWarmUp, plan.LoadWindow,
                async until => peak = await app.PeakResidentMiBAsync(until), () => Backlog.OfSqliteAsync(database));
            results.PeakMiB = peak;
            Say($"  {results.ManyClients}; peak {peak:F0} MiB");
            Say($"  background work owed: {results.ManyClients.Backlog!.Start} at the window's start; {results.ManyClients.Backlog.End} at its end");
            Baseline(results, 32);
            foreach (var refusal in results.ManyClients.Refusals) Say($"    refused: {refusal}");
        }
        Say("P1: SQL per transition (EF command logging switched on by configuration)");
        results.Sql = await SqlCount.MeasureAsync(paths, database, _keys, manifest, plan.SqlLifecycles);
        foreach (var kind in results.Sql.Kinds) Say($"  {kind.Kind}: {kind.Commands:F1} commands, {kind.Statements:F1} statements, {kind.Commits:F2} commits");
    }

    /// <summary>
    /// P1 on PostgreSQL with <paramref name="count"/> servers sharing one database and the broker:
    /// a fresh 1× generation, so every server count starts from the same data; the raw commit rate of the same
    /// PostgreSQL server next to each phase; 32 clients whose requests go to the servers in turn.
    /// </summary>
    private async Task<PostgresLoad> PostgresLoadAsync(Results results, PostgresDatabase database, string broker, int count)
    {
        Say($"P1 on PostgreSQL, {count} server{(count > 1 ? "s" : "")} and RabbitMQ: generating 1×");
        var manifest = await new Generator(paths.RepositoryRoot, Console.Out).GenerateAsync(new NationShape(1), database, _keys.JournalKey);
        results.PostgresSettings = await PostgresRawCommits.SetupAsync(database);
        var bus = new Dictionary<string, string> { ["Bus__Transport"] = "RabbitMq", ["Bus__RabbitMq__Uri"] = broker };
        var servers = new List<AppProcess>();
        try
        {
            for (var i = 0; i < count; i++)
                servers.Add(await AppProcess.StartAsync(paths, database, _keys, paths.Log($"postgres-{count}-server-{i + 1}"), bus));
            using var api = new ApiClient(servers.Select(s => s.BaseUrl).ToList(), manifest.Password);
            var clients = Enumerable.Range(0, 32).Select(i => LifecycleClient.For(manifest, i)).ToList();
            await api.SignInAsync(clients.SelectMany(c => c.Users));
            var driver = new LifecycleDriver(api, manifest.FiscalYear);
            var load = new PostgresLoad { Servers = count, Broker = "RabbitMQ" };

            CommitRate Raw(int threads)
            {
                var rate = PostgresRawCommits.Measure(database, threads, plan.RawWarmUp, plan.RawWindow);
                load.RawCommits.Add(rate);
                Say($"  raw durable commits on PostgreSQL, {threads} thread{(threads > 1 ? "s" : "")}: {rate.PerSecond:N0}/s, p50 {rate.P50:F2} ms, p99 {rate.P99:F1} ms");
                return rate;
            }

            Raw(1);
            load.OneClient = await Load.MeasureAsync(servers, driver, clients.Take(1).ToList(), plan.LoadWarmUp, plan.LoadWindow);
            Say($"  {load.OneClient}");
            Raw(1);
            Raw(32);
            load.ManyClients = await Load.MeasureAsync(servers, driver, clients, plan.LoadWarmUp, plan.LoadWindow);
            Say($"  {load.ManyClients}");
            Raw(32);
            foreach (var refusal in load.OneClient.Refusals.Concat(load.ManyClients.Refusals).Distinct()) Say($"    refused: {refusal}");
            return load;
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }

    private void Say(string line) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {line}");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Cores, memory, processor, disk, system, .NET and SQLite, as the run found them.</summary>
    private string Machine()
    {
        static string Read(string file, string prefix) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "?" : RuntimeInformation.OSDescription;
        var memory = double.TryParse(Read("/proc/meminfo", "MemTotal").Split(' ')[0], out var kib) ? $"{kib / 1024 / 1024:F1} GiB" : "?";
        Directory.CreateDirectory(paths.DataDirectory);
        var disk = Run("df", "-hT", paths.DataDirectory).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "?";
        using var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        using var version = sqlite.CreateCommand();
        version.CommandText = "select sqlite_version()";
        return $"Machine: {Environment.ProcessorCount} cores ({Read("/proc/cpuinfo", "model name")}), {memory} memory; " +
               $"disk {string.Join(" ", disk.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))} (filesystem, type, size); {os}, kernel {Environment.OSVersion.Version}; " +
               $"{RuntimeInformation.FrameworkDescription}; SQLite {version.ExecuteScalar()} (e_sqlite3).";
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
