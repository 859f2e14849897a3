using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Admin;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;

namespace Workflow.Api.Tests.Monitoring;

/// <summary>
/// Xã Tân Khai's standing office (tk.giamsat) enters the commune's end-2025 poverty census — the 2026 baseline — and its
/// 2026 targets; the figures read back with rates computed from the counts, and inconsistencies come back as warnings
/// naming the check and the numbers, never as refusals. Impossible figures are refused naming the field.
/// </summary>
public sealed class BaselineTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    private const string Officer = "tk.giamsat";

    private static object Census(int year, int total = 3_120, int poor = 41, int nearPoor = 57, object? deprivations = null) => new
    {
        year,
        asOf = $"{year}-12-31",
        basis = "QĐ 12/QĐ-UBND ngày 05/01/2026 công nhận kết quả rà soát",
        totalHouseholds = total,
        poor = new { households = poor, persons = poor * 3, ethnicMinority = 12, unableToWork = 9 },
        nearPoor = new { households = nearPoor },
        deprivations = deprivations ?? new[] { new { indicator = "bao-hiem-y-te", poor = 5, nearPoor = 8 } },
    };

    [Fact]
    public async Task RecordBaseline_WhenTheStandingOfficeEntersTheCommunesCensus_ReadsBackWithRatesComputedFromCounts()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Officer);

        var created = await officer.PostAsJsonAsync("/api/monitoring/baselines", Census(2024, total: 3_050, poor: 52, nearPoor: 61)).OkAsync(HttpStatusCode.Created);

        Assert.Equal("DN.TK", (string?)created["census"]!["unit"]);
        Assert.Equal("ND07-2021", (string?)created["census"]!["standard"]);
        Assert.Equal(1.70m, (decimal)created["census"]!["poorRate"]!);
        Assert.Equal(2.00m, (decimal)created["census"]!["nearPoorRate"]!);
        var read = await officer.GetAsync("/api/monitoring/baselines?year=2024").OkAsync();
        var census = Assert.Single(read["baselines"]!.AsArray());
        Assert.Equal(52, (int)census!["poor"]!["households"]!);
        Assert.Equal(Officer, (string?)census["recordedBy"]);
        // the province's monitor reads the commune's figures; the entry is journaled
        var monitor = await s.As("dn.giamsat");
        Assert.Single((await monitor.GetAsync("/api/monitoring/baselines?unit=DN.TK&year=2024").OkAsync())["baselines"]!.AsArray());
        var admin = await s.As("dn.quantri");
        var journal = await admin.JournalOfAsync("PovertyCensus", (string)census["id"]!);
        Assert.Equal("create", (string?)Assert.Single(journal)!["action"]);
    }

    [Fact]
    public async Task RecordBaseline_WhenMoreHouseholdsLackAnIndicatorThanArePoor_Answers400NamingTheRowAndStoresNothing()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Officer);

        using var response = await officer.PostAsJsonAsync("/api/monitoring/baselines",
            Census(2023, deprivations: new[] { new { indicator = "viec-lam", poor = 42, nearPoor = 3 }, new { indicator = "thu-nhap", poor = 1, nearPoor = 1 } }));

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "deprivations[0].poor", "deprivations[1].indicator");
        Assert.Contains("42 hộ nghèo", errors["deprivations[0].poor"][0]);
        Assert.Contains("(41)", errors["deprivations[0].poor"][0]);
        Assert.Empty((await officer.GetAsync("/api/monitoring/baselines?year=2023").OkAsync())["baselines"]!.AsArray());
    }

    [Fact]
    public async Task RecordBaseline_WhenALeadAgencyOrAnotherCommuneTries_Answers403()
    {
        using var s = new Session(fixture.Factory);

        using var clerk = await (await s.As("tk.nongnghiep")).PostAsJsonAsync("/api/monitoring/baselines", Census(2022));
        await ProblemAssert.IsProblemAsync(clerk, HttpStatusCode.Forbidden);
        using var other = await (await s.As(Officer)).PostAsJsonAsync("/api/monitoring/baselines", new { unit = "DN.TH", year = 2022, totalHouseholds = 10, poor = new { households = 1 } });
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CorrectBaseline_WhenTheYearIsThere_PostIs409AndPutWithTheRevisionReadCorrectsOnce()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Officer);
        var created = await officer.PostAsJsonAsync("/api/monitoring/baselines", Census(2021)).OkAsync(HttpStatusCode.Created);
        var id = (string)created["census"]!["id"]!;

        using var twice = await officer.PostAsJsonAsync("/api/monitoring/baselines", Census(2021));
        var problem = await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict);
        Assert.Contains(id, (string?)problem["detail"]);

        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Census(2021, poor: 40)))!.AsObject();
        body["revision"] = 1;
        var corrected = await officer.PutAsJsonAsync($"/api/monitoring/baselines/{id}", body).OkAsync();
        Assert.Equal(2, (int)corrected["census"]!["revision"]!);
        Assert.Equal(40, (int)corrected["census"]!["poor"]!["households"]!);
        // a second correction from the same stale read is refused
        using var stale = await officer.PutAsJsonAsync($"/api/monitoring/baselines/{id}", body);
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task SetTarget_WhenHouseholdsAndPointsDisagreeWithTheBaseline_IsStoredWithAWarningStatingBothNumbers()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Officer);
        await officer.PostAsJsonAsync("/api/monitoring/baselines", Census(2025)).OkAsync(HttpStatusCode.Created);

        await officer.PostAsJsonAsync("/api/monitoring/targets",
            new { year = 2026, kind = "ReduceCount", subject = "poorHouseholds", value = 12, basis = "NQ 05/NQ-HĐND xã Tân Khai" }).OkAsync(HttpStatusCode.Created);
        var second = await officer.PostAsJsonAsync("/api/monitoring/targets",
            new { year = 2026, kind = "ReducePoints", subject = "poorRate", value = 0.5m, basis = "NQ 05/NQ-HĐND xã Tân Khai" }).OkAsync(HttpStatusCode.Created);

        var warning = Assert.Single(second["warnings"]!.AsArray(), w => (string?)w!["check"] == "TargetsAgree");
        Assert.Contains("Giảm 12 hộ nghèo trên 3.120 hộ là 0,38 %, nhưng chỉ tiêu ghi giảm 0,5 %", (string?)warning!["message"]);
        var targets = await officer.GetAsync("/api/monitoring/targets?year=2026").OkAsync();
        Assert.Equal(2, targets["targets"]!.AsArray().Count);
    }

    [Fact]
    public async Task SetTarget_WhenTheKindIsUnknownOrARateIsOver100_Answers400NamingTheField()
    {
        using var s = new Session(fixture.Factory);
        var officer = await s.As(Officer);

        using var unknown = await officer.PostAsJsonAsync("/api/monitoring/targets", new { year = 2026, kind = "Halve", subject = "poorHouseholds", value = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var over = await officer.PostAsJsonAsync("/api/monitoring/targets", new { year = 2026, kind = "EndRate", subject = "poorRate", value = 140 });
        await ProblemAssert.HasErrorsExactlyAtAsync(over, "value");
    }
}
