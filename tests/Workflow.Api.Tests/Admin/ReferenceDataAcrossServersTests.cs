using System.Net;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Admin;

/// <summary>
/// Each server keeps a copy of units, assignments and policies for its firings. A change made through one server is
/// obeyed by another sharing the database from its next request: the copy is only used while the database's mark of
/// the reference data is the one it was read under.
/// </summary>
public sealed class ReferenceDataAcrossServersTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create("reference-data");
    private readonly RuntimeFactory _serverA;
    private readonly RuntimeFactory _serverB;

    public ReferenceDataAcrossServersTests()
    {
        var clock = new ManualClock(CommuneFixture.Start);
        _serverA = new RuntimeFactory(_database, RuntimeFactory.ShippedWorkflows, clock);
        _serverB = new RuntimeFactory(_database, RuntimeFactory.ShippedWorkflows, clock);
    }

    public void Dispose()
    {
        _serverA.Dispose();
        _serverB.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Fire_WhenAnotherServerReassignedTheAppraiser_RefusesTheFormerAppraiserAtOnce()
    {
        using var clerk = await _serverA.ClientFor("tk.nongnghiep");
        var line = await CommuneStoryTests.LineAsync(clerk, "DA3.1");
        var id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(line, 46_000_000, "Mô hình nuôi bò sinh sản xã Tân Khai"));
        await clerk.ActOkAsync("proposals", id, "submit");

        // server B has read Tân Khai's parts: its economic office appraises
        using var finance = await _serverB.ClientFor("tk.kinhte");
        Assert.Contains((await finance.GetProposalAsync(id))["availableActions"]!.AsArray(), a => (string?)a!["action"] == "start-appraisal");

        // through server A, the province's administrator gives the appraisal to a new office from today
        using var admin = await _serverA.ClientFor("dn.quantri");
        await admin.CreateAgencyAsync(new { code = "DN.TK.TCKH", name = "Tổ Tài chính - Kế hoạch xã Tân Khai", kind = "FinanceOffice", unitCode = "DN.TK" })
            .OkAsync(HttpStatusCode.Created);
        await admin.SetAssignmentsAsync("DN.TK", new { validFrom = "2026-03-02", appraiser = "DN.TK.TCKH", approver = "DN.TK.UBND", treasury = "DN.KBKV" }).OkAsync();

        // server B obeys at the next request: no action offered, and the firing refused
        Assert.DoesNotContain((await finance.GetProposalAsync(id))["availableActions"]!.AsArray(), a => (string?)a!["action"] == "start-appraisal");
        using var refused = await finance.ActAsync("proposals", id, "start-appraisal");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Submitted", (string?)(await clerk.GetProposalAsync(id))["state"]);
    }
}
