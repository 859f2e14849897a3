using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Catalog;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// <c>GET /api/plan-lines/{id}/proposal-preview</c>: what the proposal form shows while the clerk types, computed by
/// the server — the split by the line's ratio (rule 8), what is left and the excess per source (rule 9), the support
/// cap (rule 10) — so that the preview and submission agree to the đồng. Submissions here are on DA2 and withdrawn
/// afterwards; the excess is read on DA3.1, which nothing in this class touches.
/// </summary>
public sealed class ProposalPreviewTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private static string Url(Guid lineId, string kind, string area, long totalCost, long stateSupport) =>
        $"/api/plan-lines/{lineId}/proposal-preview?kind={kind}&areaType={area}&totalCost={totalCost}&stateSupport={stateSupport}";

    private async Task<(Session Session, HttpClient Clerk, Guid LineId)> StartAsync(string component = "DA2")
    {
        var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, lineId) = await clerk.SeededLineAsync(component);
        return (s, clerk, lineId);
    }

    private static async Task<JsonNode> PreviewOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    private static JsonNode SourceOf(JsonNode preview, string source) =>
        preview["sources"]!.AsArray().Single(s => (string?)s!["source"] == source)!;

    [Fact]
    public async Task Preview_WhenValueChainInDifficultAreaCosts11Million_CapIs7700000NotOneDongLess()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;

        var preview = await PreviewOkAsync(clerk, Url(lineId, "ValueChain", "Difficult", 11_000_000, 7_700_000));

        var cap = preview["cap"]!;
        Assert.Equal(0.70m, (decimal)cap["rate"]!);
        Assert.Equal(70m, (decimal)cap["percent"]!);
        Assert.Equal(7_700_000L, (long?)cap["amount"]);
        Assert.False((bool)cap["over"]!);
        Assert.Equal(0L, (long)cap["excess"]!);
        Assert.Equal(3_000_000_000L, (long)cap["taskBasedMaximum"]!);
        Assert.False((bool)cap["overTaskBasedMaximum"]!);
        Assert.Empty(preview["messages"]!.AsArray());
        Assert.Contains("trong mức hỗ trợ tối đa 7.700.000 ₫", (string)preview["summary"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhenSupportIsOneDongOverTheCap_SaysByHowMuchWithRule10Message()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;

        var preview = await PreviewOkAsync(clerk, Url(lineId, "ValueChain", "Difficult", 11_000_000, 7_700_001));

        var cap = preview["cap"]!;
        Assert.Equal(7_700_000L, (long?)cap["amount"]);
        Assert.True((bool)cap["over"]!);
        Assert.Equal(1L, (long)cap["excess"]!);
        var message = Assert.Single(preview["messages"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("Quy tắc 10", message, StringComparison.Ordinal);
        Assert.Contains("70 % tổng kinh phí 11.000.000 ₫ = 7.700.000 ₫", message, StringComparison.Ordinal);
        Assert.Contains("vượt 1 ₫", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_SplitFollowsTheLineRatioAndAddsUpToTheSupport()
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;

        var preview = await PreviewOkAsync(clerk, Url(lineId, "PovertyReductionModel", "Other", 350_000_000, 300_000_000));

        // DA2 is 1,521 / 76 / 152 million: the figures the form has always shown for 300 million
        Assert.Equal(260_892_000L, (long)SourceOf(preview, "Central")["part"]!);
        Assert.Equal(13_036_000L, (long)SourceOf(preview, "Provincial")["part"]!);
        Assert.Equal(26_072_000L, (long)SourceOf(preview, "District")["part"]!);
        Assert.Equal(0L, (long)SourceOf(preview, "Commune")["part"]!);
        var parts = preview["sources"]!.AsArray().Select(x => (long)x!["part"]!).ToList();
        Assert.Equal(300_000_000L, parts.Sum());
        Assert.Equal(300_000_000L, (long)preview["splitTotal"]!);
        Assert.All(parts, p => Assert.Equal(0, p % Workflow.Domain.Proposals.Rules.SplitFollowsLine.Granularity));
        // a model has no rate cap: only the task-based maximum applies
        Assert.Null((decimal?)preview["cap"]!["rate"]);
        Assert.Null((long?)preview["cap"]!["amount"]);
        Assert.False((bool)preview["cap"]!["overTaskBasedMaximum"]!);
    }

    [Fact]
    public async Task Preview_WhenAPartIsAboveWhatIsLeft_GivesTheExcessNotTheRemainder()
    {
        var (s, clerk, lineId) = await StartAsync("DA3.1");
        using var _ = s;

        // DA3.1 is 586 / 29 / 59 million; 700 million split by that ratio is 608,605,000 / 30,119,000 / 61,276,000
        var preview = await PreviewOkAsync(clerk, Url(lineId, "PovertyReductionModel", "Other", 710_000_000, 700_000_000));

        var central = SourceOf(preview, "Central");
        Assert.Equal(608_605_000L, (long)central["part"]!);
        Assert.Equal(586_000_000L, (long)central["remaining"]!);
        Assert.Equal(22_605_000L, (long)central["excess"]!);
        Assert.Equal(1_119_000L, (long)SourceOf(preview, "Provincial")["excess"]!);
        Assert.Equal(2_276_000L, (long)SourceOf(preview, "District")["excess"]!);
        Assert.Equal(0L, (long)SourceOf(preview, "Commune")["excess"]!);
        var summary = (string)preview["summary"]!;
        Assert.Contains("NSTW vượt 22.605.000 ₫ so với số còn lại 586.000.000 ₫", summary, StringComparison.Ordinal);

        // within what is left, no excess
        var within = await PreviewOkAsync(clerk, Url(lineId, "PovertyReductionModel", "Other", 110_000_000, 100_000_000));
        Assert.All(within["sources"]!.AsArray(), x => Assert.Equal(0L, (long)x!["excess"]!));
        Assert.DoesNotContain("vượt", (string)within["summary"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("totalCost=-5", "totalCost")]
    [InlineData("totalCost=abc", "totalCost")]
    [InlineData("totalCost=1.5", "totalCost")]
    [InlineData("totalCost=1000000000000001", "totalCost")]
    [InlineData("totalCost=99999999999999999999999", "totalCost")]
    [InlineData("stateSupport=-1", "stateSupport")]
    [InlineData("stateSupport=1e6", "stateSupport")]
    [InlineData("stateSupport=2000000000000000", "stateSupport")]
    [InlineData("kind=Bridge", "kind")]
    [InlineData("kind=", "kind")]
    [InlineData("areaType=Mountain", "areaType")]
    [InlineData("exceptProposalId=not-a-guid", "exceptProposalId")]
    public async Task Preview_WhenAFieldIsNotWhatTheFormTakes_Returns400AtThatField(string bad, string path)
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var query = new Dictionary<string, string>
        {
            ["kind"] = "ValueChain", ["areaType"] = "Difficult", ["totalCost"] = "11000000", ["stateSupport"] = "7700000",
        };
        var (name, value) = (bad.Split('=')[0], bad.Split('=', 2)[1]);
        query[name] = value;

        using var response = await clerk.GetAsync($"/api/plan-lines/{lineId}/proposal-preview?" +
            string.Join("&", query.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}")));

        await ProblemAssert.HasErrorsExactlyAtAsync(response, path);
    }

    [Fact]
    public async Task Preview_WhenTheLineIdIsNotAGuid_Returns400AtPlanLineId()
    {
        var (s, clerk, _) = await StartAsync();
        using var __ = s;

        using var response = await clerk.GetAsync("/api/plan-lines/not-a-line/proposal-preview?kind=ValueChain&areaType=Other&totalCost=1&stateSupport=1");

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "planLineId");
    }

    [Fact]
    public async Task Preview_WhenTheLineIsUnknown_Returns404()
    {
        var (s, clerk, _) = await StartAsync();
        using var __ = s;

        using var response = await clerk.GetAsync(Url(Guid.NewGuid(), "ValueChain", "Other", 1_000_000, 500_000));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Preview_WhenTheLineBelongsToAnotherUnitsAgency_Returns404LikeAnUnknownLine()
    {
        var (s, clerk, _) = await StartAsync();
        using var __ = s;
        var admin = await s.As(Demo.Admin);
        var plan = PlanFixture.Load();
        plan["unit"] = JsonNode.Parse("""{ "code": "AG.LX", "name": "Thành phố Long Xuyên", "level": "District", "parent": { "code": "AG", "name": "Tỉnh An Giang", "level": "Province" } }""");
        var planId = await admin.FindPlanIdAsync("AG.LX", 2024) ?? await ImportAsync(admin, plan);
        var otherLine = await admin.LineIdAsync(planId, "DA2");
        await PreviewOkAsync(admin, Url(otherLine, "ValueChain", "Other", 1_000_000, 500_000)); // the line exists

        using var response = await clerk.GetAsync(Url(otherLine, "ValueChain", "Other", 1_000_000, 500_000));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<Guid> ImportAsync(HttpClient admin, JsonObject plan)
    {
        using var response = await admin.ImportAsync(plan);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)created!["id"]!);
    }

    /// <summary>
    /// The preview's cap is the one submission applies: at the cap the draft is sent, one đồng above it rule 10 refuses
    /// it naming that same cap. The costs include those where a floating-point preview showed one đồng less.
    /// </summary>
    [Theory]
    [InlineData("ValueChain", "Difficult", 11_000_000)]
    [InlineData("ValueChain", "Difficult", 21_000_000)]
    [InlineData("Community", "EspeciallyDifficult", 3_000_000)]
    [InlineData("Community", "Other", 7_000_000)]
    public async Task Submit_AcceptsExactlyThePreviewedCapAndRefusesOneDongMore(string kind, string area, long totalCost)
    {
        var (s, clerk, lineId) = await StartAsync();
        using var _ = s;
        var percent = SupportPolicy.National.CapRates[Enum.Parse<ProposalKind>(kind)][Enum.Parse<AreaType>(area)] * 100;
        var preview = await PreviewOkAsync(clerk, Url(lineId, kind, area, totalCost, 0));
        var cap = (long)preview["cap"]!["amount"]!;
        Assert.Equal(totalCost * (long)percent / 100, cap);

        foreach (var (support, accepted) in new[] { (cap, true), (cap + 1, false) })
        {
            var body = LifecycleApi.Model(lineId, support, $"Dự án {kind} {area} {totalCost} — {support}");
            body["kind"] = kind;
            body["areaType"] = area;
            body["totalCost"] = totalCost;
            body["counterpart"] = new JsonObject { ["cash"] = totalCost - support, ["labour"] = 0L, ["inKind"] = 0L };
            var id = await clerk.CreateProposalOkAsync(body);

            using var response = await clerk.ActAsync("proposals", id, "submit");

            if (accepted)
                await response.ExpectAsync(HttpStatusCode.OK);
            else
            {
                var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "stateSupport");
                LifecycleApi.MessageAt(errors, "stateSupport", "Quy tắc 10", $"= {Domain.Money.Vnd.Format(cap)}", "vượt 1 ₫");
            }
            await clerk.ActOkAsync("proposals", id, "withdraw"); // leaves the line as it was
        }
    }
}
