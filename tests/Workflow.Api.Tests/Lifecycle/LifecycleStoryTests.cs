using System.Text.Json.Nodes;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// The whole story on the seeded Hớn Quản 2024 plan, as the demo users live it: the Trung tâm Dịch vụ nông nghiệp
/// drafts the Mỹ Thạnh tailoring cooperative on DA2, finance appraises, the chairman approves, the treasury pays
/// an advance and a payment, the agency settles for less than it was paid and refunds the difference. At every
/// step the proposal's position and the DA2 line's balances say where the money is.
/// </summary>
public sealed class LifecycleStoryTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    // DA2 of 2024: Central 1,521,000,000 / Provincial 76,000,000 / District 152,000,000.
    private static readonly Columns AllocatedC = new(1_521_000_000, 0, 0, 0), AllocatedP = new(76_000_000, 0, 0, 0), AllocatedD = new(152_000_000, 0, 0, 0);

    // 300,000,000 of state support in the line's ratio, largest remainder at 1,000 đ (rule 8).
    private const long ApprovedC = 260_892_000, ApprovedP = 13_036_000, ApprovedD = 26_072_000;

    // An advance of 100,000,000 and a payment of 290,000,000 in the proposal's approved shares (rule 13).
    private const long AdvanceC = 86_964_000, AdvanceP = 4_345_000, AdvanceD = 8_691_000;
    private const long PaymentC = 252_196_000, PaymentP = 12_601_000, PaymentD = 25_203_000;

    // The actual cost the agency settles for.
    private const long ActualC = 250_000_000, ActualP = 12_000_000, ActualD = 25_000_000;

    [Fact]
    public async Task WholeStory_WhenTailoringCooperativeRunsFromDraftToClosedSettlement_MoneyIsTrackedAtEveryStepAndTheLedgerProvesTheBalances()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");

        async Task<JsonNode> Expect(Guid id, string state, Position central, Position provincial, Position district,
            Columns lineCentral, Columns lineProvincial, Columns lineDistrict, string settlementStatus = "NotStarted")
        {
            var proposal = await (await s.As(Demo.Finance)).GetProposalAsync(id);
            Assert.Equal(state, (string?)proposal["state"]);
            Assert.Equal(settlementStatus, (string?)proposal["settlementStatus"]);
            Assert.Equal(central, Position.Of(proposal, "Central"));
            Assert.Equal(provincial, Position.Of(proposal, "Provincial"));
            Assert.Equal(district, Position.Of(proposal, "District"));
            Assert.Equal(new Position(0, 0, 0, 0, 0), Position.Of(proposal, "Commune"));
            var line = await fixture.Factory.BalancesAsync(lineId);
            Assert.Equal(lineCentral, line["Central"]);
            Assert.Equal(lineProvincial, line["Provincial"]);
            Assert.Equal(lineDistrict, line["District"]);
            Assert.Equal(new Columns(0, 0, 0, 0), line["Commune"]);
            return proposal;
        }

        // the line before anything: all allocated, nothing committed
        var before = await fixture.Factory.BalancesAsync(lineId);
        Assert.Equal(AllocatedC, before["Central"]);
        Assert.Equal(AllocatedP, before["Provincial"]);
        Assert.Equal(AllocatedD, before["District"]);

        // 1. the agency drafts: the support is split in the line's ratio; nothing is committed yet
        var id = await (await s.As(Demo.Clerk)).CreateProposalOkAsync(LifecycleApi.TailoringCooperative(lineId));
        var drafted = await Expect(id, "Draft", new(ApprovedC, 0, 0, 0, 0), new(ApprovedP, 0, 0, 0, 0), new(ApprovedD, 0, 0, 0, 0), AllocatedC, AllocatedP, AllocatedD);
        Assert.Equal(300_000_000, (long)drafted["split"]!.AsObject().Sum(kv => (long)kv.Value!));
        Assert.False((bool)drafted["splitByHand"]!);
        Assert.Equal("DA2", (string?)drafted["component"]);
        Assert.Equal(28, (int)drafted["beneficiaries"]!["nearPoor"]!);

        // 2. submitted, taken into appraisal, appraised: still nothing committed (pending money only blocks other submits)
        await (await s.As(Demo.Clerk)).ActOkAsync("proposals", id, "submit");
        await Expect(id, "Submitted", new(ApprovedC, 0, 0, 0, 0), new(ApprovedP, 0, 0, 0, 0), new(ApprovedD, 0, 0, 0, 0), AllocatedC, AllocatedP, AllocatedD);
        s.MoveTo(new DateOnly(2024, 5, 8));
        await (await s.As(Demo.Finance)).ActOkAsync("proposals", id, "start-appraisal");
        s.MoveTo(new DateOnly(2024, 5, 15));
        await (await s.As(Demo.Finance)).ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ; 28/28 lao động thuộc hộ cận nghèo.");
        await Expect(id, "Appraised", new(ApprovedC, 0, 0, 0, 0), new(ApprovedP, 0, 0, 0, 0), new(ApprovedD, 0, 0, 0, 0), AllocatedC, AllocatedP, AllocatedD);

        // 3. the chairman approves with a decision: the money is committed on the line, per source
        s.MoveTo(new DateOnly(2024, 5, 20));
        await (await s.As(Demo.Chair)).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("125/QĐ-UBND", "2024-05-20"));
        var approved = await Expect(id, "Approved",
            new(ApprovedC, ApprovedC, 0, 0, 0), new(ApprovedP, ApprovedP, 0, 0, 0), new(ApprovedD, ApprovedD, 0, 0, 0),
            new(1_521_000_000, ApprovedC, 0, 0), new(76_000_000, ApprovedP, 0, 0), new(152_000_000, ApprovedD, 0, 0));
        Assert.Equal("125/QĐ-UBND", (string?)approved["decisionNumber"]);
        Assert.Equal("2024-05-20", (string?)approved["decisionDate"]);
        Assert.Equal(1_521_000_000 - ApprovedC, (await fixture.Factory.BalancesAsync(lineId))["Central"].Uncommitted);

        // 4. an advance of 100 million: approved by finance, nothing counts as disbursed until the treasury confirms (rule 16)
        s.MoveTo(new DateOnly(2024, 5, 27));
        var advance = await s.ApprovedDisbursementAsync(id, "Advance", 100_000_000);
        var advanceDetail = await (await s.As(Demo.Clerk)).GetDisbursementAsync(advance);
        Assert.Equal(AdvanceC, (long)advanceDetail["split"]!["Central"]!);
        Assert.Equal(AdvanceP, (long)advanceDetail["split"]!["Provincial"]!);
        Assert.Equal(AdvanceD, (long)advanceDetail["split"]!["District"]!);
        Assert.Equal("Approved", (string?)advanceDetail["state"]);
        await Expect(id, "Approved",
            new(ApprovedC, ApprovedC, 0, 0, 0), new(ApprovedP, ApprovedP, 0, 0, 0), new(ApprovedD, ApprovedD, 0, 0, 0),
            new(1_521_000_000, ApprovedC, 0, 0), new(76_000_000, ApprovedP, 0, 0), new(152_000_000, ApprovedD, 0, 0));

        s.MoveTo(new DateOnly(2024, 6, 3));
        await (await s.As(Demo.Treasury)).ActOkAsync("disbursements", advance, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2024-0012", "2024-06-03"));
        var advancePaid = await (await s.As(Demo.Clerk)).GetDisbursementAsync(advance);
        Assert.Equal("Paid", (string?)advancePaid["state"]);
        Assert.Equal("KB-2024-0012", (string?)advancePaid["treasuryReference"]);
        Assert.Equal("2024-06-03", (string?)advancePaid["paidOn"]);
        await Expect(id, "Approved",
            new(ApprovedC, ApprovedC, AdvanceC, AdvanceC, 0), new(ApprovedP, ApprovedP, AdvanceP, AdvanceP, 0), new(ApprovedD, ApprovedD, AdvanceD, AdvanceD, 0),
            new(1_521_000_000, ApprovedC, AdvanceC, 0), new(76_000_000, ApprovedP, AdvanceP, 0), new(152_000_000, ApprovedD, AdvanceD, 0));

        // 5. a payment of 290 million clears the advance first: cash paid is max(advances, payments), nothing outstanding
        s.MoveTo(new DateOnly(2024, 12, 9));
        var payment = await s.ApprovedDisbursementAsync(id, "Payment", 290_000_000);
        s.MoveTo(new DateOnly(2024, 12, 10));
        await (await s.As(Demo.Treasury)).ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2024-0047", "2024-12-10"));
        var paymentDetail = await (await s.As(Demo.Clerk)).GetDisbursementAsync(payment);
        Assert.Equal(PaymentC - AdvanceC, (long)paymentDetail["cash"]!["Central"]!);
        Assert.Equal(PaymentP - AdvanceP, (long)paymentDetail["cash"]!["Provincial"]!);
        Assert.Equal(PaymentD - AdvanceD, (long)paymentDetail["cash"]!["District"]!);
        var paid = await Expect(id, "Approved",
            new(ApprovedC, ApprovedC, PaymentC, 0, 0), new(ApprovedP, ApprovedP, PaymentP, 0, 0), new(ApprovedD, ApprovedD, PaymentD, 0, 0),
            new(1_521_000_000, ApprovedC, PaymentC, 0), new(76_000_000, ApprovedP, PaymentP, 0), new(152_000_000, ApprovedD, PaymentD, 0));
        Assert.Equal(290_000_000, Position.TotalOf(paid).Disbursed);
        Assert.Equal(["Paid", "Paid"], paid["disbursements"]!.AsArray().Select(d => (string)d!["state"]!).ToArray());

        // 6. the agency opens the settlement with what it reached and what it actually spent
        s.MoveTo(new DateOnly(2024, 12, 16));
        var settlement = await (await s.As(Demo.Clerk)).OpenSettlementOkAsync(id, LifecycleApi.SettlementBody(ActualC, ActualP, ActualD));
        await Expect(id, "Settling",
            new(ApprovedC, ApprovedC, PaymentC, 0, 0), new(ApprovedP, ApprovedP, PaymentP, 0, 0), new(ApprovedD, ApprovedD, PaymentD, 0, 0),
            new(1_521_000_000, ApprovedC, PaymentC, 0), new(76_000_000, ApprovedP, PaymentP, 0), new(152_000_000, ApprovedD, PaymentD, 0), "InProgress");

        await (await s.As(Demo.Clerk)).ActOkAsync("settlements", settlement, "submit");
        s.MoveTo(new DateOnly(2024, 12, 18));
        await (await s.As(Demo.Finance)).ActOkAsync("settlements", settlement, "verify");
        await Expect(id, "Settling",
            new(ApprovedC, ApprovedC, PaymentC, 0, 0), new(ApprovedP, ApprovedP, PaymentP, 0, 0), new(ApprovedD, ApprovedD, PaymentD, 0, 0),
            new(1_521_000_000, ApprovedC, PaymentC, 0), new(76_000_000, ApprovedP, PaymentP, 0), new(152_000_000, ApprovedD, PaymentD, 0), "Submitted");

        // 7. taichinh2 approves: the commitment nobody will spend goes back to the line; paid beyond actual is a refund due
        s.MoveTo(new DateOnly(2024, 12, 20));
        await (await s.As(Demo.Finance2)).ActOkAsync("settlements", settlement, "approve");
        await Expect(id, "Settled",
            new(ApprovedC, PaymentC, PaymentC, 0, ActualC), new(ApprovedP, PaymentP, PaymentP, 0, ActualP), new(ApprovedD, PaymentD, PaymentD, 0, ActualD),
            new(1_521_000_000, PaymentC, PaymentC, ActualC), new(76_000_000, PaymentP, PaymentP, ActualP), new(152_000_000, PaymentD, PaymentD, ActualD), "Approved");
        var settled = await (await s.As(Demo.Clerk)).GetSettlementAsync(settlement);
        Assert.Equal(PaymentC - ActualC, (long)settled["refundDue"]!["Central"]!);   // 2,196,000
        Assert.Equal(PaymentP - ActualP, (long)settled["refundDue"]!["Provincial"]!); // 601,000
        Assert.Equal(PaymentD - ActualD, (long)settled["refundDue"]!["District"]!);   // 203,000
        Assert.Equal(ActualC + ActualP + ActualD, (long)settled["actualTotal"]!);

        // 8. finance closes when the refund is in: paid, committed and settled all come down to the actual cost
        s.MoveTo(new DateOnly(2024, 12, 27));
        await (await s.As(Demo.Finance)).ActOkAsync("settlements", settlement, "close");
        var closed = await Expect(id, "Settled",
            new(ApprovedC, ActualC, ActualC, 0, ActualC), new(ApprovedP, ActualP, ActualP, 0, ActualP), new(ApprovedD, ActualD, ActualD, 0, ActualD),
            new(1_521_000_000, ActualC, ActualC, ActualC), new(76_000_000, ActualP, ActualP, ActualP), new(152_000_000, ActualD, ActualD, ActualD), "Closed");
        Assert.Equal(new Position(300_000_000, 287_000_000, 287_000_000, 0, 287_000_000), Position.TotalOf(closed));
        Assert.Equal("Closed", (string?)(await (await s.As(Demo.Clerk)).GetSettlementAsync(settlement))["state"]);

        // the released commitment is back on the line: uncommitted = allocated − actual
        var after = await fixture.Factory.BalancesAsync(lineId);
        Assert.Equal(1_521_000_000 - ActualC, after["Central"].Uncommitted);
        Assert.Equal(76_000_000 - ActualP, after["Provincial"].Uncommitted);
        Assert.Equal(152_000_000 - ActualD, after["District"].Uncommitted);

        // who did what, in the proposal's own journal
        var history = closed["history"]!.AsArray().Select(h => ((string)h!["action"]!, (string)h["actor"]!)).ToArray();
        Assert.Equal(
            [("start", Demo.Clerk), ("submit", Demo.Clerk), ("start-appraisal", Demo.Finance), ("appraise-pass", Demo.Finance),
             ("approve", Demo.Chair), ("start-settlement", Demo.Clerk), ("settle", "system")],
            history);

        // and every balance row in the database is the sum of its ledger entries
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }
}
