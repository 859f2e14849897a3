using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>The chairman's decisions on an approved proposal (proposal process v5): amending its amounts, cancelling it.</summary>
internal static class Amendments
{
    public static object Amend(long stateSupport, string number = "140/QĐ-UBND", string date = "2024-06-10") =>
        new { decisionNumber = number, decisionDate = date, stateSupport };

    public static object Cancel(string number = "150/QĐ-UBND", string date = "2024-06-12") => new { decisionNumber = number, decisionDate = date };

    /// <summary>What the line's balances hold committed, over every source.</summary>
    public static async Task<long> CommittedOnLineAsync(this Workflows.RuntimeFactory factory, Guid lineId) =>
        (await factory.BalancesAsync(lineId)).Values.Sum(c => c.Committed);

    public static async Task<long> UncommittedOnLineAsync(this Workflows.RuntimeFactory factory, Guid lineId) =>
        (await factory.BalancesAsync(lineId)).Values.Sum(c => c.Uncommitted);
}

/// <summary>
/// Amending an approved proposal moves its commitment on the line by the difference, within what the line has left and
/// never below what its disbursements take; cancelling it gives back what was not paid.
/// </summary>
public sealed class ProposalAmendmentTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Amend_WhenTheChairmanRaisesTheSupport_CommitsTheDifferenceAndRecordsTheNewDecision()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 100_000_000, "Mô hình nuôi bò (điều chỉnh tăng)"));
        var before = await fixture.Factory.CommittedOnLineAsync(line);
        var chair = await s.As(Demo.Chair);
        Assert.Contains((await chair.GetProposalAsync(id))["availableActions"]!.AsArray(), a => (string?)a!["action"] == ProposalProcess.AmendAction);

        await chair.ActOkAsync("proposals", id, ProposalProcess.AmendAction, "Bổ sung 10 hộ tham gia.", Amendments.Amend(150_000_000));

        var proposal = await chair.GetProposalAsync(id);
        Assert.Equal(ProposalProcess.Approved, (string?)proposal["state"]);
        Assert.Equal(150_000_000, (long)proposal["stateSupport"]!);
        Assert.Equal(150_000_000, Position.TotalOf(proposal).Approved);
        Assert.Equal(150_000_000, Position.TotalOf(proposal).Committed);
        Assert.Equal("140/QĐ-UBND", (string?)proposal["decisionNumber"]);
        Assert.Equal("2024-06-10", (string?)proposal["decisionDate"]);
        Assert.Equal(before + 50_000_000, await fixture.Factory.CommittedOnLineAsync(line));
        var entries = await fixture.Factory.DbAsync(db => db.LedgerEntries.AsNoTracking().Where(e => e.ProposalId == id && e.Kind == LedgerEntryKind.Commit).ToListAsync());
        Assert.Equal(50_000_000, entries.Where(e => e.Note.Contains("Điều chỉnh")).Sum(e => e.Amount));
        var amended = Assert.Single(proposal["history"]!.AsArray(), h => (string?)h!["action"] == ProposalProcess.AmendAction);
        Assert.Equal("Điều chỉnh quyết định", (string?)amended!["actionName"]);
        Assert.Equal(150_000_000, (long)amended["data"]!["stateSupport"]!);
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    [Fact]
    public async Task Amend_WhenTheChairmanCutsTheSupportAbovePaid_ReleasesTheDifferenceAndPaymentsStay()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 100_000_000, "Mô hình nuôi gà (điều chỉnh giảm)"));
        await s.PaidDisbursementAsync(id, "Payment", 30_000_000, "KB-DC-0001");
        var before = await fixture.Factory.CommittedOnLineAsync(line);

        await (await s.As(Demo.Chair)).ActOkAsync("proposals", id, ProposalProcess.AmendAction, "Giảm quy mô.", Amendments.Amend(60_000_000));

        var proposal = await (await s.As(Demo.Clerk)).GetProposalAsync(id);
        Assert.Equal(60_000_000, Position.TotalOf(proposal).Approved);
        Assert.Equal(60_000_000, Position.TotalOf(proposal).Committed);
        Assert.Equal(30_000_000, Position.TotalOf(proposal).Disbursed);
        Assert.Equal(before - 40_000_000, await fixture.Factory.CommittedOnLineAsync(line));
        // the rest can still be paid, up to the amended amount and no further
        var clerk = await s.As(Demo.Clerk);
        var tooMuch = await clerk.CreateDisbursementOkAsync(id, "Payment", 30_000_001);
        using (var refused = await clerk.ActAsync("disbursements", tooMuch, "request"))
            Assert.Contains((await LifecycleApi.ConflictAsync(refused)).Errors.Values.SelectMany(m => m), m => m.Contains("Quy tắc 12", StringComparison.Ordinal));
        await clerk.ActOkAsync("disbursements", tooMuch, "cancel");
        await s.PaidDisbursementAsync(id, "Payment", 30_000_000, "KB-DC-0002");
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    [Fact]
    public async Task Amend_WhenTheCutGoesBelowWhatIsPaidAndRequested_IsRefusedNamingRule12AndTheFiguresAndChangesNothing()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 100_000_000, "Mô hình trồng nấm (cắt dưới số đã chi)"));
        await s.PaidDisbursementAsync(id, "Payment", 40_000_000, "KB-DC-0003");
        var clerk = await s.As(Demo.Clerk);
        var requested = await clerk.CreateDisbursementOkAsync(id, "Payment", 30_000_000);
        await clerk.ActOkAsync("disbursements", requested, "request");
        var before = await fixture.Factory.BalancesAsync(line);

        using (var refused = await (await s.As(Demo.Chair)).ActAsync("proposals", id, ProposalProcess.AmendAction, null, Amendments.Amend(60_000_000)))
        {
            var (_, errors) = await LifecycleApi.ConflictAsync(refused);
            LifecycleApi.MessageAt(errors, "data.stateSupport", "Quy tắc 12", "cộng dồn thanh toán Ngân sách trung ương", "vượt số được duyệt", "thừa");
        }

        var proposal = await clerk.GetProposalAsync(id);
        Assert.Equal(100_000_000, (long)proposal["stateSupport"]!);
        Assert.Equal("125/QĐ-UBND", (string?)proposal["decisionNumber"]);
        Assert.Equal(before, await fixture.Factory.BalancesAsync(line));
        // exactly what is paid and requested is allowed
        await (await s.As(Demo.Chair)).ActOkAsync("proposals", id, ProposalProcess.AmendAction, null, Amendments.Amend(70_000_000, "141/QĐ-UBND"));
    }

    [Fact]
    public async Task Amend_WhenTheIncreaseIsMoreThanTheLineHasLeft_IsRefusedNamingRule9AndTheShortfall()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA3.1");
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 50_000_000, "Mô hình nuôi ong (tăng quá dòng)"));
        var left = await fixture.Factory.UncommittedOnLineAsync(line);
        var before = await fixture.Factory.BalancesAsync(line);

        using (var refused = await (await s.As(Demo.Chair)).ActAsync("proposals", id, ProposalProcess.AmendAction, null, Amendments.Amend(50_000_000 + left + 10_000_000)))
        {
            var (problem, errors) = await LifecycleApi.ConflictAsync(refused);
            Assert.Equal("ledger.insufficient", (string?)problem["code"]);
            Assert.Equal(["data.stateSupport"], errors.Keys.ToArray());
            Assert.All(errors.Values.SelectMany(m => m), m => Assert.Matches("Quy tắc 9.*chỉ còn [0-9.]+ ₫ chưa cam kết.*thiếu [0-9.]+ ₫", m));
        }

        Assert.Equal(before, await fixture.Factory.BalancesAsync(line));
        Assert.Equal(50_000_000, (long)(await (await s.As(Demo.Clerk)).GetProposalAsync(id))["stateSupport"]!);
    }

    [Fact]
    public async Task Amend_WhenTheAmountIsNotOneOrTheHandSplitLeavesTheLinesRatio_Returns400AtTheFieldNamingRule8()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 100_000_000, "Mô hình nuôi vịt (điều chỉnh sai)"));
        var chair = await s.As(Demo.Chair);

        using (var notAnAmount = await chair.ActAsync("proposals", id, ProposalProcess.AmendAction, null,
                   new { decisionNumber = "142/QĐ-UBND", decisionDate = "2024-06-10", stateSupport = "một trăm triệu" }))
            await ProblemAssert.HasErrorsAtAsync(notAnAmount, "data.stateSupport");
        using (var offRatio = await chair.ActAsync("proposals", id, ProposalProcess.AmendAction, null,
                   new { decisionNumber = "142/QĐ-UBND", decisionDate = "2024-06-10", stateSupport = 120_000_000L, split = new Dictionary<string, long> { ["Central"] = 120_000_000L } }))
        {
            var errors = await ProblemAssert.HasErrorsAtAsync(offRatio, "data.split.Central");
            LifecycleApi.MessageAt(errors, "data.split.Central", "Quy tắc 8", "lệch");
        }

        Assert.Equal(100_000_000, (long)(await chair.GetProposalAsync(id))["stateSupport"]!);
    }

    [Fact]
    public async Task Cancel_WhenPartlyPaid_ReleasesTheUnspentCommitmentKeepsThePaymentAndEndsTheProposal()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA3.1");
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 80_000_000, "Mô hình nuôi cá lồng (hủy)"));
        await s.PaidDisbursementAsync(id, "Payment", 20_000_000, "KB-DC-0004");
        var clerk = await s.As(Demo.Clerk);
        var waiting = await clerk.CreateDisbursementOkAsync(id, "Payment", 10_000_000);
        await clerk.ActOkAsync("disbursements", waiting, "request");
        var chair = await s.As(Demo.Chair);

        // not while a disbursement waits, and never without saying why
        using (var inFlight = await chair.ActAsync("proposals", id, ProposalProcess.CancelAction, "Đơn vị không tiếp tục thực hiện.", Amendments.Cancel()))
            await LifecycleApi.ConflictAsync(inFlight);
        await (await s.As(Demo.Finance2)).ActOkAsync("disbursements", waiting, "reject", "Không cần chi thêm.");
        using (var bare = await chair.ActAsync("proposals", id, ProposalProcess.CancelAction, null, Amendments.Cancel()))
            await ProblemAssert.HasErrorsAtAsync(bare, "comment");
        var before = await fixture.Factory.CommittedOnLineAsync(line);

        await chair.ActOkAsync("proposals", id, ProposalProcess.CancelAction, "Đơn vị không tiếp tục thực hiện.", Amendments.Cancel());

        var proposal = await clerk.GetProposalAsync(id);
        Assert.Equal(ProposalProcess.Cancelled, (string?)proposal["state"]);
        Assert.Equal(20_000_000, Position.TotalOf(proposal).Committed);
        Assert.Equal(20_000_000, Position.TotalOf(proposal).Disbursed);
        Assert.Equal(before - 60_000_000, await fixture.Factory.CommittedOnLineAsync(line));
        using (var more = await clerk.CreateDisbursementAsync(id, "Payment", 1_000_000))
            Assert.True(more.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, await LifecycleApi.DescribeAsync(more));
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }
}

