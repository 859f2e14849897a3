using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Audit;

/// <summary>
/// The journal and the ledger as a server writes them on its own clock, which reads finer than a second (the other
/// journal tests move a clock by whole seconds): every entry is sealed over the moment it stores, on either engine.
/// </summary>
public sealed class ServerClockJournalTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Verify_AfterEntriesWrittenOnTheServersClock_FindsTheJournalAndLedgerIntact()
    {
        using var clerk = await factory.ClientFor(Demo.Clerk);
        var (_, line) = await clerk.SeededLineAsync("DA2");
        var id = await clerk.CreateProposalOkAsync(LifecycleApi.Model(line, 20_000_000));
        await clerk.ActOkAsync("proposals", id, "withdraw");
        using var admin = await factory.ClientFor(Demo.Admin);

        var report = await admin.GetJsonAsync("/api/audit/verify?full=true");

        Assert.True((bool)report["intact"]!, report.ToJsonString());
        Assert.True((int)report["entries"]! >= 2);
        Assert.True((int)report["ledgerEntries"]! > 0);
    }
}
