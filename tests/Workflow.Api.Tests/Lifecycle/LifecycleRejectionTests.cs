using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// What the rules refuse, and how the refusal reads: the status, the field the user must correct, and a Vietnamese
/// message naming the rule and the numbers it applied. DA3.1 is left to the rule-9 test; the others use DA2.
/// </summary>
public sealed class LifecycleRejectionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private async Task<(Session Session, HttpClient Clerk, Guid LineId)> StartAsync(string component = "DA2")
    {
        var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, lineId) = await clerk.SeededLineAsync(component);
        return (s, clerk, lineId);
    }

    // ---------- rule 8: the split follows the line ----------

    [Fact]
    public async Task Create_WhenHandSplitIsOffTheLineRatioByMoreThan1000InASource_Returns400AtSplitDistrictNamingRule8()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        // 100 million on DA2 is 86,964,000 / 4,345,000 / 8,691,000 by the line's ratio; District is entered 2,000 short
        var body = LifecycleApi.Model(lineId, 100_000_000);
        body["split"] = new JsonObject { ["Central"] = 86_965_000L, ["Provincial"] = 4_346_000L, ["District"] = 8_689_000L };

        using var response = await clerk.CreateProposalAsync(body);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "split.District");
        LifecycleApi.MessageAt(errors, "split.District", "Quy tắc 8", "Ngân sách huyện (đối ứng)", "8.689.000 ₫", "lệch 2.000 ₫", "8.691.000 ₫", "1.000 ₫");
    }

    [Fact]
    public async Task Create_WhenHandSplitIsWithin1000PerSource_KeepsTheHandSplit()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 100_000_000);
        body["split"] = new JsonObject { ["Central"] = 86_965_000L, ["Provincial"] = 4_345_000L, ["District"] = 8_690_000L };

        var id = await clerk.CreateProposalOkAsync(body);

        var proposal = await clerk.GetProposalAsync(id);
        Assert.True((bool)proposal["splitByHand"]!);
        Assert.Equal(86_965_000, (long)proposal["split"]!["Central"]!);
        Assert.Equal(8_690_000, (long)proposal["split"]!["District"]!);
        await clerk.ActOkAsync("proposals", id, "withdraw"); // leaves the line as it was
    }

    // ---------- rule 10: support caps ----------

    [Fact]
    public async Task Submit_WhenValueChainInOtherAreaAsksMoreThanHalfTheCost_Returns400AtStateSupportNamingRule10()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 101_000_000, "Dự án liên kết chuỗi giá trị hạt điều");
        body["kind"] = "ValueChain";
        body["areaType"] = "Other";
        body["totalCost"] = 200_000_000L;
        body["counterpart"] = new JsonObject { ["cash"] = 49_000_000L, ["labour"] = 50_000_000L, ["inKind"] = 0L };
        var id = await clerk.CreateProposalOkAsync(body);

        using var response = await clerk.ActAsync("proposals", id, "submit");

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "stateSupport");
        LifecycleApi.MessageAt(errors, "stateSupport", "Quy tắc 10", "chuỗi giá trị", "địa bàn khác", "50 %", "200.000.000 ₫", "100.000.000 ₫", "101.000.000 ₫", "vượt 1.000.000 ₫");
        Assert.Equal("Draft", (string?)(await clerk.GetProposalAsync(id))["state"]);
    }

    // ---------- rule 11: beneficiary share ----------

    [Fact]
    public async Task Submit_WhenFewerThanHalfTheParticipantsAreBeneficiaries_Returns400AtBeneficiariesNamingRule11()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 50_000_000, "Mô hình trồng tiêu hữu cơ");
        body["beneficiaries"] = new JsonObject
        {
            ["poor"] = 4, ["nearPoor"] = 6, ["newlyEscaped"] = 0, ["ethnicMinority"] = 3, ["disabled"] = 0, ["totalParticipants"] = 25,
        };
        var id = await clerk.CreateProposalOkAsync(body);

        using var response = await clerk.ActAsync("proposals", id, "submit");

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "beneficiaries");
        LifecycleApi.MessageAt(errors, "beneficiaries", "Quy tắc 11", "10/25", "40", "50");
        Assert.Equal("Draft", (string?)(await clerk.GetProposalAsync(id))["state"]);
    }

    // ---------- rule 9: within what the line has left ----------

    [Fact]
    public async Task Submit_WhenTheLineHasLessLeftThanAskedBecauseAnotherProposalIsPending_Returns409NamingSourceAndShortfall()
    {
        var (s, clerk, lineId) = await StartAsync("DA3.1"); // 586 / 29 / 59 million, nothing else on it
        using var _ = s;
        var first = await clerk.CreateProposalOkAsync(LifecycleApi.Model(lineId, 400_000_000, "Mô hình chăn nuôi heo an toàn sinh học"));
        await clerk.ActOkAsync("proposals", first, "submit"); // pending: 347,774,000 / 17,211,000 / 35,015,000
        var second = await clerk.CreateProposalOkAsync(LifecycleApi.Model(lineId, 300_000_000, "Mô hình nuôi dê sinh sản"));

        using var response = await clerk.ActAsync("proposals", second, "submit");

        var (problem, errors) = await LifecycleApi.ConflictAsync(response);
        Assert.Equal("workflow.guard", (string?)problem["code"]);
        Assert.Equal(["split.Central", "split.District", "split.Provincial"], errors.Keys.Order(StringComparer.Ordinal).ToArray());
        LifecycleApi.MessageAt(errors, "split.Central", "Quy tắc 9", "Ngân sách trung ương (NSTW)", "DA3.1", "còn 238.226.000 ₫", "giao 586.000.000 ₫",
            "đã cam kết 0 ₫", "đang chờ 347.774.000 ₫", "cần 260.831.000 ₫", "thiếu 22.605.000 ₫");
        LifecycleApi.MessageAt(errors, "split.Provincial", "Quy tắc 9", "Ngân sách tỉnh", "còn 11.789.000 ₫", "cần 12.908.000 ₫", "thiếu 1.119.000 ₫");
        LifecycleApi.MessageAt(errors, "split.District", "Quy tắc 9", "Ngân sách huyện (đối ứng)", "còn 23.985.000 ₫", "cần 26.261.000 ₫", "thiếu 2.276.000 ₫");
        Assert.Equal("Draft", (string?)(await clerk.GetProposalAsync(second))["state"]);

        // once the first is withdrawn, the same proposal fits
        await clerk.ActOkAsync("proposals", first, "withdraw");
        await clerk.ActOkAsync("proposals", second, "submit");
        await clerk.ActOkAsync("proposals", second, "withdraw");
    }

    // ---------- rule 14: advance cap ----------

    [Fact]
    public async Task Request_WhenAdvancesOnA200MillionContractWouldPass100Million_Returns409AtAmountNamingRule14()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 200_000_000, "Mô hình may gia công", contractValue: 200_000_000));
        var first = await clerk.CreateDisbursementOkAsync(id, "Advance", 60_000_000);
        await clerk.ActOkAsync("disbursements", first, "request");
        var second = await clerk.CreateDisbursementOkAsync(id, "Advance", 50_000_000);

        using var response = await clerk.ActAsync("disbursements", second, "request");

        var (_, errors) = await LifecycleApi.ConflictAsync(response);
        LifecycleApi.MessageAt(errors, "amount", "Quy tắc 14", "TT 17/2024/TT-BTC", "200.000.000 ₫", "50 %", "100.000.000 ₫", "110.000.000 ₫", "vượt 10.000.000 ₫");
        Assert.Equal("Draft", (string?)(await clerk.GetDisbursementAsync(second))["state"]);

        // up to the cap exactly is fine
        var third = await clerk.CreateDisbursementOkAsync(id, "Advance", 40_000_000);
        await clerk.ActOkAsync("disbursements", third, "request");
    }

    // ---------- rule 12: within the approved amount ----------

    [Fact]
    public async Task Request_WhenPaymentIsAboveTheApprovedAmount_Returns409NamingRule12AndTheExcess()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình trồng bưởi da xanh"));
        var payment = await clerk.CreateDisbursementOkAsync(id, "Payment", 120_000_000);

        using var response = await clerk.ActAsync("disbursements", payment, "request");

        var (problem, errors) = await LifecycleApi.ConflictAsync(response);
        Assert.Equal("workflow.guard", (string?)problem["code"]);
        LifecycleApi.MessageAt(errors, "split.Central", "Quy tắc 12", "thanh toán", "Ngân sách trung ương (NSTW)", "104.357.000 ₫", "86.964.000 ₫", "thừa 17.393.000 ₫");
        Assert.Contains("split.Provincial", errors.Keys);
        Assert.Contains("split.District", errors.Keys);
    }

    /// <summary>
    /// Rule 12 with rule 13's rounding: 100 million approved, paid in five payments of 20 million. Each payment is
    /// split by the approved shares at 1,000 đ, so four of them already hold 69,572,000 of the 86,964,000 central;
    /// the fifth — exactly what is left, 20,000,000 — is split 17,393,000 central, 1,000 more than is left there.
    /// </summary>
    [Fact]
    public async Task Request_WhenLastPaymentIsExactlyTheRemainingAmount_IsAccepted()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình nuôi ong lấy mật"));
        for (var i = 0; i < 4; i++) await s.PaidDisbursementAsync(id, "Payment", 20_000_000, $"KB-2024-ONG{i}");
        var last = await clerk.CreateDisbursementOkAsync(id, "Payment", 20_000_000);

        using var response = await clerk.ActAsync("disbursements", last, "request");

        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Asking for exactly the 20,000,000 still undisbursed of the approved 100,000,000 is refused: {await LifecycleApi.DescribeAsync(response)}");
    }

    // ---------- rule 15: no advance outstanding at settlement ----------

    [Fact]
    public async Task OpenSettlement_WhenAnAdvanceIsOutstanding_Returns409NamingRule15()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình trồng sầu riêng"));
        await s.PaidDisbursementAsync(id, "Advance", 50_000_000, "KB-2024-0101");

        using var response = await clerk.OpenSettlementAsync(id, LifecycleApi.SettlementBody(40_000_000, 2_000_000, 4_000_000, 20, 25));

        var (_, errors) = await LifecycleApi.ConflictAsync(response);
        LifecycleApi.MessageAt(errors, "advances", "Quy tắc 15", "50.000.000 ₫", "tạm ứng");
        Assert.Equal("Approved", (string?)(await clerk.GetProposalAsync(id))["state"]);
    }

    /// <summary>
    /// Rule 15 says payments clear advances before settlement. Opening the settlement moves the proposal to
    /// Settling, and only an Approved proposal takes disbursements: so either the opening is refused while an
    /// advance is outstanding, or the agency can still ask for the payment that clears it.
    /// </summary>
    [Fact]
    public async Task OpenSettlement_WhenAnAdvanceIsOutstanding_IsRefusedOrTheAdvanceCanStillBeCleared()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình trồng cà phê xen canh"));
        await s.PaidDisbursementAsync(id, "Advance", 50_000_000, "KB-2024-0102");

        using var opened = await clerk.OpenSettlementAsync(id, LifecycleApi.SettlementBody(43_482_000, 2_173_000, 4_345_000, 20, 25));
        if (opened.StatusCode == HttpStatusCode.Conflict)
        {
            var (problem, _) = await LifecycleApi.ConflictAsync(opened);
            Assert.Contains("Quy tắc 15", (string?)problem["detail"]);
            return;
        }
        await opened.ExpectAsync(HttpStatusCode.Created);

        using var payment = await clerk.CreateDisbursementAsync(id, "Payment", 50_000_000);
        Assert.True(payment.StatusCode == HttpStatusCode.Created,
            "The settlement was opened with 50,000,000 advanced and not cleared; the payment that would clear it is refused, so the settlement " +
            $"can never be submitted (rule 15): {await LifecycleApi.DescribeAsync(payment)}");
    }

    /// <summary>
    /// A payment approved by finance but not yet confirmed by the treasury when the settlement is opened: either the
    /// settlement waits for it (refused while a disbursement is in flight), or the treasury can no longer pay once
    /// the proposal is settled. What must not happen is cash leaving after the settlement released the commitment.
    /// </summary>
    [Fact]
    public async Task ConfirmPayment_WhenTheProposalWasSettledWhileThePaymentWaitedAtTheTreasury_NoCashLeavesAfterSettlement()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        // another approved proposal on the line, so the line as a whole has commitment to spare
        await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 50_000_000, "Mô hình trồng chanh dây"));
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình trồng thanh long ruột đỏ"));
        await s.PaidDisbursementAsync(id, "Payment", 50_000_000, "KB-2024-0110");   // 43,482,000 / 2,173,000 / 4,345,000
        var waiting = await s.ApprovedDisbursementAsync(id, "Payment", 30_000_000);  // approved, not yet paid

        using (var opened = await clerk.OpenSettlementAsync(id, LifecycleApi.SettlementBody(43_482_000, 2_173_000, 4_345_000, 20, 25)))
        {
            if (opened.StatusCode == HttpStatusCode.Conflict) return; // refused while a payment is in flight: fine
            var settlement = Guid.Parse((string)(await opened.ExpectAsync(HttpStatusCode.Created))!["id"]!);
            using (var submitted = await clerk.ActAsync("settlements", settlement, "submit"))
                if (submitted.StatusCode == HttpStatusCode.Conflict) return;
            await (await s.As(Demo.Finance)).ActOkAsync("settlements", settlement, "verify");
            using (var approved = await (await s.As(Demo.Finance2)).ActAsync("settlements", settlement, "approve"))
                if (approved.StatusCode == HttpStatusCode.Conflict) return;
        }
        Assert.Equal("Settled", (string?)(await clerk.GetProposalAsync(id))["state"]);

        using var late = await (await s.As(Demo.Treasury)).ActAsync("disbursements", waiting, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2024-0111"));

        var proposal = await clerk.GetProposalAsync(id);
        var total = Position.TotalOf(proposal);
        Assert.True(late.StatusCode == HttpStatusCode.Conflict,
            $"The treasury paid 30,000,000 more on a settled proposal (settled {total.Settled:#,0}, committed {total.Committed:#,0}, now disbursed {total.Disbursed:#,0}): " +
            await LifecycleApi.DescribeAsync(late));
        Assert.True(total.Disbursed <= total.Committed, $"Disbursed {total.Disbursed:#,0} > committed {total.Committed:#,0}");
    }

    // ---------- rule 17: actual within disbursed ----------

    [Fact]
    public async Task SubmitSettlement_WhenActualCostIsAboveWhatWasDisbursed_Returns409AtActualCostNamingRule17()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 100_000_000, "Mô hình trồng rau thủy canh"));
        await s.PaidDisbursementAsync(id, "Payment", 50_000_000, "KB-2024-0103"); // 43,482,000 / 2,173,000 / 4,345,000
        var settlement = await clerk.OpenSettlementOkAsync(id, LifecycleApi.SettlementBody(43_483_000, 2_173_000, 4_345_000, 20, 25));

        using var response = await clerk.ActAsync("settlements", settlement, "submit");

        var (_, errors) = await LifecycleApi.ConflictAsync(response);
        Assert.Equal(["actualCost.Central"], errors.Keys.ToArray());
        LifecycleApi.MessageAt(errors, "actualCost.Central", "Quy tắc 17", "Ngân sách trung ương (NSTW)", "43.483.000 ₫", "43.482.000 ₫");

        // corrected to what was paid, it goes through
        using (var edited = await clerk.PutAsync($"/api/settlements/{settlement}",
                   Tests.Infrastructure.Api.JsonBody(LifecycleApi.SettlementBody(43_482_000, 2_173_000, 4_345_000, 20, 25))))
            await edited.ExpectAsync(HttpStatusCode.OK);
        await clerk.ActOkAsync("settlements", settlement, "submit");
    }

    // ---------- rule 7: another agency ----------

    [Fact]
    public async Task AnotherAgency_WhenItReadsOrActsOnAProposal_Gets404AndCannotProposeOnTheLine403()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 30_000_000, "Mô hình nuôi vịt trời"));
        var disbursement = await clerk.CreateDisbursementOkAsync(id, "Advance", 10_000_000);
        var health = await s.As(Demo.Health);

        using (var read = await health.GetAsync($"/api/proposals/{id}")) await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        using (var act = await health.ActAsync("proposals", id, "withdraw")) await ProblemAssert.IsProblemAsync(act, HttpStatusCode.NotFound);
        using (var readD = await health.GetAsync($"/api/disbursements/{disbursement}")) await ProblemAssert.IsProblemAsync(readD, HttpStatusCode.NotFound);
        using (var actD = await health.ActAsync("disbursements", disbursement, "request")) await ProblemAssert.IsProblemAsync(actD, HttpStatusCode.NotFound);
        using (var ask = await health.CreateDisbursementAsync(id, "Advance", 10_000_000)) await ProblemAssert.IsProblemAsync(ask, HttpStatusCode.NotFound);
        using (var create = await health.CreateProposalAsync(LifecycleApi.Model(lineId, 30_000_000, "Mô hình của Trung tâm Y tế trên dòng DA2")))
        {
            var problem = await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
            Assert.Contains("Quy tắc 7", (string?)problem["detail"]);
        }
        Assert.Equal("Draft", (string?)(await clerk.GetDisbursementAsync(disbursement))["state"]);
    }

    // ---------- drafts only; maker ≠ checker; treasury reference ----------

    [Fact]
    public async Task Edit_WhenProposalIsSubmitted_Returns409()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 20_000_000, "Mô hình trồng nấm linh chi");
        var id = await clerk.CreateProposalOkAsync(body);
        await clerk.ActOkAsync("proposals", id, "submit");
        body["title"] = "Mô hình trồng nấm linh chi (sửa)";

        using var response = await clerk.EditProposalAsync(id, body);

        var (problem, _) = await LifecycleApi.ConflictAsync(response);
        Assert.Equal("proposal.notDraft", (string?)problem["code"]);
        Assert.Equal("Mô hình trồng nấm linh chi", (string?)(await clerk.GetProposalAsync(id))["title"]);
        await clerk.ActOkAsync("proposals", id, "withdraw");
    }

    [Fact]
    public async Task ApproveDisbursement_WhenTheRequestingClerkTries_Returns403AndTreasuryCannotConfirmWithoutReference400()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 30_000_000, "Mô hình làm bánh tráng"));
        var disbursement = await clerk.CreateDisbursementOkAsync(id, "Payment", 10_000_000);
        await clerk.ActOkAsync("disbursements", disbursement, "request");

        using (var own = await clerk.ActAsync("disbursements", disbursement, "approve"))
            await ProblemAssert.IsProblemAsync(own, HttpStatusCode.Forbidden);
        await (await s.As(Demo.Finance2)).ActOkAsync("disbursements", disbursement, "approve");

        var treasury = await s.As(Demo.Treasury);
        using (var noReference = await treasury.ActAsync("disbursements", disbursement, "confirm-payment", data: new { paidOn = "2024-06-03" }))
        {
            var errors = await ProblemAssert.HasErrorsExactlyAtAsync(noReference, "data.treasuryReference");
            LifecycleApi.MessageAt(errors, "data.treasuryReference", "số chứng từ kho bạc");
        }
        using (var blankReference = await treasury.ActAsync("disbursements", disbursement, "confirm-payment", data: new { treasuryReference = "  ", paidOn = "2024-06-03" }))
            await ProblemAssert.HasErrorsExactlyAtAsync(blankReference, "data.treasuryReference");
        Assert.Equal(0, Position.TotalOf(await clerk.GetProposalAsync(id)).Disbursed);

        await treasury.ActOkAsync("disbursements", disbursement, "confirm-payment", data: LifecycleApi.TreasuryConfirmation("KB-2024-0200"));
        Assert.Equal(10_000_000, Position.TotalOf(await clerk.GetProposalAsync(id)).Disbursed);
    }

    [Fact]
    public async Task Approve_WhenDecisionNumberIsMissing_Returns400AtDataDecisionNumberAndCommitsNothing()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await clerk.CreateProposalOkAsync(LifecycleApi.Model(lineId, 20_000_000, "Mô hình trồng hoa lan"));
        await s.ToAppraisedAsync(id);

        using var response = await (await s.As(Demo.Chair)).ActAsync("proposals", id, "approve", data: new { decisionDate = "2024-05-20" });

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "data.decisionNumber");
        var proposal = await clerk.GetProposalAsync(id);
        Assert.Equal("Appraised", (string?)proposal["state"]);
        Assert.Equal(0, Position.TotalOf(proposal).Committed);
        await (await s.As(Demo.Chair)).ActOkAsync("proposals", id, "reject", "Không phê duyệt để thử nghiệm");
    }

    // ---------- malformed input: 400 with a path, never 500 ----------

    [Fact]
    public async Task Create_WhenTotalCostIsAString_Returns400AtTotalCost()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body["totalCost"] = "ba mươi triệu";

        using var response = await clerk.CreateProposalAsync(body);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "totalCost");
    }

    [Fact]
    public async Task Create_WhenKindIsUnknown_Returns400AtKind()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body["kind"] = "Factory";

        using var response = await clerk.CreateProposalAsync(body);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "kind");
        LifecycleApi.MessageAt(errors, "kind", "ValueChain", "PovertyReductionModel");
    }

    [Fact]
    public async Task Create_WhenPlanLineIdIsMissing_Returns400AtPlanLineId()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body.Remove("planLineId");

        using var response = await clerk.CreateProposalAsync(body);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "planLineId");
    }

    [Fact]
    public async Task Create_WhenEndDateIsBeforeStartDate_Returns400AtEndDate()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body["startDate"] = "2024-09-01";
        body["endDate"] = "2024-08-31";

        using var response = await clerk.CreateProposalAsync(body);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "endDate");
        LifecycleApi.MessageAt(errors, "endDate", "31/08/2024", "01/09/2024");
    }

    [Theory]
    [InlineData("attachments")]
    [InlineData("communes")]
    public async Task Create_WhenAListHoldsANullItem_Returns400AtTheList(string list)
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var body = LifecycleApi.Model(lineId, 20_000_000);
        body[list] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);

        using var response = await clerk.CreateProposalAsync(body);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, list);
    }

    [Theory]
    [InlineData("{\"kind\":\"Advance\",\"amount\":\"mười triệu\"}", "amount")]
    [InlineData("{\"kind\":\"Loan\",\"amount\":10000000}", "kind")]
    [InlineData("{\"kind\":\"Advance\"}", "amount")]
    [InlineData("{\"kind\":\"Advance\",\"amount\":-5}", "amount")]
    public async Task RequestDisbursement_WhenBodyIsMalformed_Returns400AtThePath(string body, string path)
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 20_000_000, "Mô hình trồng chuối cấy mô"));

        using var response = await clerk.PostAsync($"/api/proposals/{id}/disbursements", Tests.Infrastructure.Api.JsonBody(body));

        await ProblemAssert.HasErrorsAtAsync(response, path);
    }

    // ---------- the proposal's settlement steps are not buttons ----------

    [Fact]
    public async Task StartSettlementAndSettle_WhenFiredByHand_AreRefused409And403()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var id = await s.ApprovedProposalAsync(LifecycleApi.Model(lineId, 20_000_000, "Mô hình làm nhang sạch"));

        using (var start = await clerk.ActAsync("proposals", id, "start-settlement"))
        {
            var (problem, _) = await LifecycleApi.ConflictAsync(start);
            Assert.Contains("/settlement", (string?)problem["detail"]);
        }
        using (var settleNow = await clerk.ActAsync("proposals", id, "settle"))
            Assert.True(settleNow.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden, await LifecycleApi.DescribeAsync(settleNow));

        await clerk.OpenSettlementOkAsync(id, LifecycleApi.SettlementBody(0, 0, 0, 20, 25));
        foreach (var user in new[] { Demo.Clerk, Demo.Finance, Demo.Chair, Demo.Admin })
        {
            using var settle = await (await s.As(user)).ActAsync("proposals", id, "settle");
            await ProblemAssert.IsProblemAsync(settle, HttpStatusCode.Forbidden);
        }
        Assert.Equal("Settling", (string?)(await clerk.GetProposalAsync(id))["state"]);
    }
}
