using System.Net;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>Rule 19 on commitments: after the close no proposal on the closed year's plan is submitted or approved.</summary>
public sealed class ClosedYearCommitmentTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    [Fact]
    public async Task SubmitAndApprove_WhenThe2024YearIsClosed_Return409AtFiscalYearNamingRule19()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, da2) = await clerk.SeededLineAsync("DA2");
        var draft = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da2, 30_000_000, "Mô hình nuôi ong lấy mật"));
        var appraised = await clerk.CreateProposalOkAsync(LifecycleApi.Model(da2, 40_000_000, "Mô hình trồng nấm rơm"));
        await s.ToAppraisedAsync(appraised);

        s.CloseThe2024Year();
        clerk = await s.As(Demo.Clerk);
        var chairman = await s.As(Demo.Chair);

        using (var submit = await clerk.ActAsync("proposals", draft, "submit"))
        {
            var (_, errors) = await LifecycleApi.ConflictAsync(submit);
            LifecycleApi.MessageAt(errors, "fiscalYear", "Quy tắc 19", "2024", "01/02/2025", "chuyển nguồn");
        }
        using (var approve = await chairman.ActAsync("proposals", appraised, "approve", data: LifecycleApi.Decision("15/QĐ-UBND", "2025-02-03")))
        {
            var (_, errors) = await LifecycleApi.ConflictAsync(approve);
            LifecycleApi.MessageAt(errors, "fiscalYear", "Quy tắc 19");
        }
        Assert.Equal("Draft", (string?)(await clerk.GetProposalAsync(draft))["state"]);
        Assert.Equal("Appraised", (string?)(await clerk.GetProposalAsync(appraised))["state"]);
    }
}