/// <summary>Two amendments at once on one line, each within what is left but not both: the line is never overspent.</summary>
public sealed class ProposalAmendmentRaceTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Amend_WhenTwoProposalsOfOneLineRaiseTheirSupportAtOnce_OnlyWhatTheLineHasIsCommitted()
    {
        using var s = new Session(fixture.Factory);
        var (_, line) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var first = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 50_000_000, "Mô hình nuôi bò, tổ 1"), "201/QĐ-UBND");
        var second = await s.ApprovedProposalAsync(LifecycleApi.Model(line, 50_000_000, "Mô hình nuôi bò, tổ 2"), "202/QĐ-UBND");
        var left = await fixture.Factory.UncommittedOnLineAsync(line);
        // each asks for 60 % of what is left, rounded to a million: either fits alone, both do not
        var raise = left * 6 / 10 / 1_000_000 * 1_000_000;
        var chair = await s.As(Demo.Chair);

        var responses = await Task.WhenAll(new[] { first, second }.Select((id, i) =>
            chair.ActAsync("proposals", id, ProposalProcess.AmendAction, null, Amendments.Amend(50_000_000 + raise, $"{210 + i}/QĐ-UBND"))));
        var outcomes = new List<(HttpStatusCode Status, string Body)>();
        foreach (var r in responses)
        {
            outcomes.Add((r.StatusCode, await r.Content.ReadAsStringAsync()));
            r.Dispose();
        }
        var described = string.Join("\n", outcomes.Select(o => $"{(int)o.Status} {o.Body}"));

        Assert.Equal(1, outcomes.Count(o => o.Status == HttpStatusCode.OK));
        var refused = Assert.Single(outcomes, o => o.Status == HttpStatusCode.Conflict);
        Assert.True((string?)JsonNode.Parse(refused.Body)!["code"] == "ledger.insufficient", described);
        var balances = await fixture.Factory.BalancesAsync(line);
        Assert.All(balances.Values, b => Assert.True(b.Committed <= b.Allocated, $"Overspent: {b}\n{described}"));
        var supports = new List<long>();
        foreach (var id in new[] { first, second }) supports.Add((long)(await chair.GetProposalAsync(id))["stateSupport"]!);
        Assert.Equal([50_000_000, 50_000_000 + raise], supports.Order().ToArray());
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }
}
