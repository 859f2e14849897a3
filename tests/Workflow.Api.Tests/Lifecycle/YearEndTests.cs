using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>The year end (rule 19): moving the clock past 31 January and carrying a line over (chuyển nguồn).</summary>
public static class YearEnd
{
    /// <summary>Monday 3 February 2025, 09:00 in Vietnam: the 2024 year is closed for disbursements.</summary>
    public static readonly DateTimeOffset AfterClose = new(2025, 2, 3, 2, 0, 0, TimeSpan.Zero);

    public const string CarryoverDecision = "Công văn số 215/UBND-TCKH ngày 03/02/2025 cho phép chuyển nguồn";

    /// <summary>Moves the server's clock to 3 February 2025 and drops the tokens issued before (they expire 8 hours after issue).</summary>
    public static void CloseThe2024Year(this Session s)
    {
        var clock = s.Factory.Clock;
        if (clock.GetUtcNow() < AfterClose) clock.Advance(AfterClose - clock.GetUtcNow());
        s.SignInAgain();
    }

    public static Task<HttpResponseMessage> CarryOverAsync(this HttpClient finance, Guid planId, string component, string decision = CarryoverDecision) =>
        finance.PostAsync($"/api/plans/{planId}/carryovers",
            Tests.Infrastructure.Api.JsonBody(new JsonObject { ["component"] = component, ["decisionReference"] = decision }));

    /// <summary>The Hớn Quản 2025 plan: the 2024 file as the next year.</summary>
    public static async Task<Guid> Import2025PlanAsync(this HttpClient finance)
    {
        using var response = await finance.ImportAsync(PlanFixture.ForYear(2025));
        return Guid.Parse((string)(await response.ExpectAsync(HttpStatusCode.Created))!["id"]!);
    }
}

/// <summary>Rule 19 on the seeded plan: a closed year takes no disbursement until finance carries the line over, and only once.</summary>
public sealed class YearEndTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Request_WhenThe2024YearIsClosed_Returns409AtFiscalYearUntilFinanceCarriesTheLineOverOnce()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (plan2024, da2) = await clerk.SeededLineAsync("DA2");
        var da31 = await clerk.LineIdAsync(plan2024, "DA3.1");
        var onDA2 = await s.ApprovedProposalAsync(LifecycleApi.Model(da2, 100_000_000, "Mô hình trồng măng cụt")); // 86,964,000 / 4,345,000 / 8,691,000
        var onDA31 = await s.ApprovedProposalAsync(LifecycleApi.Model(da31, 20_000_000, "Mô hình trồng rau mầm"));

        s.CloseThe2024Year();
        clerk = await s.As(Demo.Clerk);
        var finance = await s.As(Demo.Finance);

        // 1. closed: the request is refused at fiscalYear, with the rule, the year, the closing day and the way out
        var payment = await clerk.CreateDisbursementOkAsync(onDA2, "Payment", 50_000_000);
        using (var refused = await clerk.ActAsync("disbursements", payment, "request"))
        {
            var (problem, errors) = await LifecycleApi.ConflictAsync(refused);
            Assert.Equal("workflow.guard", (string?)problem["code"]);
            LifecycleApi.MessageAt(errors, "fiscalYear", "Quy tắc 19", "2024", "01/02/2025", "chuyển nguồn", "DA2", "2025");
        }

        // 2. no 2025 plan yet: nowhere to carry to
        using (var noTarget = await finance.CarryOverAsync(plan2024, "DA2"))
        {
            var (problem, _) = await LifecycleApi.ConflictAsync(noTarget);
            Assert.Equal("carryover.noTarget", (string?)problem["code"]);
        }

        // 3. finance imports 2025 and carries DA2 over: the uncommitted 2024 money moves, the commitment stays
        var plan2025 = await finance.Import2025PlanAsync();
        var da2Of2025 = await finance.LineIdAsync(plan2025, "DA2");
        Assert.Equal(new Columns(1_521_000_000, 0, 0, 0), (await fixture.Factory.BalancesAsync(da2Of2025))["Central"]);
        using (var carried = await finance.CarryOverAsync(plan2024, "DA2"))
        {
            var result = (await carried.ExpectAsync(HttpStatusCode.OK))!;
            Assert.Equal(da2, Guid.Parse((string)result["fromPlanLineId"]!));
            Assert.Equal(da2Of2025, Guid.Parse((string)result["toPlanLineId"]!));
            Assert.Equal(1_521_000_000 - 86_964_000, (long)result["moved"]!["Central"]!);
            Assert.Equal(76_000_000 - 4_345_000, (long)result["moved"]!["Provincial"]!);
            Assert.Equal(152_000_000 - 8_691_000, (long)result["moved"]!["District"]!);
            Assert.Equal(100_000_000, (long)result["commitmentsKept"]!);
        }
        var next = await fixture.Factory.BalancesAsync(da2Of2025);
        Assert.Equal(new Columns(1_521_000_000L + 1_434_036_000L, 0, 0, 0), next["Central"]);
        Assert.Equal(new Columns(76_000_000 + 71_655_000, 0, 0, 0), next["Provincial"]);
        Assert.Equal(new Columns(152_000_000 + 143_309_000, 0, 0, 0), next["District"]);
        var closed = await fixture.Factory.BalancesAsync(da2);
        Assert.Equal(new Columns(86_964_000, 86_964_000, 0, 0), closed["Central"]);
        Assert.Equal(0, closed["Provincial"].Uncommitted);

        // 4. the carried line's proposal disburses again, through to the treasury
        await clerk.ActOkAsync("disbursements", payment, "request");
        await (await s.As(Demo.Finance2)).ActOkAsync("disbursements", payment, "approve");
        await (await s.As(Demo.Treasury)).ActOkAsync("disbursements", payment, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2025-0007", "2025-02-04"));
        Assert.Equal(50_000_000, Position.TotalOf(await clerk.GetProposalAsync(onDA2)).Disbursed);

        // 5. a line that was not carried over stays closed
        var other = await clerk.CreateDisbursementOkAsync(onDA31, "Payment", 10_000_000);
        using (var stillClosed = await clerk.ActAsync("disbursements", other, "request"))
        {
            var (_, errors) = await LifecycleApi.ConflictAsync(stillClosed);
            LifecycleApi.MessageAt(errors, "fiscalYear", "Quy tắc 19", "DA3.1");
        }

        // 6. the same line cannot be carried over twice
        using (var again = await finance.CarryOverAsync(plan2024, "DA2", "Công văn số 216/UBND-TCKH"))
        {
            var (problem, _) = await LifecycleApi.ConflictAsync(again);
            Assert.Equal("carryover.exists", (string?)problem["code"]);
        }
        Assert.Equal(next, await fixture.Factory.BalancesAsync(da2Of2025));
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }
}

