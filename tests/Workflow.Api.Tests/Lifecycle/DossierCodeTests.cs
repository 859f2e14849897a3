using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// Dossiers are numbered as offices number their documents: per unit and fiscal year, in order, without gaps or
/// duplicates however many officers create at once (<c>ĐX-2026-0001</c>, <c>GN-2026-0001</c>, <c>QT-2026-0001</c>).
/// </summary>
public sealed partial class DossierCodeTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task CreateProposal_WhenTwoAgenciesCreateManyAtOnce_NumbersThemConsecutivelyWithoutGapsOrDuplicates()
    {
        using var farming = await fixture.Factory.ClientFor("tk.nongnghiep");
        using var culture = await fixture.Factory.ClientFor("tk.vanhoa");
        var farmingLine = await CommuneStoryTests.LineAsync(farming, "DA3.1");
        var cultureLine = await CommuneStoryTests.LineAsync(culture, "DA4.3");

        var creations = Enumerable.Range(0, 24).Select(async i =>
        {
            await Task.Yield();
            var (client, line) = i % 2 == 0 ? (farming, farmingLine) : (culture, cultureLine);
            using var response = await client.CreateProposalAsync(CommuneStoryTests.Model(line, 10_000_000, $"Mô hình số {i} xã Tân Khai"));
            var body = await response.ExpectAsync(HttpStatusCode.Created); // nobody is refused for another's creation
            return (string)body!["code"]!;
        }).ToList();
        var codes = await Task.WhenAll(creations);

        Assert.All(codes, code => Assert.Matches(Code(), code));
        var numbers = codes.Select(NumberOf).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], codes.Length), numbers);
    }

    [Fact]
    public async Task CreateProposal_InAnotherCommune_NumbersFromItsOwnSequence()
    {
        using var tanKhai = await fixture.Factory.ClientFor("tk.nongnghiep");
        using var tanHung = await fixture.Factory.ClientFor("th.nongnghiep");
        var tanHungLine = await LineOfAsync(tanHung, "DN.TH", "DA3.1");

        var first = await CreateAsync(tanHung, tanHungLine, "Mô hình trồng rau an toàn xã Tân Hưng");
        await CreateAsync(tanKhai, await CommuneStoryTests.LineAsync(tanKhai, "DA3.1"), "Mô hình xen kẽ xã Tân Khai");
        var second = await CreateAsync(tanHung, tanHungLine, "Mô hình nuôi dê xã Tân Hưng");

        // Tân Khai's creation in between takes nothing from Tân Hưng's sequence
        Assert.Equal(NumberOf(first) + 1, NumberOf(second));
    }

    [Fact]
    public async Task RequestDisbursement_WhenSeveralAreRequestedAtOnce_NumbersThemConsecutivelyInTheProposalsUnit()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA2"), 60_000_000, "Mô hình chăn nuôi xã Tân Khai"));
        await clerk.ActOkAsync("proposals", id, "submit");
        var finance = await s.As("tk.kinhte");
        await finance.ActOkAsync("proposals", id, "start-appraisal");
        await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
        await (await s.As("tk.chutich")).ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision("21/QĐ-UBND", "2026-03-02"));

        var requests = Enumerable.Range(0, 6).Select(async _ =>
        {
            await Task.Yield();
            using var response = await clerk.PostAsync($"/api/proposals/{id}/disbursements", Tests.Infrastructure.Api.JsonBody(new JsonObject { ["kind"] = "Payment", ["amount"] = 5_000_000L }));
            return (string)(await response.ExpectAsync(HttpStatusCode.Created))!["code"]!;
        }).ToList();
        var codes = await Task.WhenAll(requests);

        Assert.All(codes, code => Assert.StartsWith("GN-2026-", code));
        var numbers = codes.Select(NumberOf).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], codes.Length), numbers);
    }

    [Fact]
    public async Task OpenSettlement_WhenSeveralProposalsOfOneUnitAreSettledAtOnce_NumbersTheSettlementsConsecutively()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As("tk.nongnghiep");
        var finance = await s.As("tk.kinhte");
        var chair = await s.As("tk.chutich");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 20_000_000, $"Mô hình trồng nấm xã Tân Khai, tổ {i + 1}"));
            await clerk.ActOkAsync("proposals", id, "submit");
            await finance.ActOkAsync("proposals", id, "start-appraisal");
            await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");
            await chair.ActOkAsync("proposals", id, "approve", data: LifecycleApi.Decision($"{40 + i}/QĐ-UBND", "2026-03-02"));
            ids.Add(id);
        }

        var openings = ids.Select(async id =>
        {
            await Task.Yield();
            var body = LifecycleApi.SettlementBody(0, 0, 0, reachedNearPoor: 10, reachedTotal: 10);
            body["acceptedOn"] = "2026-03-20";
            body["actualCost"] = new JsonObject { ["Central"] = 0L };
            using var response = await clerk.OpenSettlementAsync(id, body);
            var opened = await response.ExpectAsync(HttpStatusCode.Created);
            return ((string)opened!["code"]!, Guid.Parse((string)opened["id"]!));
        }).ToList();
        var settlements = await Task.WhenAll(openings);

        Assert.All(settlements, x => Assert.StartsWith("QT-2026-", x.Item1));
        var numbers = settlements.Select(x => NumberOf(x.Item1)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], settlements.Length), numbers);
        // the settlement's page and API carry the number
        var (code, first) = settlements[0];
        Assert.Equal(code, (string?)(await clerk.GetJsonAsync($"/api/settlements/{first}"))["code"]);
    }

    private static async Task<string> CreateAsync(HttpClient client, Guid line, string title)
    {
        var body = CommuneStoryTests.Model(line, 10_000_000, title);
        using var response = await client.CreateProposalAsync(body);
        return (string)(await response.ExpectAsync(HttpStatusCode.Created))!["code"]!;
    }

    private static async Task<Guid> LineOfAsync(HttpClient client, string unit, string component)
    {
        var plan = await client.FindPlanIdAsync(unit, 2026) ?? throw new InvalidOperationException($"{unit} has no 2026 plan.");
        return await client.LineIdAsync(plan, component);
    }

    private static int NumberOf(string code) => int.Parse(code[(code.LastIndexOf('-') + 1)..]);

    [GeneratedRegex(@"^ĐX-2026-\d{4}$")]
    private static partial Regex Code();
}
