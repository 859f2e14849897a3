using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Disbursements;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// Requests that race for the same money. Outcomes only, never timings: whatever order the server takes them in,
/// the ledger must end where some sequential order would have left it, and every refusal is a 409 that says why.
/// </summary>
public sealed class LifecycleRaceTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private const string Reason = "Điều chỉnh vốn Tiểu dự án 1 Dự án 3 theo quyết định của UBND huyện";

    /// <summary>The 2024 file with DA3.1 raised by 1,000 / 50 / 100 million (shares 5 % / 10 % kept), totals to match.</summary>
    private static JsonObject RaisedDA31()
    {
        var plan = PlanFixture.Load();
        plan.Amounts(PlanFixture.DA31).AddTo("Central", 1_000_000_000).AddTo("Provincial", 50_000_000).AddTo("District", 100_000_000);
        plan.Totals().AddTo("Central", 1_000_000_000).AddTo("Provincial", 50_000_000).AddTo("District", 100_000_000);
        plan["reason"] = Reason;
        return plan;
    }

    private static JsonObject OriginalPlan()
    {
        var plan = PlanFixture.Load();
        plan["reason"] = "Trả lại mức vốn Tiểu dự án 1 Dự án 3 như kế hoạch giao đầu năm";
        return plan;
    }

    [Fact]
    public async Task Approve_WhenTwentyApprovalsRaceForALineThatHoldsEight_CommittedStaysWithinAllocatedAndEqualsTheApprovedProposals()
    {
        using var s = new Session(fixture.Factory);
        var finance = await s.As(Demo.Finance);
        var (planId, lineId) = await finance.SeededLineAsync("DA3.1");

        // room for twenty pending proposals while they are submitted (rule 9 counts pending ones at submit) …
        using (var raised = await finance.ReviseAsync(planId, RaisedDA31())) await raised.ExpectAsync(HttpStatusCode.Created);
        var ids = new List<Guid>();
        for (var i = 1; i <= 20; i++)
        {
            var id = await (await s.As(Demo.Clerk)).CreateProposalOkAsync(LifecycleApi.Model(lineId, 80_000_000, $"Mô hình trồng rau an toàn số {i}"));
            await s.ToAppraisedAsync(id);
            ids.Add(id);
        }
        // … then the line goes back to 586 / 29 / 59 million: nothing is committed yet, and finance confirms the cut below
        // what the pending proposals ask (rule 24)
        var lowered = OriginalPlan();
        lowered["confirmBelowPending"] = true;
        using (var loweredResponse = await finance.ReviseAsync(planId, lowered)) await loweredResponse.ExpectAsync(HttpStatusCode.Created);
        var line = await fixture.Factory.BalancesAsync(lineId);
        Assert.Equal(new Columns(586_000_000, 0, 0, 0), line["Central"]);

        var chair = await s.As(Demo.Chair);
        var responses = await Task.WhenAll(ids.Select((id, i) => chair.ActAsync("proposals", id, "approve", data: LifecycleApi.Decision($"{200 + i}/QĐ-UBND"))));
        var outcomes = new List<(Guid Id, HttpStatusCode Status, string Body)>();
        for (var i = 0; i < ids.Count; i++)
        {
            outcomes.Add((ids[i], responses[i].StatusCode, await responses[i].Content.ReadAsStringAsync()));
            responses[i].Dispose();
        }
        var described = string.Join("\n", outcomes.Select(o => $"{(int)o.Status} {o.Body}"));

        Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Every approval is 200 or 409:\n{described}"));
        // nobody else touched these dossiers: a refusal is only ever the money running out, never a lost race
        foreach (var refused in outcomes.Where(o => o.Status == HttpStatusCode.Conflict))
        {
            var problem = JsonNode.Parse(refused.Body)!;
            Assert.True((string?)problem["code"] == "ledger.insufficient", $"A refused approval is a shortfall, not a lost race:\n{described}");
            Assert.Matches("(Ngân sách trung ương|Ngân sách tỉnh|Ngân sách huyện).*thiếu [0-9.]+ ₫", (string)problem["detail"]!);
        }
        var approved = await AssertCommittedIsTheApprovedProposalsAsync(s, lineId, ids);
        Assert.Equal(8, approved);
        Assert.Equal(8, outcomes.Count(o => o.Status == HttpStatusCode.OK));
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    /// <summary>Per source: committed ≤ allocated, and committed = the sum of the approved proposals' amounts. Returns how many are approved.</summary>
    private async Task<int> AssertCommittedIsTheApprovedProposalsAsync(Session s, Guid lineId, IReadOnlyList<Guid> ids)
    {
        var finance = await s.As(Demo.Finance);
        var proposals = new List<JsonNode>();
        foreach (var id in ids) proposals.Add(await finance.GetProposalAsync(id));
        var approved = proposals.Where(p => (string?)p["state"] == "Approved").ToList();
        Assert.All(proposals.Except(approved), p => Assert.Equal("Appraised", (string?)p["state"]));
        var line = await fixture.Factory.BalancesAsync(lineId);
        foreach (var source in LifecycleApi.Sources)
        {
            Assert.True(line[source].Committed <= line[source].Allocated, $"{source}: committed {line[source].Committed} > allocated {line[source].Allocated}");
            Assert.Equal(approved.Sum(p => (long)p["split"]![source]!), line[source].Committed);
            Assert.All(approved, p => Assert.Equal(Position.Of(p, source).Approved, Position.Of(p, source).Committed));
        }
        return approved.Count;
    }

    [Fact]
    public async Task RequestAndApprove_WhenTenDisbursementsRaceBeyondTheApprovedAmount_CumulativePerSourceNeverExceedsApproved()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var finance2 = await s.As(Demo.Finance2);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");
        // a few rounds: the race is likely but not certain in any one of them
        for (var round = 1; round <= 3; round++)
        {
            var proposalId = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, $"Mô hình nuôi gà thả vườn, vòng {round}"));
            var drafts = new List<Guid>();
            for (var i = 0; i < 10; i++) drafts.Add(await clerk.CreateDisbursementOkAsync(proposalId, "Payment", 20_000_000)); // 200 million asked of 100

            // each payment is requested by the agency and, if that passes, approved by finance — all ten at once
            var outcomes = await Task.WhenAll(drafts.Select(async id =>
            {
                using var requested = await clerk.ActAsync("disbursements", id, "request");
                if (requested.StatusCode != HttpStatusCode.OK) return (requested.StatusCode, await requested.Content.ReadAsStringAsync());
                using var approved = await finance2.ActAsync("disbursements", id, "approve");
                return (approved.StatusCode, await approved.Content.ReadAsStringAsync());
            }));
            var described = $"round {round}:\n" + string.Join("\n", outcomes.Select(o => $"{(int)o.StatusCode} {o.Item2}"));
            Assert.All(outcomes, o => Assert.True(o.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"Every step is 200 or 409:\n{described}"));

            await AssertWithinApprovedAsync(proposalId, ["Requested", "Approved", "Paid"], described);
            await AssertWithinApprovedAsync(proposalId, ["Approved", "Paid"], described);
        }
    }

    [Fact]
    public async Task ConfirmPayment_WhenTheTreasuryConfirmsFourPaymentsAtOnce_DisbursedIsWhatWasPaidAndWithinCommitted()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var treasury = await s.As(Demo.Treasury);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");
        var proposalId = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình nuôi thỏ thịt"));
        var payments = new List<Guid>();
        for (var i = 0; i < 4; i++) payments.Add(await s.ApprovedDisbursementAsync(proposalId, "Payment", 20_000_000));

        // the treasury confirms all four at once; the ones that lose the race for the line's balance are 409 and are retried
        var confirmations = await Task.WhenAll(payments.Select((id, i) =>
            treasury.ActAsync("disbursements", id, "confirm-payment", data: LifecycleApi.TreasuryConfirmation($"KB-2024-{300 + i}"))));
        foreach (var (response, i) in confirmations.Select((r, i) => (r, i)))
        {
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.OK) continue;
                var (problem, _) = await LifecycleApi.ConflictAsync(response);
                Assert.Equal("workflow.concurrent", (string?)problem["code"]);
                await treasury.ActOkAsync("disbursements", payments[i], "confirm-payment", data: LifecycleApi.TreasuryConfirmation($"KB-2024-{400 + i}"));
            }
        }

        var proposal = await AssertDisbursedIsTheCashPaidAsync(s, proposalId);
        Assert.Equal(80_000_000, Position.TotalOf(proposal).Disbursed);
        var line = await fixture.Factory.BalancesAsync(lineId);
        Assert.All(LifecycleApi.Sources, source => Assert.True(line[source].Disbursed <= line[source].Committed));
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    [Fact]
    public async Task ConfirmPayment_WhenPaymentsClearingAnAdvanceAreConfirmedAtOnce_DisbursedIsTheMaxOfAdvancesAndPayments()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var treasury = await s.As(Demo.Treasury);
        var (_, lineId) = await clerk.SeededLineAsync("DA2");

        // a few rounds: the race is likely but not certain in any one of them
        for (var round = 1; round <= 3; round++)
        {
            var proposalId = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, $"Mô hình trồng nấm rơm, vòng {round}"));
            await s.PaidDisbursementAsync(proposalId, "Advance", 60_000_000, $"KB-2024-TU{round}");
            var payments = new List<Guid>();
            for (var i = 0; i < 4; i++) payments.Add(await s.ApprovedDisbursementAsync(proposalId, "Payment", 20_000_000));

            // 60 million advanced, 80 million of payments: sequentially the last 20 million is new cash, the rest clears the advance
            var confirmations = await Task.WhenAll(payments.Select((id, i) =>
                treasury.ActAsync("disbursements", id, "confirm-payment", data: LifecycleApi.TreasuryConfirmation($"KB-2024-TT{round}{i}"))));
            foreach (var (response, i) in confirmations.Select((r, i) => (r, i)))
            {
                using (response)
                {
                    if (response.StatusCode == HttpStatusCode.OK) continue;
                    var (problem, _) = await LifecycleApi.ConflictAsync(response);
                    Assert.Equal("workflow.concurrent", (string?)problem["code"]);
                    await treasury.ActOkAsync("disbursements", payments[i], "confirm-payment", data: LifecycleApi.TreasuryConfirmation($"KB-2024-TR{round}{i}"));
                }
            }

            var proposal = await AssertDisbursedIsTheCashPaidAsync(s, proposalId);
            Assert.Equal(80_000_000, Position.TotalOf(proposal).Disbursed);
            Assert.Equal(0, Position.TotalOf(proposal).AdvanceOutstanding);
            await AssertWithinApprovedAsync(proposalId, ["Paid"], $"round {round}");
        }
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    private sealed record Row(Guid Id, DisbursementKind Kind, long Central, long Provincial, long District, long Commune, string State)
    {
        public long Amount(string source) => source switch { "Central" => Central, "Provincial" => Provincial, "District" => District, _ => Commune };
    }

    private Task<List<Row>> DisbursementsAsync(Guid proposalId, params string[] states) => fixture.Factory.DbAsync(db =>
        (from d in db.Disbursements
         join i in db.WorkflowInstances on d.InstanceId equals i.Id
         where d.ProposalId == proposalId && states.Contains(i.State)
         orderby d.CreatedAt
         select new Row(d.Id, d.Kind, d.Amounts.Central, d.Amounts.Provincial, d.Amounts.District, d.Amounts.Commune, i.State)).ToListAsync());

    /// <summary>Rule 12: per source, the advances and the payments in these states each stay within the proposal's approved amount.</summary>
    private async Task AssertWithinApprovedAsync(Guid proposalId, string[] states, string context)
    {
        var proposal = await fixture.Factory.DbAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId));
        var rows = await DisbursementsAsync(proposalId, states);
        foreach (var source in LifecycleApi.Sources)
        {
            var approved = proposal.Amount(LifecycleApi.Parse(source));
            foreach (var kind in new[] { DisbursementKind.Advance, DisbursementKind.Payment })
            {
                var sum = rows.Where(r => r.Kind == kind).Sum(r => r.Amount(source));
                Assert.True(sum <= approved,
                    $"Rule 12 broken: {kind} {source} in [{string.Join(", ", states)}] adds up to {sum:#,0}, above the approved {approved:#,0} " +
                    $"({rows.Count(r => r.Kind == kind)} disbursements of {proposal.Code}).\n{context}");
            }
        }
    }

    /// <summary>The proposal's disbursed (from the ledger) is, per source, max(Σ advances paid, Σ payments paid) and within its commitment.</summary>
    private async Task<JsonNode> AssertDisbursedIsTheCashPaidAsync(Session s, Guid proposalId)
    {
        var rows = await DisbursementsAsync(proposalId, "Paid");
        var proposal = await (await s.As(Demo.Finance)).GetProposalAsync(proposalId);
        foreach (var source in LifecycleApi.Sources)
        {
            var advances = rows.Where(r => r.Kind == DisbursementKind.Advance).Sum(r => r.Amount(source));
            var payments = rows.Where(r => r.Kind == DisbursementKind.Payment).Sum(r => r.Amount(source));
            var position = Position.Of(proposal, source);
            Assert.True(Math.Max(advances, payments) == position.Disbursed,
                $"{source}: the treasury paid advances {advances:#,0} and payments {payments:#,0}, so cash paid is {Math.Max(advances, payments):#,0}; the ledger says disbursed {position.Disbursed:#,0}");
            Assert.True(position.Disbursed <= position.Committed, $"{source}: disbursed {position.Disbursed:#,0} > committed {position.Committed:#,0}");
        }
        return proposal;
    }
}

/// <summary>Twenty approvals at once on one line whose money covers them all: every one succeeds (no false refusal).</summary>
public sealed class NoFalseRefusalTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Approve_WhenTwentyApprovalsRaceOnALineThatHoldsThemAll_EveryOneIsApprovedAndNoneLosesARace()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var ids = new List<Guid>();
        for (var i = 1; i <= 20; i++)
        {
            var id = await (await s.As(Demo.Clerk)).CreateProposalOkAsync(LifecycleApi.Model(lineId, 50_000_000, $"Mô hình nuôi bò sinh sản số {i}"));
            await s.ToAppraisedAsync(id);
            ids.Add(id);
        }

        var chair = await s.As(Demo.Chair);
        var responses = await Task.WhenAll(ids.Select((id, i) => chair.ActAsync("proposals", id, "approve", data: LifecycleApi.Decision($"{300 + i}/QĐ-UBND"))));
        var described = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        foreach (var response in responses) response.Dispose();

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.OK), $"Every approval the money covers succeeds:\n{described}");
        foreach (var id in ids) Assert.Equal("Approved", (string?)(await chair.GetProposalAsync(id))["state"]);
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }
}
