using System.Net;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Policies;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// A policy change applies from its effective date to new submissions only: a proposal submitted before keeps the
/// version it was checked against, a later one is checked against (and records) the new version, and the refusal
/// names the value and its basis.
/// </summary>
public sealed class PolicyVersionTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Submit_WhenALowerTaskBasedCapTakesEffectLater_RefusesOnlyNewSubmissionsAndEarlierOnesKeepTheirVersion()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var admin = await s.As(Demo.Admin);
        var (_, da2) = await clerk.SeededLineAsync("DA2");
        var before = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da2, 60_000_000, "Mô hình nuôi dê (gửi trước)"));
        await clerk.ActOkAsync("proposals", before, "submit");
        var shipped = (int?)(await clerk.GetProposalAsync(before))["policyVersionId"];
        Assert.NotNull(shipped);

        var created = await admin.CreatePolicyAsync(PolicyApi.Version("BP", 2024, "2024-05-10", PolicyApi.Values(taskBasedMaximum: 50_000_000))).CreatedAsync();
        var lower = (int)created["id"]!;
        var late = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da2, 60_000_000, "Mô hình nuôi dê (gửi sau)"));
        var small = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da2, 45_000_000, "Mô hình trồng rau (gửi sau)"));
        s.MoveTo(new DateOnly(2024, 5, 13));
        clerk = await s.As(Demo.Clerk);

        using (var refused = await clerk.ActAsync("proposals", late, "submit"))
        {
            var errors = await ProblemAssert.HasErrorsAtAsync(refused, "stateSupport");
            LifecycleApi.MessageAt(errors, "stateSupport", "Quy tắc 10", "50.000.000 ₫", $"căn cứ: {PolicyApi.Resolution}");
        }
        await clerk.ActOkAsync("proposals", small, "submit");

        Assert.Equal(shipped, (int?)(await clerk.GetProposalAsync(before))["policyVersionId"]);
        Assert.Equal("Submitted", (string?)(await clerk.GetProposalAsync(before))["state"]);
        Assert.Equal(lower, (int?)(await clerk.GetProposalAsync(small))["policyVersionId"]);
        Assert.Equal("Draft", (string?)(await clerk.GetProposalAsync(late))["state"]);
    }
}
