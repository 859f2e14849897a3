using System.Diagnostics;
using Workflow.Api.Features.Plans;
using Workflow.Bench.Generation;

namespace Workflow.Bench.Measurement;

/// <summary>A read's latency: the median (and 90th percentile) of its repetitions after warm-up, on an idle server.</summary>
public sealed record ReadLatency(string Name, double P50, double P90, int Repetitions, int Bytes);

/// <summary>P2: what a user waits for one page, one report, one export, one verification, one client at a time.</summary>
public static class Reads
{
    public static async Task<ReadLatency> MeasureAsync(ApiClient api, string name, string user, string path, int warmUp, int repetitions)
    {
        Answer last = null!;
        for (var i = 0; i < warmUp; i++) last = Expect(await api.GetAsync(user, path), name);
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            last = Expect(await api.GetAsync(user, path), name);
            times.Add(last.Elapsed.TotalMilliseconds);
        }
        return new ReadLatency(name, Percentile.Of(times, 50), Percentile.Of(times, 90), repetitions, last.Body.Length);
    }

    private static Answer Expect(Answer answer, string name) =>
        answer.Ok ? answer : throw new InvalidOperationException($"{name}: {answer.Status} {answer.Body[..Math.Min(answer.Body.Length, 500)]}");
}

/// <summary>A verification's outcome: how long it took, whether the journal was intact, and how much it checked.</summary>
public sealed record Verification(double Seconds, bool Intact, long Entries, long LedgerEntries, bool TimedOut)
{
    public override string ToString() => TimedOut ? $"> {Seconds:F0} s (stopped)" : $"{Seconds:F2} s, intact {Intact}, {Entries:N0} journal and {LedgerEntries:N0} ledger entries checked";
}

public static class Verify
{
    /// <summary><c>GET /api/audit/verify</c> (incremental from the last verified point) or <c>?full=true</c>, given up after <paramref name="limit"/>.</summary>
    public static async Task<Verification> RunAsync(ApiClient api, string user, bool full, TimeSpan limit)
    {
        using var patience = new CancellationTokenSource(limit);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await api.GetAsync(user, full ? "/api/audit/verify?full=true" : "/api/audit/verify", patience.Token);
            if (!answer.Ok) throw new InvalidOperationException($"verify: {answer.Status} {answer.Body[..Math.Min(answer.Body.Length, 500)]}");
            var report = answer.Json;
            return new Verification(answer.Elapsed.TotalSeconds, report.GetProperty("intact").GetBoolean(),
                report.GetProperty("entries").GetInt64(), report.GetProperty("ledgerEntries").GetInt64(), false);
        }
        catch (OperationCanceledException)
        {
            return new Verification(Stopwatch.GetElapsedTime(started).TotalSeconds, false, 0, 0, true);
        }
    }
}

/// <summary>A province's year: its finance office imports one plan file per commune, one after another.</summary>
public sealed record ImportResult(int Plans, double Seconds, double P50, double Max, int Refused);

/// <summary>
/// P4: the 100 communes of the province <c>NK</c> exist with their agencies (administration made them) and the
/// province's policy for the year is in force; its finance officer posts each commune's plan file to
/// <c>POST /api/plans/import</c>, as the import page would, and the bench times the whole year's import.
/// </summary>
public static class ProvinceYear
{
    public static async Task<ImportResult> ImportAsync(ApiClient api, Manifest manifest)
    {
        var province = manifest.Import;
        await api.SignInAsync([province.Finance]);
        var files = province.Communes.Select(c => PlanFile.Write(PlanFiles.Content(c.Code, c.Name, province.Code, province.Name,
            c.AgricultureName, c.CultureName, manifest.FiscalYear, DateTimeOffset.UtcNow))).ToList();
        var times = new List<double>();
        var refused = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var file in files)
        {
            var answer = await api.PostAsync(province.Finance, "/api/plans/import", file);
            times.Add(answer.Elapsed.TotalMilliseconds);
            if (answer.Status != 201)
            {
                refused++;
                if (refused == 1) Console.WriteLine($"    P4: an import was refused: {answer.Status} {answer.Body[..Math.Min(answer.Body.Length, 400)]}");
            }
        }
        return new ImportResult(files.Count, Stopwatch.GetElapsedTime(started).TotalSeconds, Percentile.Of(times, 50), times.Max(), refused);
    }
}
