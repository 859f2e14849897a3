using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// GET /api/proposals: the filters (component, agency, state, settlement status) and who sees what — a lead agency
/// its own agency's proposals, finance the whole unit's. The class builds one small portfolio and only reads it.
/// </summary>
public sealed class ProposalListingTests(ProposalListingTests.Portfolio portfolio) : IClassFixture<ProposalListingTests.Portfolio>
{
    private const string AgricultureCentre = "BP.HQ.NN", HealthCentre = "BP.HQ.YT";

    /// <summary>
    /// The Trung tâm Dịch vụ nông nghiệp: a DA2 draft, a DA2 proposal under settlement, a submitted DA3.1 proposal.
    /// The Trung tâm Y tế: a DA3.2 draft.
    /// </summary>
    public sealed class Portfolio : IAsyncLifetime
    {
        private readonly LifecycleFixture _fixture = new();

        public RuntimeFactory Factory => _fixture.Factory;
        public Guid Da2Draft { get; private set; }
        public Guid Da2Settling { get; private set; }
        public Guid Da31Submitted { get; private set; }
        public Guid Da32Draft { get; private set; }

        public async Task InitializeAsync()
        {
            using var s = new Session(Factory);
            var clerk = await s.As(Demo.Clerk);
            var (planId, da2) = await clerk.SeededLineAsync("DA2");
            var da31 = await clerk.LineIdAsync(planId, "DA3.1");
            var da32 = await clerk.LineIdAsync(planId, "DA3.2");

            Da2Draft = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da2, 40_000_000, "Mô hình nuôi cá lóc trong bể lót bạt"));
            Da2Settling = await s.ApprovedProposalAsync(LifecycleApi.Model(da2, 60_000_000, "Mô hình trồng dưa lưới nhà màng"));
            await s.PaidDisbursementAsync(Da2Settling, "Payment", 60_000_000, "KB-2024-0500");
            await clerk.OpenSettlementOkAsync(Da2Settling, LifecycleApi.SettlementBody(52_178_000, 2_607_000, 5_215_000, 20, 25));
            Da31Submitted = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da31, 30_000_000, "Mô hình trồng cây dược liệu"));
            await clerk.ActOkAsync("proposals", Da31Submitted, "submit");
            Da32Draft = await (await s.As(Demo.Health)).CreateProposalOkAsync(LifecycleApi.Model(da32, 25_000_000, "Kế hoạch truyền thông dinh dưỡng cho trẻ em"));
        }

        public Task DisposeAsync()
        {
            _fixture.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<(JsonArray Items, int Total)> ListAsync(string user, string query = "")
    {
        using var client = await portfolio.Factory.ClientFor(user);
        var page = await client.GetJsonAsync("/api/proposals" + query);
        return (page["items"]!.AsArray(), (int)page["total"]!);
    }

    private static Guid[] Ids(JsonArray items) => items.Select(i => Guid.Parse((string)i!["id"]!)).Order().ToArray();

    private Guid[] Expected(params Guid[] ids) => ids.Order().ToArray();

    [Fact]
    public async Task List_WhenFinanceAsks_SeesEveryAgencysProposalsOfTheUnit()
    {
        var (items, total) = await ListAsync(Demo.Finance);

        Assert.Equal(Expected(portfolio.Da2Draft, portfolio.Da2Settling, portfolio.Da31Submitted, portfolio.Da32Draft), Ids(items));
        Assert.Equal(4, total);
    }

    [Fact]
    public async Task List_WhenALeadAgencyAsks_SeesOnlyItsOwnAgencysProposals()
    {
        var (agriculture, agricultureTotal) = await ListAsync(Demo.Clerk);
        var (health, healthTotal) = await ListAsync(Demo.Health);

        Assert.Equal(Expected(portfolio.Da2Draft, portfolio.Da2Settling, portfolio.Da31Submitted), Ids(agriculture));
        Assert.Equal(3, agricultureTotal);
        Assert.Equal(Expected(portfolio.Da32Draft), Ids(health));
        Assert.Equal(1, healthTotal);

        // asking for another agency's proposals by filter does not widen the view
        var (peek, peekTotal) = await ListAsync(Demo.Health, $"?agency={AgricultureCentre}");
        Assert.Empty(peek);
        Assert.Equal(0, peekTotal);
    }

    [Fact]
    public async Task List_WhenFilteredByComponent_ReturnsOnlyThatComponent()
    {
        var (items, total) = await ListAsync(Demo.Finance, "?component=DA2");

        Assert.Equal(Expected(portfolio.Da2Draft, portfolio.Da2Settling), Ids(items));
        Assert.Equal(2, total);
        Assert.All(items, i => Assert.Equal("DA2", (string?)i!["component"]));
    }

    [Fact]
    public async Task List_WhenFilteredByAgency_ReturnsOnlyThatAgency()
    {
        var (health, _) = await ListAsync(Demo.Finance, $"?agency={HealthCentre}");
        var (agriculture, _) = await ListAsync(Demo.Finance, $"?agency={AgricultureCentre}");

        Assert.Equal(Expected(portfolio.Da32Draft), Ids(health));
        Assert.Equal(Expected(portfolio.Da2Draft, portfolio.Da2Settling, portfolio.Da31Submitted), Ids(agriculture));
        Assert.All(agriculture, i => Assert.Equal(AgricultureCentre, (string?)i!["agencyCode"]));
    }

    [Fact]
    public async Task List_WhenFilteredByState_ReturnsOnlyThatState()
    {
        var (drafts, _) = await ListAsync(Demo.Finance, "?state=Draft");
        var (submitted, _) = await ListAsync(Demo.Finance, "?state=Submitted");
        var (settling, _) = await ListAsync(Demo.Finance, "?state=Settling");
        var (ownDrafts, _) = await ListAsync(Demo.Clerk, "?state=Draft&component=DA2");

        Assert.Equal(Expected(portfolio.Da2Draft, portfolio.Da32Draft), Ids(drafts));
        Assert.Equal(Expected(portfolio.Da31Submitted), Ids(submitted));
        Assert.Equal("Đã gửi", (string?)submitted[0]!["stateName"]);
        Assert.Equal(Expected(portfolio.Da2Settling), Ids(settling));
        Assert.Equal(Expected(portfolio.Da2Draft), Ids(ownDrafts));
    }

    [Fact]
    public async Task List_WhenFilteredBySettlementStatus_SeparatesTheProposalUnderSettlement()
    {
        var (inProgress, _) = await ListAsync(Demo.Finance, "?settlementStatus=InProgress");
        var (notStarted, _) = await ListAsync(Demo.Finance, "?settlementStatus=NotStarted");
        var (closed, closedTotal) = await ListAsync(Demo.Finance, "?settlementStatus=Closed");

        Assert.Equal(Expected(portfolio.Da2Settling), Ids(inProgress));
        Assert.Equal("InProgress", (string?)inProgress[0]!["settlementStatus"]);
        Assert.Equal(Expected(portfolio.Da2Draft, portfolio.Da31Submitted, portfolio.Da32Draft), Ids(notStarted));
        Assert.Empty(closed);
        Assert.Equal(0, closedTotal);
    }

    [Fact]
    public async Task List_WhenPagedOneAtATime_CountsAllAndReturnsOnePerPage()
    {
        var (first, total) = await ListAsync(Demo.Finance, "?pageSize=1&page=1");
        var (second, _) = await ListAsync(Demo.Finance, "?pageSize=1&page=2");

        Assert.Equal(4, total);
        Assert.Single(first);
        Assert.Single(second);
        Assert.NotEqual(Ids(first), Ids(second));
    }

    [Theory]
    [InlineData("?settlementStatus=Finished", "settlementStatus")]
    [InlineData("?planId=not-a-guid", "planId")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=abc", "page")]
    public async Task List_WhenAFilterIsMalformed_Returns400AtIt(string query, string path)
    {
        using var client = await portfolio.Factory.ClientFor(Demo.Finance);

        using var response = await client.GetAsync("/api/proposals" + query);

        await ProblemAssert.HasErrorsExactlyAtAsync(response, path);
    }

    [Fact]
    public async Task List_WhenAnonymous_Returns401()
    {
        using var anonymous = portfolio.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/api/proposals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
