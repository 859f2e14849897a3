using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Reports;
using Workflow.Domain.Audit;

namespace Workflow.Api.Tests.Audit;

/// <summary>
/// Someone who can write the database but does not hold the journal key changes what happened, with SQL on the file;
/// the program, started again over the file with its key, finds each change with a full verification and names the
/// ids. One test per kind of change, each on its own copy of the played journal.
/// </summary>
[Collection(PlayedJournalCollection.Name)]
public sealed class JournalTamperingTests(PlayedJournal played)
{
    [Fact]
    public async Task Verify_WhenNothingWasTouchedAfterAFullLifecycle_ReportsIntactAndTheReportStillReconciles()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();

        var report = await app.VerifyAsync();

        Assert.True((bool)report["intact"]!, report.ToJsonString());
        Assert.True((bool)report["full"]!);
        Assert.True((int)report["instances"]! >= 6, report.ToJsonString());
        Assert.True((long)report["entries"]! >= 25, report.ToJsonString());
        Assert.True((long)report["ledgerEntries"]! >= 15, report.ToJsonString());
        Assert.Equal(0, (long)report["legacyEntries"]!);
        Assert.Equal(0, (long)report["unsealedLedgerEntries"]!);
        using var finance = await app.ClientFor(Demo.Finance);
        ReportHttp.AssertReconciled(await finance.ReportAsync(played.PlanId));
    }

    [Fact]
    public async Task Verify_WhenTheApprovalEntryIsDeletedAndTheInstanceStaysApproved_ReportsTheMissingTailAndTheMovementsItLeftBehind()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("DELETE FROM journal WHERE \"InstanceId\" = @i AND \"Action\" = 'approve'", ("@i", played.Approved.InstanceId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.InstanceMissingTail, p => p["instanceId"].Is(played.Approved.InstanceId) && p["subjectId"].Is(played.Approved.Id));
        report.AssertProblem(AuditProblemCodes.InstanceStateWithoutEntry, p => p["instanceId"].Is(played.Approved.InstanceId));
        report.AssertProblem(AuditProblemCodes.LedgerNoJournalEntry, p => p["instanceId"].Is(played.Approved.InstanceId) && (int)p["sequence"]! == 4);
    }

    [Fact]
    public async Task Verify_WhenTheLastEntryIsEditedAndRehashedWithPlainSha256_ReportsARewrittenEntry()
    {
        using var db = await played.CopyAsync();
        await db.ExecuteAsync("UPDATE journal SET \"Comment\" = 'Quyết toán được phê duyệt: chi phí thực tế 300.000.000 ₫.' " +
                              "WHERE \"InstanceId\" = @i AND \"Sequence\" = (SELECT MAX(\"Sequence\") FROM journal WHERE \"InstanceId\" = @i)", ("@i", played.Settled.InstanceId));
        var last = await db.ReadAsync(d => d.Journal.AsNoTracking().Where(e => e.InstanceId == played.Settled.InstanceId).OrderByDescending(e => e.Sequence).FirstAsync());
        await db.ExecuteAsync("UPDATE journal SET \"Hash\" = @h, \"HashScheme\" = 1, \"KeyId\" = NULL WHERE \"Id\" = @id", ("@h", last.LegacyHash()), ("@id", last.Id));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.JournalDowngraded, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == last.Sequence && (long)p["journalEntryId"]! == last.Id);
    }

    [Fact]
    public async Task Verify_WhenADraftIsSetToApprovedWithoutAnEntry_ReportsAStateWithoutEntry()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE workflow_instances SET \"State\" = 'Approved' WHERE \"Id\" = @i", ("@i", played.Draft.InstanceId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        var problem = report.AssertProblem(AuditProblemCodes.InstanceStateWithoutEntry, p => p["instanceId"].Is(played.Draft.InstanceId) && p["subjectId"].Is(played.Draft.Id));
        Assert.Contains("Approved", (string)problem["message"]!);
    }

    [Fact]
    public async Task Verify_WhenAnApprovedProposalsTitleIsEdited_ReportsTheProposalChanged()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE proposals SET \"Title\" = 'Mô hình nuôi bò sinh sản (50 con)' WHERE \"Id\" = @p", ("@p", played.Approved.Id)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.SubjectChanged, p => p["subjectId"].Is(played.Approved.Id) && p["instanceId"].Is(played.Approved.InstanceId) && (int)p["sequence"]! == 4);
    }

    [Fact]
    public async Task Verify_WhenAnApprovedProposalsAmountsAreMovedBetweenSources_ReportsTheProposalChanged()
    {
        using var db = await played.CopyAsync();
        // the total stays the same: only the split per source moves
        Assert.Equal(1, await db.ExecuteAsync("UPDATE proposals SET \"Central\" = \"Central\" + 1000000, \"District\" = \"District\" - 1000000 WHERE \"Id\" = @p", ("@p", played.Approved.Id)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.SubjectChanged, p => p["subjectId"].Is(played.Approved.Id));
    }

    [Fact]
    public async Task Verify_WhenALedgerEntryAndItsBalanceAreEditedTogether_ReportsTheLedgerEntrysSeal()
    {
        using var db = await played.CopyAsync();
        var entryId = await db.ScalarAsync<long>("SELECT \"Id\" FROM ledger_entries WHERE \"ProposalId\" = @p AND \"Kind\" = 'Commit' AND \"Source\" = 'Central'", ("@p", played.Approved.Id));
        await db.ExecuteAsync("UPDATE ledger_entries SET \"Amount\" = \"Amount\" - 5000000 WHERE \"Id\" = @id", ("@id", entryId));
        await db.ExecuteAsync("UPDATE budget_balances SET \"Committed\" = \"Committed\" - 5000000 WHERE \"PlanLineId\" = @l AND \"Source\" = 'Central'", ("@l", played.LineId));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.LedgerHash, p => (long?)p["ledgerEntryId"] == entryId && p["planLineId"].Is(played.LineId) && (string?)p["source"] == "Central");
        Assert.Empty(report.Problems(AuditProblemCodes.LedgerBalance)); // the sums were kept consistent: only the seal gives it away
    }

    [Fact]
    public async Task Verify_WhenAnEntrysDataIsEdited_ReportsTheData()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE journal SET \"Data\" = replace(\"Data\", '126/QĐ-UBND', '226/QĐ-UBND') WHERE \"InstanceId\" = @i AND \"Action\" = 'approve'",
            ("@i", played.Approved.InstanceId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.JournalData, p => p["instanceId"].Is(played.Approved.InstanceId) && (int)p["sequence"]! == 4);
    }

    [Fact]
    public async Task Verify_WhenAMiddleEntryIsDeleted_ReportsTheGapAndTheBrokenLink()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("DELETE FROM journal WHERE \"InstanceId\" = @i AND \"Sequence\" = 2", ("@i", played.Settled.InstanceId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.JournalSequence, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == 3);
        report.AssertProblem(AuditProblemCodes.JournalLink, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == 3);
    }

    [Fact]
    public async Task Verify_WhenTwoEntriesAreRenumberedIntoEachOthersPlace_ReportsBoth()
    {
        using var db = await played.CopyAsync();
        await db.ExecuteAsync("UPDATE journal SET \"Sequence\" = -1 WHERE \"InstanceId\" = @i AND \"Sequence\" = 1; " +
                              "UPDATE journal SET \"Sequence\" = 1 WHERE \"InstanceId\" = @i AND \"Sequence\" = 2; " +
                              "UPDATE journal SET \"Sequence\" = 2 WHERE \"InstanceId\" = @i AND \"Sequence\" = -1;", ("@i", played.Settled.InstanceId));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.JournalHash, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == 1);
        report.AssertProblem(AuditProblemCodes.JournalHash, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == 2);
    }

    [Fact]
    public async Task Verify_WhenAnEntrysActorIsChanged_ReportsTheSeal()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE journal SET \"ActorName\" = 'taichinh2' WHERE \"InstanceId\" = @i AND \"Action\" = 'approve'", ("@i", played.Approved.InstanceId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.JournalHash, p => p["instanceId"].Is(played.Approved.InstanceId) && (int)p["sequence"]! == 4);
    }

    [Fact]
    public async Task Verify_WhenAnInstancesWholeJournalIsDeleted_ReportsTheInstanceWithoutJournal()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("DELETE FROM journal WHERE \"InstanceId\" = @i", ("@i", played.Draft.InstanceId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.InstanceNoJournal, p => p["instanceId"].Is(played.Draft.InstanceId) && p["subjectId"].Is(played.Draft.Id));
    }

    [Fact]
    public async Task Verify_WhenOnlyABalanceIsEdited_ReportsTheColumnAgainstItsEntries()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE budget_balances SET \"Disbursed\" = \"Disbursed\" + 1000000 WHERE \"PlanLineId\" = @l AND \"Source\" = 'Central'", ("@l", played.LineId)));
        var balanceId = await db.ScalarAsync<long>("SELECT \"Id\" FROM budget_balances WHERE \"PlanLineId\" = @l AND \"Source\" = 'Central'", ("@l", played.LineId));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        var problem = report.AssertProblem(AuditProblemCodes.LedgerBalance, p => (long?)p["balanceId"] == balanceId && p["planLineId"].Is(played.LineId) && (string?)p["source"] == "Central");
        Assert.Contains("Disbursed", (string)problem["message"]!);
    }

    [Fact]
    public async Task Verify_WhenALedgerEntryIsDeleted_ReportsTheGapInItsRowAndTheTransitionWhoseMovementsChanged()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("DELETE FROM ledger_entries WHERE \"DisbursementId\" = @d AND \"Source\" = 'Central'", ("@d", played.Advance.Id)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.LedgerSequence, p => p["planLineId"].Is(played.LineId) && (string?)p["source"] == "Central");
        report.AssertProblem(AuditProblemCodes.LedgerBalance, p => p["planLineId"].Is(played.LineId) && (string?)p["source"] == "Central");
        report.AssertProblem(AuditProblemCodes.LedgerMovements, p => p["instanceId"].Is(played.Advance.InstanceId) && p["subjectId"].Is(played.Advance.Id));
    }

    [Theory]
    [InlineData("\"TreasuryReference\" = 'KB-2024-0099'")]
    [InlineData("\"Central\" = \"Central\" + 1000000")]
    public async Task Verify_WhenAPaidDisbursementIsEdited_ReportsTheDisbursementChanged(string change)
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync($"UPDATE disbursements SET {change} WHERE \"Id\" = @d", ("@d", played.Payment.Id)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.SubjectChanged, p => p["subjectId"].Is(played.Payment.Id) && p["instanceId"].Is(played.Payment.InstanceId) && (string?)p["subjectType"] == "Disbursement");
    }

    [Fact]
    public async Task Verify_WhenASettlementsActualCostIsEdited_ReportsTheSettlementChanged()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE settlements SET \"ActualCentral\" = \"ActualCentral\" + 2000000 WHERE \"Id\" = @s", ("@s", played.Settlement.Id)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.SubjectChanged, p => p["subjectId"].Is(played.Settlement.Id) && (string?)p["subjectType"] == "Settlement");
    }

    [Fact]
    public async Task Verify_WhenAPlanLinesAmountIsEdited_ReportsTheAllocationAgainstItsEntries()
    {
        using var db = await played.CopyAsync();
        Assert.Equal(1, await db.ExecuteAsync("UPDATE plan_lines SET \"Provincial\" = \"Provincial\" + 1000000 WHERE \"Id\" = @l", ("@l", played.LineId)));
        using var app = db.Start();

        var report = await app.VerifyAsync();

        report.AssertProblem(AuditProblemCodes.LedgerAllocation, p => p["planLineId"].Is(played.LineId) && (string?)p["source"] == "Provincial" && p["planId"].Is(played.PlanId));
    }
}
