using System.Globalization;
using System.Text;
using System.Text.Json;
using Workflow.Bench.Generation;
using Workflow.Bench.Measurement;

namespace Workflow.Bench.Report;

/// <summary>Everything one scale's session measured (P2, P3 and the writes before the incremental verification).</summary>
public sealed class ScaleResults
{
    public required int Scale { get; init; }
    public Counts? Counts { get; set; }
    public double GenerationSeconds { get; set; }
    public double DatabaseMiB { get; set; }
    public List<double> StartUps { get; } = [];
    public Dictionary<string, ReadLatency> Reads { get; } = [];
    public Verification? Full { get; set; }
    public string? FullSkipped { get; set; }
    public LoadResult? Writes { get; set; }
    public Verification? Incremental { get; set; }
}

/// <summary>P1 on PostgreSQL with a number of servers sharing the database: the raw rate of the same server beside each phase.</summary>
public sealed class PostgresLoad
{
    public required int Servers { get; init; }
    public required string Broker { get; init; }
    public List<CommitRate> RawCommits { get; } = [];
    public LoadResult? OneClient { get; set; }
    public LoadResult? ManyClients { get; set; }

    /// <summary>The mean of the raw measurements just before and just after the phase at that thread count.</summary>
    public double Raw(int threads) => RawCommits.Where(r => r.Threads == threads).Select(r => r.PerSecond).DefaultIfEmpty(double.NaN).Average();
}