/// <summary>
/// A carryover moves allocation between two plans' balances; a later revision of either plan re-allocates its lines
/// from the plan file. The carried money must neither vanish from the new year nor reappear in the old one.
/// </summary>
public sealed class CarryoverRevisionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static readonly string[] Sources = ["Central", "Provincial", "District"];

    /// <summary>Closes 2024, imports 2025 and carries DA2 over (once for the class: the other test may have done it).</summary>
    private async Task<(Session Session, Guid Plan2024, Guid Plan2025, Guid From, Guid To)> CarriedOverAsync()
    {
        var s = new Session(fixture.Factory);
        s.CloseThe2024Year();
        var finance = await s.As(Demo.Finance);
        var plan2024 = await finance.PlanIdAsync(2024);
        var plan2025 = await finance.FindPlanIdAsync("BP.HQ", 2025) ?? await finance.Import2025PlanAsync();
        using (var carried = await finance.CarryOverAsync(plan2024, "DA2"))
            if (carried.StatusCode != HttpStatusCode.OK) Assert.Equal("carryover.exists", (string?)(await LifecycleApi.ConflictAsync(carried)).Problem["code"]);
        return (s, plan2024, plan2025, await finance.LineIdAsync(plan2024, "DA2"), await finance.LineIdAsync(plan2025, "DA2"));
    }

    /// <summary>The year's file with DA7 raised by 20 / 1 / 2 million (5 % / 10 % kept) and the totals to match.</summary>
    private static JsonObject RaisedDA7(int fiscalYear, long times, string reason)
    {
        var plan = PlanFixture.ForYear(fiscalYear);
        plan.Amounts(PlanFixture.DA7).AddTo("Central", times * 20_000_000).AddTo("Provincial", times * 1_000_000).AddTo("District", times * 2_000_000);
        plan.Totals().AddTo("Central", times * 20_000_000).AddTo("Provincial", times * 1_000_000).AddTo("District", times * 2_000_000);
        plan["reason"] = reason;
        return plan;
    }

    [Fact]
    public async Task Revise_WhenTheNextYearsPlanIsRevisedAfterACarryover_KeepsTheAllocationCarriedIntoIt()
    {
        var (s, _, plan2025, _, to) = await CarriedOverAsync();
        using var _ = s;
        var before = await fixture.Factory.BalancesAsync(to);
        Assert.Equal(1_521_000_000L * 2, before["Central"].Allocated); // nothing committed in 2024: all of it came over

        using (var revised = await (await s.As(Demo.Finance)).ReviseAsync(plan2025, RaisedDA7(2025, 1, "Bổ sung vốn Dự án 7 năm 2025")))
            await revised.ExpectAsync(HttpStatusCode.Created);

        var after = await fixture.Factory.BalancesAsync(to);
        foreach (var source in Sources)
            Assert.True(before[source].Allocated == after[source].Allocated,
                $"Revising DA7 of 2025 changed the allocation of the DA2 line that received the carryover: {source} {before[source].Allocated:#,0} → {after[source].Allocated:#,0}.");
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    /// <summary>
    /// Rule 6 says a revision may not cut a line below what is committed on it. A line that received a carryover may
    /// rightly have more committed than the plan file gives it (the carried money is spent too): a revision that
    /// leaves that line as it is cuts nothing and must go through.
    /// </summary>
    [Fact]
    public async Task Revise_WhenTheNextYearsLineHasCommittedCarriedMoney_AcceptsARevisionThatLeavesTheLineAsItIs()
    {
        var (s, _, plan2025, _, to) = await CarriedOverAsync();
        using var _ = s;
        // 1,800 million of support: 1,565,352,000 central, more than the 1,521,000,000 in the 2025 file, within the 3,042,000,000 allocated
        var big = LifecycleApi.Model(to, 1_800_000_000, "Dự án liên kết sản xuất hạt điều quy mô huyện (vốn chuyển nguồn)");
        big["startDate"] = "2025-03-01";
        big["endDate"] = "2025-12-15";
        var id = await s.ApprovedProposalAsync(big, "45/QĐ-UBND");
        var committed = (await fixture.Factory.BalancesAsync(to))["Central"].Committed;
        Assert.True(committed > 1_521_000_000, $"committed {committed:#,0}");

        using var revised = await (await s.As(Demo.Finance)).ReviseAsync(plan2025, RaisedDA7(2025, 3, "Bổ sung vốn Dự án 7 năm 2025 (lần 2)"));

        Assert.True(revised.StatusCode == HttpStatusCode.Created,
            $"A revision that only raises DA7 is refused because DA2 holds {committed:#,0} committed against its 1,521,000,000 in the file, " +
            $"though its allocation with the carryover is {(await fixture.Factory.BalancesAsync(to))["Central"].Allocated:#,0}: {await LifecycleApi.DescribeAsync(revised)}");
        Assert.Equal(committed, (await fixture.Factory.BalancesAsync(to))["Central"].Committed);
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    [Fact]
    public async Task Revise_WhenTheClosedYearIsRevisedAfterACarryover_DoesNotAllocateTheCarriedMoneyAgain()
    {
        var (s, plan2024, _, from, to) = await CarriedOverAsync();
        using var _ = s;
        var carriedFrom = await fixture.Factory.BalancesAsync(from);
        var carriedTo = await fixture.Factory.BalancesAsync(to);

        using var revised = await (await s.As(Demo.Finance)).ReviseAsync(plan2024, RaisedDA7(2024, 2, "Điều chỉnh Dự án 7 năm 2024 sau khi chuyển nguồn"));

        Assert.True(revised.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, await LifecycleApi.DescribeAsync(revised));
        var after = await fixture.Factory.BalancesAsync(from);
        foreach (var source in Sources)
            Assert.True(after[source].Uncommitted == carriedFrom[source].Uncommitted,
                $"{source}: after the carryover the 2024 DA2 line had {carriedFrom[source].Uncommitted:#,0} uncommitted; the revision made it {after[source].Uncommitted:#,0}, " +
                $"while the 2025 DA2 line still holds {carriedTo[source].Allocated:#,0} with the carried money in it: the same money is allocated twice.");
    }
}
