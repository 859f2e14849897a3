using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Policies;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// Rule 14 reads the advance cap from the province's policy, not the workflow definition: once a version with a lower
/// rate takes effect, a request above it is refused naming the rate and its basis, and the disbursement records the
/// version it was requested under.
/// </summary>
public sealed class AdvanceCapPolicyTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task Request_WhenTheProvinceLowersTheAdvanceRateToThirtyPercent_RefusesAboveItAndRecordsTheVersion()
    {
        using var s = new Session(fixture.Factory);
        var (_, da2) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var proposal = await s.ApprovedProposalAsync(LifecycleApi.Model(da2, 200_000_000, "Mô hình chăn nuôi (hợp đồng 200 triệu)", contractValue: 200_000_000));
        var values = PolicyApi.Values();
        values["advanceMaxRate"] = PolicyApi.Value(0.3m);
        var created = await (await s.As(Demo.Admin)).CreatePolicyAsync(PolicyApi.Version("BP", 2024, "2024-05-10", values)).CreatedAsync();
        s.MoveTo(new DateOnly(2024, 5, 13));
        var clerk = await s.As(Demo.Clerk);

        var tooMuch = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 70_000_000);
        using (var refused = await clerk.ActAsync("disbursements", tooMuch, "request"))
        {
            var (_, errors) = await LifecycleApi.ConflictAsync(refused);
            LifecycleApi.MessageAt(errors, "amount", "Quy tắc 14", "30 %", $"căn cứ: {PolicyApi.Resolution}", "60.000.000 ₫");
        }
        var withinCap = await clerk.CreateDisbursementOkAsync(proposal, "Advance", 60_000_000);
        await clerk.ActOkAsync("disbursements", withinCap, "request");
        await (await s.As(Demo.Finance2)).ActOkAsync("disbursements", withinCap, "approve");

        Assert.Equal((int)created["id"]!, (int?)(await clerk.GetDisbursementAsync(withinCap))["policyVersionId"]);
    }
}
