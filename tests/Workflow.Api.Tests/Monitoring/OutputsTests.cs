using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// Hớn Quản 2024 (programme period 2021–2025): the agricultural centre's DA2 models plan their outputs by catalogue
/// indicator, the acceptance records what was reached, and the totals for the district put planned beside actual;
/// the standing office (here the national administrator, the district being history) records escapes after support and
/// funds outside the system.
/// </summary>
public sealed class OutputsTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static JsonArray Outputs(params (string Indicator, long Quantity)[] outputs) =>
        new([.. outputs.Select(o => (JsonNode)new JsonObject { ["indicator"] = o.Indicator, ["quantity"] = o.Quantity })]);

    private static async Task<JsonObject> ModelAsync(HttpClient clerk, string title, long stateSupport, JsonArray? planned)
    {
        var (_, line) = await clerk.SeededLineAsync("DA2");
        var body = LifecycleApi.Model(line, stateSupport, title);
        if (planned is not null) body["plannedOutputs"] = planned;
        return body;
    }

    [Fact]
    public async Task GetIndicators_ByYearOrPeriod_ReturnsTheCatalogueOfThatProgrammePeriod()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);

        var byYear = await clerk.GetJsonAsync("/api/monitoring/indicators?year=2024");
        var later = await clerk.GetJsonAsync("/api/monitoring/indicators?period=2026-2030");

        Assert.Equal("2021-2025", (string?)byYear["period"]);
        var trained = byYear["indicators"]!.AsArray().Single(i => (string?)i!["code"] == "DA4.1.trained")!;
        Assert.Equal("người", (string?)trained["unit"]);
        Assert.Equal("DA4.1", (string?)trained["component"]);
        var rate = byYear["indicators"]!.AsArray().Single(i => (string?)i!["code"] == "poverty.poorRate")!;
        Assert.Equal("poverty.households", (string?)rate["denominator"]);
        Assert.False((bool)later["complete"]!);
        using var neither = await clerk.GetAsync("/api/monitoring/indicators");
        await ProblemAssert.HasErrorsAtAsync(neither, "period");
        using var unknown = await clerk.GetAsync("/api/monitoring/indicators?period=2016-2020");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CreateProposal_WithPlannedOutputsOfItsComponent_StoresThemAndShowsThemNamed()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);

        var id = await clerk.CreateProposalOkAsync(await ModelAsync(clerk, "Mô hình nuôi dê sinh sản", 40_000_000, Outputs(("DA2.models", 1), ("DA2.participants", 25))));

        var planned = (await clerk.GetProposalAsync(id))["plannedOutputs"]!.AsArray();
        Assert.Equal(["DA2.models", "DA2.participants"], planned.Select(o => (string?)o!["indicator"]));
        Assert.Equal(25, (long)planned[1]!["quantity"]!);
        Assert.Equal("hộ", (string?)planned[1]!["unit"]);
    }

    [Fact]
    public async Task CreateProposal_WhenAnIndicatorIsUnknownOfAnotherComponentNotAnOutputRepeatedOrTheQuantityNegative_Answers400NamingEachRow()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var body = await ModelAsync(clerk, "Mô hình nuôi gà thả vườn", 40_000_000,
            Outputs(("DA2.models", 1), ("DA2.cows", 3), ("DA4.1.trained", 30), ("poverty.poorRate", 1), ("DA2.models", 2), ("DA2.participants", -5)));

        using var response = await clerk.CreateProposalAsync(body);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "plannedOutputs[1].indicator", "plannedOutputs[2].indicator",
            "plannedOutputs[3].indicator", "plannedOutputs[4].indicator", "plannedOutputs[5].quantity");
        Assert.Contains("'DA2.cows'", errors["plannedOutputs[1].indicator"][0]);
        Assert.Contains("DA4.1", errors["plannedOutputs[2].indicator"][0]);
        Assert.Contains("plannedOutputs[0]", errors["plannedOutputs[4].indicator"][0]);
        var drafts = await clerk.GetJsonAsync("/api/proposals?q=" + Uri.EscapeDataString("nuôi gà thả vườn"));
        Assert.Equal(0, (int)drafts["total"]!);
    }

    [Fact]
    public async Task EditProposal_WhenPlannedOutputsAreBad_Answers400AndChangesNothing_AndWithoutThemKeepsThem()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var body = await ModelAsync(clerk, "Mô hình trồng tiêu hữu cơ", 40_000_000, Outputs(("DA2.models", 1)));
        var id = await clerk.CreateProposalOkAsync(body);

        body["plannedOutputs"] = Outputs(("DA2.models", 1), ("DA2.models", 1));
        body["title"] = "Mô hình trồng tiêu hữu cơ (sửa)";
        using var refused = await clerk.EditProposalAsync(id, body);
        await ProblemAssert.HasErrorsExactlyAtAsync(refused, "plannedOutputs[1].indicator");
        var unchanged = await clerk.GetProposalAsync(id);
        Assert.Equal(0, (int)unchanged["revision"]!);
        Assert.Equal("Mô hình trồng tiêu hữu cơ", (string?)unchanged["title"]);

        body.Remove("plannedOutputs");
        using var kept = await clerk.EditProposalAsync(id, body);
        await kept.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (long)Assert.Single((await clerk.GetProposalAsync(id))["plannedOutputs"]!.AsArray())!["quantity"]!);
    }

    [Fact]
    public async Task OutputTotals_WhenTwoModelsAreAccepted_AddPlannedAndActualPerIndicatorAndTheParticipants()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var labour = await s.As(Demo.Labour);
        var before = await labour.GetJsonAsync("/api/monitoring/output-totals?unit=BP.HQ&year=2024");

        var goats = await s.ApprovedProposalAsync(await ModelAsync(clerk, "Mô hình nuôi dê (tổng hợp)", 30_000_000, Outputs(("DA2.models", 1), ("DA2.participants", 25))));
        var ducks = await s.ApprovedProposalAsync(await ModelAsync(clerk, "Mô hình nuôi vịt (tổng hợp)", 20_000_000, Outputs(("DA2.models", 1), ("DA2.participants", 25), ("DA2.workers", 30))));
        var goatsAccepted = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 20, reachedTotal: 22);
        goatsAccepted["actualOutputs"] = Outputs(("DA2.models", 1), ("DA2.participants", 22));
        var settlement = await clerk.OpenSettlementOkAsync(goats, goatsAccepted);
        var ducksAccepted = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 18, reachedTotal: 18);
        ducksAccepted.Remove("outputs");
        ducksAccepted["actualOutputs"] = Outputs(("DA2.participants", 18), ("DA2.revolvingFunds", 1));
        await clerk.OpenSettlementOkAsync(ducks, ducksAccepted);

        var shown = await clerk.GetSettlementAsync(settlement);
        var participants = shown["outputsPlannedAndActual"]!.AsArray().Single(o => (string?)o!["indicator"] == "DA2.participants")!;
        Assert.Equal((25L, 22L), ((long)participants["planned"]!, (long)participants["actual"]!));
        var totals = await labour.GetJsonAsync("/api/monitoring/output-totals?unit=BP.HQ&year=2024");
        var rows = totals["outputs"]!.AsArray().ToDictionary(o => (string)o!["indicator"]!, o => ((long?)o!["planned"], (long?)o["actual"]));
        Assert.Equal((2L, 1L), rows["DA2.models"]);
        Assert.Equal((50L, 40L), rows["DA2.participants"]);
        Assert.Equal((30L, (long?)null), rows["DA2.workers"]);
        Assert.Equal(((long?)null, 1L), rows["DA2.revolvingFunds"]);
        Assert.Equal((int)before["proposals"]! + 2, (int)totals["proposals"]!);
        Assert.Equal((int)before["participantsPlanned"]!["totalParticipants"]! + 50, (int)totals["participantsPlanned"]!["totalParticipants"]!);
        Assert.Equal((int)before["participantsReached"]!["totalParticipants"]! + 40, (int)totals["participantsReached"]!["totalParticipants"]!);
        Assert.Equal((int)before["participantsReached"]!["nearPoor"]! + 38, (int)totals["participantsReached"]!["nearPoor"]!);
    }

    [Fact]
    public async Task OpenSettlement_WhenAnActualOutputIsOfAnotherComponent_Answers400AndOpensNothing()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var id = await s.ApprovedProposalAsync(await ModelAsync(clerk, "Mô hình nuôi bò (nghiệm thu sai chỉ số)", 20_000_000, null));
        var body = LifecycleApi.SettlementBody(0, 0, 0);
        body["actualOutputs"] = Outputs(("DA6.2.products", 2));

        using var response = await clerk.OpenSettlementAsync(id, body);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "actualOutputs[0].indicator");
        Assert.Equal("NotStarted", (string?)(await clerk.GetProposalAsync(id))["settlementStatus"]);
    }

    [Fact]
    public async Task RecordEscapedAfterSupport_ForAnApprovedModel_IsJournaledShownInThePositionAndAddedToTheTotals()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var id = await s.ApprovedProposalAsync(await ModelAsync(clerk, "Tổ hợp tác may (thoát nghèo sau hỗ trợ)", 20_000_000, null));
        var admin = await s.As(Demo.Admin);

        var recorded = await admin.PutAsJsonAsync($"/api/monitoring/escaped-after-support/{id}", new { reviewYear = 2024, households = 15, of = 28 }).OkAsync();
        await admin.PutAsJsonAsync($"/api/monitoring/escaped-after-support/{id}", new { reviewYear = 2025, households = 17, of = 28 }).OkAsync();

        Assert.Equal(15, (int)recorded["households"]!);
        var journal = await admin.JournalOfAsync("EscapedAfterSupport", $"{id}/2024");
        Assert.Equal("create", (string?)Assert.Single(journal)!["action"]);
        var position = await admin.GetJsonAsync("/api/monitoring/baselines?unit=BP.HQ&year=2025");
        var shown = position["escapedAfterSupport"]!.AsArray().Single(e => (string?)e!["proposalId"] == id.ToString())!;
        Assert.Equal(17, (int)shown["households"]!);
        // the latest review counts: 17 of 28
        var totals = await admin.GetJsonAsync("/api/monitoring/output-totals?unit=BP.HQ&year=2024");
        Assert.True((long)totals["escapedAfterSupport"]!["households"]! >= 17);
    }

    [Fact]
    public async Task RecordEscapedAfterSupport_WhenMoreThanSupportedBeforeThePlanYearOrTheProposalIsADraft_IsRefusedAndStoresNothing()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var approved = await s.ApprovedProposalAsync(await ModelAsync(clerk, "Mô hình nuôi heo (thoát nghèo sai)", 20_000_000, null));
        var draft = await clerk.CreateProposalOkAsync(await ModelAsync(clerk, "Mô hình nuôi heo (dự thảo)", 20_000_000, null));
        var admin = await s.As(Demo.Admin);

        using var bad = await admin.PutAsJsonAsync($"/api/monitoring/escaped-after-support/{approved}", new { reviewYear = 2023, households = 30, of = 28 });
        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(bad, "reviewYear", "households");
        Assert.Contains("2024", errors["reviewYear"][0]);
        using var early = await admin.PutAsJsonAsync($"/api/monitoring/escaped-after-support/{draft}", new { reviewYear = 2024, households = 1, of = 2 });
        await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Empty(await admin.JournalOfAsync("EscapedAfterSupport", $"{approved}/2023"));
    }

    [Fact]
    public async Task RecordEscapedAfterSupport_WhenALeadAgencyOrAnotherUnitsOfficerTries_Answers403Or404()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var id = await s.ApprovedProposalAsync(await ModelAsync(clerk, "Mô hình trồng điều (quyền ghi)", 20_000_000, null));

        using var agency = await clerk.PutAsJsonAsync($"/api/monitoring/escaped-after-support/{id}", new { reviewYear = 2024, households = 1, of = 2 });
        await ProblemAssert.IsProblemAsync(agency, HttpStatusCode.Forbidden);
        using var other = await (await s.As("tk.giamsat")).PutAsJsonAsync($"/api/monitoring/escaped-after-support/{id}", new { reviewYear = 2024, households = 1, of = 2 });
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeclareFunds_ByTheAdministrator_IsReadBackReplacedAndJournaled_AndRefusedToOthers()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As(Demo.Admin);

        await admin.PutAsJsonAsync("/api/monitoring/declared-funds",
            new { unit = "BP.HQ", year = 2024, component = "DA2", integrated = 50_000_000L, credit = 200_000_000L, contribution = 15_000_000L }).OkAsync();
        var replaced = await admin.PutAsJsonAsync("/api/monitoring/declared-funds",
            new { unit = "BP.HQ", year = 2024, component = "DA2", integrated = 60_000_000L, credit = 200_000_000L, contribution = 15_000_000L }).OkAsync();

        Assert.Equal(275_000_000L, (long)replaced["total"]!);
        var read = await (await s.As(Demo.Labour)).GetJsonAsync("/api/monitoring/declared-funds?unit=BP.HQ&year=2024");
        Assert.Equal(60_000_000L, (long)read.AsArray().Single(f => (string?)f!["component"] == "DA2")!["integrated"]!);
        Assert.Equal(["create", "update"], (await admin.JournalOfAsync("DeclaredFunds", "BP.HQ/2024/DA2")).Select(e => (string?)e!["action"]).Order());

        using var negative = await admin.PutAsJsonAsync("/api/monitoring/declared-funds",
            new { unit = "BP.HQ", year = 2024, component = "DA2", integrated = -1L, credit = 0L, contribution = 0L });
        await ProblemAssert.HasErrorsExactlyAtAsync(negative, "integrated");
        using var component = await admin.PutAsJsonAsync("/api/monitoring/declared-funds",
            new { unit = "BP.HQ", year = 2024, component = "DA9", integrated = 1L, credit = 0L, contribution = 0L });
        await ProblemAssert.HasErrorsExactlyAtAsync(component, "component");
        using var agency = await (await s.As(Demo.Labour)).PutAsJsonAsync("/api/monitoring/declared-funds",
            new { unit = "BP.HQ", year = 2024, component = "DA2", integrated = 1L, credit = 0L, contribution = 0L });
        await ProblemAssert.IsProblemAsync(agency, HttpStatusCode.Forbidden);
        var officer = await s.As("tk.giamsat");
        using var otherUnit = await officer.PutAsJsonAsync("/api/monitoring/declared-funds",
            new { unit = "BP.HQ", year = 2024, component = "DA2", integrated = 1L, credit = 0L, contribution = 0L });
        await ProblemAssert.IsProblemAsync(otherUnit, HttpStatusCode.Forbidden);
        using var otherRead = await officer.GetAsync("/api/monitoring/declared-funds?unit=BP.HQ&year=2024");
        await ProblemAssert.IsProblemAsync(otherRead, HttpStatusCode.NotFound);
        Assert.Equal(60_000_000L, (long)(await admin.GetJsonAsync("/api/monitoring/declared-funds?unit=BP.HQ&year=2024")).AsArray().Single()!["integrated"]!);
    }
}
