using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Tasks;

/// <summary>
/// The finance officer narrows the inbox to what they mean to clear now — one state, what one action can move, a dossier
/// by code or words — and orders it by deadline or by the money at stake.
/// </summary>
public sealed class InboxFilterTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task Inbox_FilteredByStateActionKindAndWords_CountsOnlyThoseTasks()
    {
        using var s = new Session(fixture.Factory);
        var (tag, ids) = await ThreeSubmittedAsync(s, 30_000_000, 50_000_000, 40_000_000);
        var finance = await s.As("tk.kinhte");
        await finance.ActOkAsync("proposals", ids[2], "start-appraisal");

        Assert.Equal(3, await TotalAsync(finance, $"q={tag}"));
        Assert.Equal(2, await TotalAsync(finance, $"q={tag}&state={ProposalProcess.Submitted}"));
        Assert.Equal(1, await TotalAsync(finance, $"q={tag}&state={ProposalProcess.UnderAppraisal}"));
        Assert.Equal(2, await TotalAsync(finance, $"q={tag}&action=start-appraisal"));
        Assert.Equal(1, await TotalAsync(finance, $"q={tag}&action=appraise-pass&subjectType=Proposal"));
        Assert.Equal(0, await TotalAsync(finance, $"q={tag}&subjectType=Disbursement"));
        Assert.Equal(0, await TotalAsync(finance, $"q={tag}&overdue=true"));
    }

    [Fact]
    public async Task Inbox_SearchedByADossierCode_ShowsThatDossierOnly()
    {
        using var s = new Session(fixture.Factory);
        var (_, ids) = await ThreeSubmittedAsync(s, 31_000_000, 32_000_000, 33_000_000);
        var finance = await s.As("tk.kinhte");
        var code = (string)(await finance.GetProposalAsync(ids[1]))["code"]!;

        var items = await ItemsAsync(finance, $"q={Uri.EscapeDataString(code)}");

        var line = Assert.Single(items);
        Assert.Equal(code, (string?)line["subjectCode"]);
        Assert.Equal(32_000_000, (long)line["amount"]!);
    }

    [Fact]
    public async Task Inbox_SortedByAmount_ShowsTheBiggestFirst_AndByDefaultTheSoonestDeadlineFirst()
    {
        using var s = new Session(fixture.Factory);
        var (tag, _) = await ThreeSubmittedAsync(s, 30_000_000, 50_000_000, 40_000_000);
        var finance = await s.As("tk.kinhte");

        var byAmount = await ItemsAsync(finance, $"q={tag}&sort=amount");
        var byDeadline = await ItemsAsync(finance, $"q={tag}");

        Assert.Equal([50_000_000L, 40_000_000L, 30_000_000L], byAmount.Select(i => (long)i["amount"]!));
        var due = byDeadline.Select(i => DateTimeOffset.Parse((string)i["dueAt"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(due.Order().ToList(), due);
        Assert.All(byDeadline, i => Assert.NotNull(i["workingDaysLeft"]));
    }

    [Theory]
    [InlineData("subjectType=DeXuat", "subjectType")]
    [InlineData("state=ChoDuyet", "state")]
    [InlineData("subjectType=Disbursement&state=UnderAppraisal", "state")]
    [InlineData("action=duyet", "action")]
    [InlineData("sort=tien", "sort")]
    [InlineData("overdue=co", "overdue")]
    public async Task Inbox_WithAFilterValueThatIsNotOne_Is400NamingThatParameterInVietnamese(string query, string field)
    {
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        using var response = await finance.GetAsync($"/api/tasks?{query}");

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, field);
        Assert.Matches("[ĐđàáảãạăâêôơưÀ-ỹ]", errors[field][0]);
    }

    [Fact]
    public async Task Inbox_WithASearchLongerThanTheLimit_Is400AtQ()
    {
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        using var response = await finance.GetAsync($"/api/tasks?q={new string('a', 201)}");

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "q");
    }

    /// <summary>Three proposals of the clerk, each titled with one fresh word, submitted to the finance office.</summary>
    internal static async Task<(string Tag, Guid[] Ids)> ThreeSubmittedAsync(Session s, params long[] amounts)
    {
        var tag = $"loc{Guid.NewGuid():N}"[..14];
        var clerk = await s.As("tk.nongnghiep");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA2");
        var ids = new List<Guid>();
        foreach (var amount in amounts)
        {
            var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, amount, $"Mô hình nuôi dê xã Tân Khai {tag}"));
            await clerk.ActOkAsync("proposals", id, "submit");
            ids.Add(id);
        }
        return (tag, ids.ToArray());
    }

    private static async Task<int> TotalAsync(HttpClient user, string query) => (int)(await user.GetJsonAsync($"/api/tasks?pageSize=100&{query}"))["total"]!;

    private static async Task<IReadOnlyList<JsonNode>> ItemsAsync(HttpClient user, string query) =>
        (await user.GetJsonAsync($"/api/tasks?pageSize=100&{query}"))["items"]!.AsArray().Select(i => i!).ToList();
}