/// <summary>The whole run: the machine, the baseline, P1 to P4 and each scale; printed as one table against the issue's targets.</summary>
public sealed class Results
{
    public required string Machine { get; init; }
    public required bool Quick { get; init; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public string? LoadBefore { get; set; }
    public string? LoadAfter { get; set; }
    public double TotalMinutes { get; set; }
    public string? SqliteSettings { get; set; }
    public List<CommitRate> RawCommits { get; } = [];
    public LoadResult? OneClient { get; set; }
    public LoadResult? ManyClients { get; set; }
    public double IdleMiB { get; set; }
    public double PeakMiB { get; set; }
    public SqlProfile? Sql { get; set; }
    public List<double> EmptyStartUps { get; } = [];
    public ImportResult? ProvinceYear { get; set; }
    public int ProvinceYearScale { get; set; }
    public List<ScaleResults> Scales { get; } = [];
    public string? PostgresSettings { get; set; }
    public List<PostgresLoad> Postgres { get; } = [];

    /// <summary>The raw rate at a thread count: the mean of the measurements just before and just after its P1 phase.</summary>
    private double Raw(int threads) => RawCommits.Where(r => r.Threads == threads).Select(r => r.PerSecond).DefaultIfEmpty(double.NaN).Average();

    public string Table()
    {
        var s = new StringBuilder();
        var scales = Scales.Select(x => x.Scale).ToList();
        var big = Scales.LastOrDefault();
        var small = Scales.FirstOrDefault();
        s.AppendLine($"| | measure | {string.Join(" | ", scales.Select(x => $"{x}×"))} | ratio | target | met |");
        s.AppendLine($"|---|---|{string.Concat(scales.Select(_ => "---:|"))}---:|---|---|");
        void Row(string part, string measure, IEnumerable<string> values, string ratio = "", string target = "", bool? met = null) =>
            s.AppendLine($"| {part} | {measure} | {string.Join(" | ", values)} | {ratio} | {target} | {(met is null ? "" : met.Value ? "yes" : "**no**")} |");
        IEnumerable<string> Single(string value) => scales.Select((_, i) => i == 0 ? value : "");

        foreach (var raw in RawCommits.GroupBy(r => r.Threads).Select(g => g.ToList()))
            Row("B", $"raw durable commits/s, {raw[0].Threads} thread{(raw[0].Threads > 1 ? "s" : "")}: before → after its P1 phase (mean)",
                Single($"{string.Join(" → ", raw.Select(r => N(r.PerSecond)))} ({N(Raw(raw[0].Threads))})"),
                $"p50 {F(raw.Average(r => r.P50), 2)} / p99 {F(raw.Average(r => r.P99), 1)} / max {F(raw.Max(r => r.Max), 0)} ms");

        if (OneClient is { } one)
            Row("P1", "transitions/s, 1 client (on 1×); ÷ raw commits/s, 1 thread", Single(N(one.PerSecond, 1)), Pct(one.PerSecond / Raw(1)));
        if (ManyClients is { } many)
        {
            var ratio = many.PerSecond / Raw(32);
            Row("P1", "transitions/s, 32 clients (on 1×); ÷ raw commits/s, 32 threads", Single(N(many.PerSecond, 1)), Pct(ratio), "≥ 13 %", ratio >= 0.13);
            Row("P1", "latency p50 / p99 / max, 32 clients (ms)", Single($"{F(many.P50, 1)} / {F(many.P99, 1)} / {F(many.Max, 0)}"), "", "p99 ≤ 50 ms", many.P99 <= 50);
        }
        if (OneClient is { } o) Row("P1", "latency p50 / p99 / max, 1 client (ms)", Single($"{F(o.P50, 1)} / {F(o.P99, 1)} / {F(o.Max, 0)}"));
        if (ManyClients is { } m)
        {
            Row("P1", "server CPU per transition, 32 clients (ms)", Single(F(m.CpuMsPerTransition, 2)), "", "≤ 1.5 ms", m.CpuMsPerTransition <= 1.5);
            Row("P1", "requests refused during the load (1 / 32 clients)", Single($"{OneClient?.Failures ?? 0} / {m.Failures}"));
            if (m.Backlog is { } owed)
                Row("P1", "background work owed at the start → end of the 32-client window: events unpublished; events not yet notices",
                    Single($"{N(owed.Start.Unpublished)} → {N(owed.End.Unpublished)}; {N(owed.Start.NoticesPending)} → {N(owed.End.NoticesPending)}"));
        }
        if (Sql is { } sql)
            Row("P1", "SQL commands per transition, mean / max (commits)", Single($"{F(sql.Commands, 1)} / {F(sql.MaxCommands, 0)} ({F(sql.Commits, 2)})"),
                $"background: {F(sql.BackgroundCommandsPerTransition, 1)} commands, {F(sql.BackgroundCommitsPerTransition, 2)} commits", "≤ 8, one commit",
                sql.MaxCommands <= 8 && Math.Abs(sql.Commits - 1) < 0.01);
        if (PeakMiB > 0)
            Row("P1", "RSS idle / peak under 32 clients (MiB)", Single($"{F(IdleMiB, 0)} / {F(PeakMiB, 0)}"), "", "≤ 250 MB", PeakMiB * 1.048576 <= 250);

        foreach (var pg in Postgres)
        {
            var servers = $"{pg.Servers} server{(pg.Servers > 1 ? "s" : "")}, {pg.Broker}";
            foreach (var raw in pg.RawCommits.GroupBy(r => r.Threads).Select(g => g.ToList()))
                Row("B-PG", $"raw durable commits/s on PostgreSQL, {raw[0].Threads} thread{(raw[0].Threads > 1 ? "s" : "")}: before → after ({servers} phase)",
                    Single($"{string.Join(" → ", raw.Select(r => N(r.PerSecond)))} ({N(pg.Raw(raw[0].Threads))})"),
                    $"p50 {F(raw.Average(r => r.P50), 2)} / p99 {F(raw.Average(r => r.P99), 1)} ms");
            if (pg.OneClient is { } one1)
                Row("P1-PG", $"transitions/s, 1 client, {servers}; ÷ raw, 1 thread — p50 / p99 (ms)", Single(N(one1.PerSecond, 1)),
                    $"{Pct(one1.PerSecond / pg.Raw(1))} — {F(one1.P50, 1)} / {F(one1.P99, 1)}");
            if (pg.ManyClients is { } many32)
            {
                Row("P1-PG", $"transitions/s, 32 clients, {servers}; ÷ raw, 32 threads — p50 / p99 (ms)", Single(N(many32.PerSecond, 1)),
                    $"{Pct(many32.PerSecond / pg.Raw(32))} — {F(many32.P50, 1)} / {F(many32.P99, 1)}");
                Row("P1-PG", $"servers' CPU per transition (ms), refused (1 / 32 clients), {servers}",
                    Single($"{F(many32.CpuMsPerTransition, 2)}, {pg.OneClient?.Failures ?? 0} / {many32.Failures}"));
            }
        }

        if (Scales.Count > 0)
        {
            Row("data", "plans / proposals / disbursements", Scales.Select(x => x.Counts is { } c ? $"{N(x.Scale * NationShape.CommunesPerScale + 1)} / {N(c.Proposals)} / {N(c.Disbursements)}" : ""));
            Row("data", "journal / ledger entries / tasks", Scales.Select(x => x.Counts is { } c ? $"{N(c.Journal)} / {N(c.Ledger)} / {N(c.Tasks)}" : ""));
            Row("data", "database size (MiB) / generated in (s)", Scales.Select(x => $"{N(x.DatabaseMiB)} / {F(x.GenerationSeconds, 0)}"));
            foreach (var (key, limit) in ReadTargets)
            {
                if (!Scales.All(x => x.Reads.ContainsKey(key))) continue;
                var first = small!.Reads[key].P50;
                var last = big!.Reads[key].P50;
                var ratio = last / first;
                Row("P2", $"{key}, p50 (ms)", Scales.Select(x => F(x.Reads[key].P50, 1)), $"{F(ratio, 2)}×",
                    $"≤ {limit} ms at 100×, ≤ 1.5×", last <= limit && ratio <= 1.5);
            }
            Row("P2", "verify, incremental after ~1,000 new entries (s)", Scales.Select(x => x.Incremental is { } v ? F(v.Seconds, 2) : ""),
                small?.Incremental is { } a && big?.Incremental is { } b ? $"{F(b.Seconds / a.Seconds, 2)}×" : "", "≤ 1 s at 100×",
                big?.Incremental is { } bi ? bi.Seconds <= 1 : null);
            Row("P2", "verify, full (s)", Scales.Select(x => x.Full is { } v ? (v.TimedOut ? $"> {F(v.Seconds, 0)} (stopped)" : $"{F(v.Seconds, 1)}{(v.Intact ? ", intact" : ", **not intact**")}") : x.FullSkipped ?? ""));
            Row("P2", "writes at scale, 4 clients: transitions/s, p50 (ms)", Scales.Select(x => x.Writes is { } w ? $"{N(w.PerSecond, 1)}, {F(w.P50, 1)}" : ""));
            var emptyStart = EmptyStartUps.Count > 0 ? Percentile.Of(EmptyStartUps, 50) : double.NaN;
            Row("P3", "start-up to healthy, median of 3 (s)", Scales.Select(x => x.StartUps.Count > 0 ? F(Percentile.Of(x.StartUps, 50), 2) : ""),
                EmptyStartUps.Count > 0 ? $"empty: {F(emptyStart, 2)} s; {big!.Scale}× ÷ empty {F(Percentile.Of(big.StartUps, 50) / emptyStart, 2)}×" : "",
                "≤ 1.5 s at 100×", big?.StartUps.Count > 0 ? Percentile.Of(big.StartUps, 50) <= 1.5 : null);
        }
        if (ProvinceYear is { } p4)
            Row("P4", $"a province's year: {p4.Plans} commune plans imported, total (s) — at {ProvinceYearScale}×; p50 / max per plan (ms)",
                Single(F(p4.Seconds, 2)), $"p50 {F(p4.P50, 0)} / max {F(p4.Max, 0)}{(p4.Refused > 0 ? $", {p4.Refused} refused" : "")}", "≤ 1 s", p4.Seconds <= 1 && p4.Refused == 0);
        return s.ToString();
    }

    /// <summary>The P2 reads, in the table's order, with the issue's limit at 100×.</summary>
    public static readonly IReadOnlyList<(string Key, int Limit)> ReadTargets =
    [
        ("plan report", 50), ("plan report CSV", 200), ("plan report Excel", 200),
        ("proposals, finance officer", 50), ("proposals, administrator", 50), ("proposals, lead agency", 50),
        ("inbox, finance officer", 50),
    ];

    public string Markdown()
    {
        var s = new StringBuilder();
        s.AppendLine($"Run of {StartedAt:yyyy-MM-dd HH:mm} UTC{(Quick ? " (--quick)" : "")}, {F(TotalMinutes, 1)} minutes.");
        s.AppendLine();
        s.AppendLine(Machine);
        s.AppendLine($"Load average before / after: {LoadBefore} / {LoadAfter}. SQLite: {SqliteSettings}." +
                     (PostgresSettings is null ? "" : $" PostgreSQL: {PostgresSettings}."));
        s.AppendLine();
        s.Append(Table());
        var refusals = new[] { OneClient, ManyClients }.Concat(Scales.Select(x => x.Writes)).Concat(Postgres.SelectMany(p => new[] { p.OneClient, p.ManyClients })).Where(r => r is not null).SelectMany(r => r!.Refusals).Distinct().ToList();
        if (refusals.Count > 0)
        {
            s.AppendLine();
            s.AppendLine("Requests refused during the load runs (the first of each kind and status):");
            s.AppendLine();
            foreach (var refusal in refusals) s.AppendLine($"- {refusal.ReplaceLineEndings(" ")}");
        }
        if (Sql is { } sql)
        {
            s.AppendLine();
            s.AppendLine("SQL per transition (commands / statements / commits):");
            s.AppendLine();
            foreach (var k in sql.Kinds) s.AppendLine($"- {k.Kind}: {F(k.Commands, 1)} / {F(k.Statements, 1)} / {F(k.Commits, 2)} ({k.Requests} requests)");
        }
        return s.ToString();
    }

    public string Json() => JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private static string N(double value, int decimals = 0) => double.IsNaN(value) ? "–" : value.ToString("N" + decimals, Culture);

    private static string F(double value, int decimals) => double.IsNaN(value) ? "–" : value.ToString("F" + decimals, Culture);

    private static string Pct(double ratio) => double.IsNaN(ratio) ? "–" : (ratio * 100).ToString("F1", Culture) + " %";
}
