using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Cluster.Tests.Infrastructure;
using Workflow.Domain.Catalog;

namespace Workflow.Cluster.Tests;

/// <summary>
/// The chairman approves twenty appraised proposals on one plan line at once, his requests spread over the three
/// servers, when the line holds money for only some of them. Whatever server takes which request, the line is never
/// overspent, every proposal the money covers is approved, and a refusal is only ever the money running out — never a
/// lost race between servers on a dossier nobody else touched.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrentApprovalTests(AppCluster cluster)
{
    private const string Component = "DA3.1";
    private const long Support = 92_000_000; // 80 / 8 / 4 million on a 20 : 2 : 1 line

    [Fact]
    public async Task Approve_WhenTwentyApprovalsRaceOverThreeServersForALineThatHoldsSomeOfThem_NeverOverspendsAndRefusesOnlyForMoney()
    {
        var finance = await cluster.As(TanKhai.Finance);
        var planId = await TanKhai.PlanIdAsync(finance);
        var lineId = await TanKhai.LineIdAsync(finance, Component);
        var original = await finance.GetJsonAsync($"/api/plans/{planId}/export");

        // room for twenty pending proposals while they are submitted (rule 9 counts the pending ones) …
        using (var raised = await finance.PostAsync($"/api/plans/{planId}/revisions", ClusterApi.Json(Raised(original))))
            await raised.ExpectAsync(HttpStatusCode.Created);
        var ids = new Guid[20];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var clerk = await cluster.As(TanKhai.Clerk, i % AppCluster.Size);
            var officer = await cluster.As(TanKhai.Finance, (i + 1) % AppCluster.Size);
            var id = await clerk.CreateProposalOkAsync(TanKhai.Model(lineId, Support, $"Mô hình trồng bưởi xã Tân Khai số {i + 1}"));
            await clerk.ActOkAsync(id, "submit");
            await officer.ActOkAsync(id, "start-appraisal");
            await officer.ActOkAsync(id, "appraise-pass", "Hồ sơ đầy đủ, đúng đối tượng.");
            ids[i] = id;
        });
        // … then the line goes back to what the plan gave it, and finance confirms the cut below what is pending (rule 24)
        var lowered = original.DeepClone().AsObject();
        lowered["reason"] = "Trả lại mức vốn Tiểu dự án 1 Dự án 3 như kế hoạch giao đầu năm";
        lowered["confirmBelowPending"] = true;
        using (var back = await finance.PostAsync($"/api/plans/{planId}/revisions", ClusterApi.Json(lowered)))
            await back.ExpectAsync(HttpStatusCode.Created);

        var split = (await finance.GetProposalAsync(ids[0]))["split"]!.AsObject()
            .Where(s => (long)s.Value! > 0).ToDictionary(s => Enum.Parse<FundingSource>(s.Key), s => (long)s.Value!);
        var before = await BalancesAsync(lineId);
        var covered = split.Min(s => (before[s.Key].Allocated - before[s.Key].Committed) / s.Value);
        Assert.True(covered is > 0 and < 20, $"The line must hold some of the twenty, not all: it holds {covered}.");

        var chairs = await Task.WhenAll(Enumerable.Range(0, AppCluster.Size).Select(server => cluster.As(TanKhai.Chair, server)));
        var responses = await Task.WhenAll(ids.Select((id, i) =>
            chairs[i % AppCluster.Size].ActAsync(id, "approve", data: TanKhai.Decision($"{300 + i}/QĐ-UBND"))));
        var outcomes = await Task.WhenAll(responses.Select(async (r, i) => (Id: ids[i], Server: i % AppCluster.Size, r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        foreach (var response in responses) response.Dispose();
        var described = string.Join("\n", outcomes.Select(o => $"server {o.Server}: {(int)o.StatusCode} {o.Body}"));

        Assert.All(outcomes, o => Assert.True(o.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Every approval is 200 or 409:\n{described}"));
        foreach (var refused in outcomes.Where(o => o.StatusCode == HttpStatusCode.Conflict))
        {
            var problem = JsonNode.Parse(refused.Body)!;
            Assert.True((string?)problem["code"] == "ledger.insufficient", $"A refused approval is a shortfall, not a lost race:\n{described}");
        }
        Assert.True(outcomes.Count(o => o.StatusCode == HttpStatusCode.OK) == covered, $"The money covers {covered}; every one of them is approved:\n{described}");

        // what the auditor reads: each approved dossier once in the journal, committed = the approved amounts, within the line
        var chair = await cluster.As(TanKhai.Chair);
        var approved = 0;
        foreach (var (id, status) in outcomes.Select(o => (o.Id, o.StatusCode)))
        {
            var proposal = await chair.GetProposalAsync(id);
            var approvals = (await chair.HistoryAsync(id)).Count(e => (string?)e!["action"] == "approve");
            Assert.Equal(status == HttpStatusCode.OK ? "Approved" : "Appraised", (string?)proposal["state"]);
            Assert.Equal(status == HttpStatusCode.OK ? 1 : 0, approvals);
            if (status == HttpStatusCode.OK) approved++;
        }
        var after = await BalancesAsync(lineId);
        foreach (var (source, amount) in split)
        {
            Assert.Equal(before[source].Committed + approved * amount, after[source].Committed);
            Assert.True(after[source].Committed <= after[source].Allocated, $"{source}: committed {after[source].Committed:#,0} > allocated {after[source].Allocated:#,0}");
        }
        Assert.Contains(split, s => after[s.Key].Allocated - after[s.Key].Committed < s.Value); // what was refused no longer fits

        var verified = await finance.VerifyAsync();
        Assert.True((bool)verified["intact"]!, $"The journal and ledger verify: {verified.ToJsonString()}");
    }

    /// <summary>The exported plan with the line raised by 1,200 / 120 / 60 million (its shares kept) and the totals to match.</summary>
    private static JsonObject Raised(JsonNode original)
    {
        var plan = original.DeepClone().AsObject();
        var raise = new Dictionary<string, long> { ["Central"] = 1_200_000_000, ["Provincial"] = 120_000_000, ["Commune"] = 60_000_000 };
        var line = plan["lines"]!.AsArray().Single(l => (string?)l!["component"] == Component)!;
        foreach (var (source, amount) in raise)
        {
            line["amounts"]![source] = (long)line["amounts"]![source]! + amount;
            plan["totals"]![source] = (long)plan["totals"]![source]! + amount;
        }
        plan["reason"] = "Bổ sung vốn Tiểu dự án 1 Dự án 3 theo quyết định của UBND xã";
        return plan;
    }

    private Task<Dictionary<FundingSource, (long Allocated, long Committed)>> BalancesAsync(Guid lineId) =>
        cluster.Database.InAsync(db => db.Balances.AsNoTracking().Where(b => b.PlanLineId == lineId)
            .ToDictionaryAsync(b => b.Source, b => (b.Allocated, b.Committed)));
}
