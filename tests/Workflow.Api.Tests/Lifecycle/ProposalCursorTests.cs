using System.Net;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// Walking a long list by <c>after</c>: each page continues from the last row of the one before (newest change first,
/// then unit and code), so every proposal appears once, in the order the numbered pages show them.
/// </summary>
public sealed class ProposalCursorTests(CommuneFixture fixture) : IClassFixture<CommuneFixture>
{
    [Fact]
    public async Task ListProposals_WhenWalkedByNext_ShowsEveryProposalOnceInTheOrderOfThePages()
    {
        using var clerk = await fixture.Factory.ClientFor("tk.nongnghiep");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        for (var i = 0; i < 5; i++)
            await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 5_000_000 + i, $"Mô hình số {i} xã Tân Khai"));
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        var byPages = new List<string>();
        var total = (int)(await finance.GetJsonAsync("/api/proposals?pageSize=100"))["total"]!;
        for (var page = 1; (page - 1) * 2 < total; page++)
            byPages.AddRange((await finance.GetJsonAsync($"/api/proposals?pageSize=2&page={page}"))["items"]!.AsArray().Select(p => (string)p!["code"]!));

        var byCursor = new List<string>();
        string? next = null;
        do
        {
            var page = await finance.GetJsonAsync("/api/proposals?pageSize=2" + (next is null ? "" : $"&after={next}"));
            byCursor.AddRange(page["items"]!.AsArray().Select(p => (string)p!["code"]!));
            next = (string?)page["next"];
        } while (next is not null);

        Assert.True(total >= 5, $"Only {total} proposals listed.");
        Assert.Equal(byPages, byCursor);
        Assert.Equal(total, byCursor.Distinct().Count());
    }

    [Fact]
    public async Task ListProposals_WhenAfterIsNotANextOfThisList_Returns400AtAfter()
    {
        using var finance = await fixture.Factory.ClientFor("tk.kinhte");

        using var response = await finance.GetAsync("/api/proposals?after=not-a-cursor!");

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "after");
    }
}
