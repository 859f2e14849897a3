using System.Collections.Concurrent;
using System.Diagnostics;
using Workflow.Bench.Generation;
using Workflow.Domain.Workflows;

namespace Workflow.Bench.Measurement;

/// <summary>
/// The officers one client plays on one plan line: the lead agency's clerk drafts and asks for money, the first economic
/// officer appraises, the chairman approves, the second economic officer approves the payment and the province's
/// treasury confirms it — a different person at each maker-checker step, as the processes require.
/// </summary>
public sealed record LifecycleClient(Guid LineId, string Clerk, string Finance1, string Finance2, string Chair, string Treasury)
{
    public IEnumerable<string> Users => [Clerk, Finance1, Finance2, Chair, Treasury];

    /// <summary>
    /// Client <paramref name="index"/>'s line: its own commune and line, never the measured plan's, on the three lines
    /// with the most money left (DA2, DA3.1, DA3.2), so clients never wait on each other's balance rows.
    /// </summary>
    public static LifecycleClient For(Manifest manifest, int index)
    {
        var others = manifest.Communes.Skip(1).ToList();
        var commune = others[index % others.Count];
        var line = commune.Lines[index / others.Count % 3];
        return new LifecycleClient(line.Id, line.Clerk, commune.Finance1, commune.Finance2, commune.Chair, commune.Treasury);
    }
}

/// <summary>What the requests of a load run took: one sample per request, by kind, with the moment it completed.</summary>
public sealed class Samples
{
    private readonly ConcurrentQueue<(string Kind, double Milliseconds, long CompletedAt, bool Ok)> _all = new();

    private readonly ConcurrentDictionary<(string Kind, int Status), string> _refusals = new();

    public void Add(string kind, Answer answer)
    {
        _all.Enqueue((kind, answer.Elapsed.TotalMilliseconds, Stopwatch.GetTimestamp(), answer.Ok));
        if (!answer.Ok) _refusals.TryAdd((kind, answer.Status), Reason(answer.Body));
    }

    /// <summary>A problem answer's code and detail; the body's start when it is not one.</summary>
    private static string Reason(string body)
    {
        try
        {
            var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
            var code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            if (code is not null || detail is not null) return $"{code} — {detail}";
        }
        catch (System.Text.Json.JsonException) { }
        return body.Length > 300 ? body[..300] : body;
    }

    /// <summary>The first answer of each kind and status that was not a success: what went wrong, once.</summary>
    public IEnumerable<string> Refusals => _refusals.Select(r => $"{r.Key.Kind} {r.Key.Status}: {r.Value}");

    /// <summary>The successful requests that completed inside the window.</summary>
    public List<(string Kind, double Milliseconds)> Within(long from, long to) =>
        _all.Where(s => s.Ok && s.CompletedAt >= from && s.CompletedAt <= to).Select(s => (s.Kind, s.Milliseconds)).ToList();

    public int Failures(long from, long to) => _all.Count(s => !s.Ok && s.CompletedAt >= from && s.CompletedAt <= to);

    public int Count => _all.Count;
}

/// <summary>
/// Drives proposals through the real lifecycle over HTTP: draft, submit, start appraisal, appraisal passed, approval
/// with its decision (money committed), then one payment created, requested, approved and confirmed by the treasury
/// (money disbursed). Each of these nine requests appends exactly one journal entry in one commit; the bench calls each
/// of them a transition (the two creations start a process: its first entry).
/// </summary>
public sealed class LifecycleDriver(ApiClient api, int fiscalYear)
{
    public const int TransitionsPerLifecycle = 9;

    /// <summary>Small enough that a client's line never runs out of money in a run: a million of state support.</summary>
    private const long StateSupport = 1_000_000;

    private int _sequence;

    /// <summary>Runs lifecycles one after another until <paramref name="stop"/>; a refused request abandons its proposal.</summary>
    public async Task RunAsync(LifecycleClient client, Samples samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
            await OneAsync(client, samples);
    }

    /// <summary>One proposal from draft to paid; false when a request was refused.</summary>
    public async Task<bool> OneAsync(LifecycleClient c, Samples samples)
    {
        var n = Interlocked.Increment(ref _sequence);
        var today = WorkingCalendar.VietnamToday(TimeProvider.System).ToString("yyyy-MM-dd");
        async Task<Answer?> Step(string kind, string user, string path, object body)
        {
            var answer = await api.PostAsync(user, path, body);
            samples.Add(kind, answer);
            return answer.Ok ? answer : null;
        }

        var created = await Step("proposal create", c.Clerk, "/api/proposals", new
        {
            planLineId = c.LineId,
            title = $"Mô hình nuôi gà thả vườn cho hộ cận nghèo (đo tải {n})",
            kind = "PovertyReductionModel",
            areaType = "Other",
            startDate = $"{fiscalYear}-03-01",
            endDate = $"{fiscalYear}-12-15",
            totalCost = StateSupport + 200_000,
            stateSupport = StateSupport,
            counterpart = new { cash = 0, labour = 200_000, inKind = 0 },
            beneficiaries = new { poor = 5, nearPoor = 15, newlyEscaped = 0, ethnicMinority = 2, disabled = 0, totalParticipants = 25 },
            contractValue = StateSupport,
        });
        if (created is null) return false;
        var proposal = $"/api/proposals/{created.Json.GetProperty("id").GetString()}/actions/";
        if (await Step("submit", c.Clerk, proposal + "submit", new { }) is null) return false;
        if (await Step("start-appraisal", c.Finance1, proposal + "start-appraisal", new { }) is null) return false;
        if (await Step("appraise-pass", c.Finance1, proposal + "appraise-pass", new { comment = "Hồ sơ đầy đủ, đúng đối tượng." }) is null) return false;
        if (await Step("approve", c.Chair, proposal + "approve", new { data = new { decisionNumber = $"{n}/QĐ-UBND", decisionDate = today } }) is null) return false;

        var payment = await Step("disbursement create", c.Clerk, $"/api/proposals/{created.Json.GetProperty("id").GetString()}/disbursements",
            new { kind = "Payment", amount = StateSupport });
        if (payment is null) return false;
        var disbursement = $"/api/disbursements/{payment.Json.GetProperty("id").GetString()}/actions/";
        if (await Step("request", c.Clerk, disbursement + "request", new { }) is null) return false;
        if (await Step("payment approve", c.Finance2, disbursement + "approve", new { }) is null) return false;
        return await Step("confirm-payment", c.Treasury, disbursement + "confirm-payment",
            new { data = new { treasuryReference = $"KB-DT-{n}", paidOn = today } }) is not null;
    }
}
