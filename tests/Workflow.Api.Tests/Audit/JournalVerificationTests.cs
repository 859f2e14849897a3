using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Common;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Audit;
using Workflow.Infrastructure.Audit;

namespace Workflow.Api.Tests.Audit;

/// <summary>
/// How verification is asked for: incremental by default and full on request, against a checkpoint kept outside the
/// system (over HTTP and from the command line), across a rotation of the journal key, and as a background run.
/// </summary>
[Collection(PlayedJournalCollection.Name)]
public sealed class JournalVerificationTests(PlayedJournal played)
{
    private const string RotatedKey = "rotated-journal-key-0123456789-abcdefghijklmnopqrs";

    [Fact]
    public async Task VerifyIncremental_WhenANewEntryIsTamperedAfterAnIntactRun_ReportsItCheckingOnlyWhatIsNew()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();
        var baseline = await app.VerifyAsync(full: false); // no verified point yet: everything is checked
        Assert.True((bool)baseline["intact"]!, baseline.ToJsonString());
        Assert.True((bool)baseline["full"]!);

        using (var clerk = await app.ClientFor(Demo.Clerk))
            await clerk.ActOkAsync("proposals", played.Draft.Id, "submit");
        Assert.Equal(1, await db.ExecuteAsync("UPDATE journal SET \"Comment\" = 'Đã kiểm tra đủ hồ sơ.' WHERE \"InstanceId\" = @i AND \"Sequence\" = 1", ("@i", played.Draft.InstanceId)));

        var report = await app.VerifyAsync(full: false);

        Assert.False((bool)report["full"]!);
        Assert.Equal((long)baseline["runId"]!, (long)report["sinceRunId"]!);
        Assert.Equal(1, (int)report["instances"]!); // the draft's chain, not the journal
        report.AssertProblem(AuditProblemCodes.JournalHash, p => p["instanceId"].Is(played.Draft.InstanceId) && (int)p["sequence"]! == 1);
    }

    [Fact]
    public async Task VerifyIncremental_WhenAnEntryVerifiedBeforeIsEdited_OnlyTheFullVerificationFindsIt()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();
        Assert.True((bool)(await app.VerifyAsync(full: false))["intact"]!);
        Assert.Equal(1, await db.ExecuteAsync("UPDATE journal SET \"ActorName\" = 'chutich' WHERE \"InstanceId\" = @i AND \"Sequence\" = 1", ("@i", played.Settled.InstanceId)));

        var incremental = await app.VerifyAsync(full: false);
        var full = await app.VerifyAsync(full: true);

        Assert.True((bool)incremental["intact"]!, "nothing was written since the verified point, so nothing was read");
        Assert.Equal(0, (long)incremental["entries"]!);
        full.AssertProblem(AuditProblemCodes.JournalHash, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == 1);
    }

    [Fact]
    public async Task VerifyWithCheckpoint_WhenAKeyHolderRewritesTheLastEntryConsistently_ReportsTheHeadThatChanged()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();
        var checkpoint = await TakeCheckpointAsync(app);
        Assert.True((bool)checkpoint["intact"]!);

        // re-sealed with the key itself: the chain verifies, only the checkpoint remembers what the head was
        await db.ExecuteAsync("UPDATE journal SET \"Comment\" = 'Phê duyệt theo đề nghị của phòng.' WHERE \"InstanceId\" = @i AND \"Action\" = 'approve'", ("@i", played.Approved.InstanceId));
        var approval = await db.ReadAsync(d => d.Journal.AsNoTracking().SingleAsync(e => e.InstanceId == played.Approved.InstanceId && e.Action == "approve"));
        await db.ExecuteAsync("UPDATE journal SET \"Hash\" = @h WHERE \"Id\" = @id", ("@h", JournalKey.Parse(RuntimeFactory.JournalKey).Sign(approval.SealedText())), ("@id", approval.Id));
        using var admin = await app.ClientFor(Demo.Admin);
        Assert.True((bool)(await app.VerifyAsync())["intact"]!, "without the checkpoint a key holder's rewrite cannot be seen");

        using var response = await admin.PostAsync("/api/audit/verify", Tests.Infrastructure.Api.JsonBody(checkpoint));
        var report = (await response.ExpectAsync(HttpStatusCode.OK))!;

        report.AssertProblem(AuditProblemCodes.CheckpointHead, p => p["instanceId"].Is(played.Approved.InstanceId) && (int)p["sequence"]! == approval.Sequence && p["planId"].Is(played.PlanId));
        Assert.Equal(1, (int)report["checkpoint"]!["headsChanged"]!);
    }

    [Fact]
    public async Task JournalVerifyCommand_WhenAChainWasRebuiltWithPlainHashesAfterTheCheckpoint_ExitsWithTheHeadThatChanged()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();
        var file = Path.Combine(Path.GetTempPath(), $"workflow-checkpoint-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, (await TakeCheckpointAsync(app)).ToJsonString());

            // the settled proposal's history rebuilt from its first step, every entry re-hashed the old, unkeyed way
            await db.ExecuteAsync("UPDATE journal SET \"Comment\" = 'Hồ sơ đầy đủ.' WHERE \"InstanceId\" = @i AND \"Sequence\" = 1", ("@i", played.Settled.InstanceId));
            var chain = await db.ReadAsync(d => d.Journal.AsNoTracking().Where(e => e.InstanceId == played.Settled.InstanceId).OrderBy(e => e.Sequence).ToListAsync());
            var previous = Domain.Workflows.JournalEntry.Genesis;
            foreach (var entry in chain)
            {
                await db.ExecuteAsync("UPDATE journal SET \"PreviousHash\" = @p, \"HashScheme\" = 1, \"KeyId\" = NULL WHERE \"Id\" = @id", ("@p", previous), ("@id", entry.Id));
                var rewritten = await db.ReadAsync(d => d.Journal.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
                previous = rewritten.LegacyHash();
                await db.ExecuteAsync("UPDATE journal SET \"Hash\" = @h WHERE \"Id\" = @id", ("@h", previous), ("@id", entry.Id));
            }

            var output = new StringWriter();
            var errors = new StringWriter();
            var exit = await JournalCommand.RunAsync(app.Services, JournalCommand.Verify, file, output, errors);

            Assert.True(exit == 3, $"exit {exit}: {errors}");
            var report = JsonNode.Parse(output.ToString())!;
            report.AssertProblem(AuditProblemCodes.CheckpointHead, p => p["instanceId"].Is(played.Settled.InstanceId));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task VerifyWithCheckpoint_WhenTheCheckpointIsEditedUnsignedOrSignedWithAnUnknownKey_RefusesNamingTheField()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();
        var checkpoint = await TakeCheckpointAsync(app);
        using var admin = await app.ClientFor(Demo.Admin);

        var edited = checkpoint.DeepClone();
        // a head moved back or forth: any change of a signed field breaks the signature (never a no-op edit)
        var head = edited["plans"]!.AsArray().Select(p => p!["instances"]!.AsArray()).First(i => i.Count > 0)[0]!;
        head["sequence"] = (int)head["sequence"]! + 7;
        var unknownKey = checkpoint.DeepClone();
        unknownKey["keyId"] = "0123456789abcdef";

        await ProblemAssert.HasErrorsExactlyAtAsync(await admin.PostAsync("/api/audit/verify", Tests.Infrastructure.Api.JsonBody(edited)), "signature");
        await ProblemAssert.HasErrorsExactlyAtAsync(await admin.PostAsync("/api/audit/verify", Tests.Infrastructure.Api.JsonBody(unknownKey)), "keyId");
        await ProblemAssert.HasErrorsExactlyAtAsync(await admin.PostAsync("/api/audit/verify", Tests.Infrastructure.Api.JsonBody("")), "$");
        await ProblemAssert.IsProblemAsync(await admin.PostAsync("/api/audit/verify", Tests.Infrastructure.Api.JsonBody("{\"plans\": [")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Verify_WhenTheKeyIsRotatedWithTheOldOneKeptAsPrevious_OldEntriesStillVerifyAndAnEntryOfAnUnknownKeyIsReportedReKeyed()
    {
        using var db = await played.CopyAsync();
        var rotating = new Dictionary<string, string> { ["Audit:JournalKey"] = RotatedKey, ["Audit:PreviousJournalKeys:0"] = RuntimeFactory.JournalKey };
        using (var app = db.Start(rotating))
        {
            using (var clerk = await app.ClientFor(Demo.Clerk))
                await clerk.ActOkAsync("proposals", played.Draft.Id, "submit");

            var report = await app.VerifyAsync();

            Assert.True((bool)report["intact"]!, report.ToJsonString());
        }
        var keyIds = await db.ReadAsync(d => d.Journal.AsNoTracking().Select(e => e.KeyId).Distinct().ToListAsync());
        Assert.Equal([JournalKey.Parse(RuntimeFactory.JournalKey).Id, JournalKey.Parse(RotatedKey).Id], keyIds.Order());

        // the old key dropped too early: what it sealed can no longer be told from a re-sealing by someone else
        using var dropped = db.Start(new Dictionary<string, string> { ["Audit:JournalKey"] = RotatedKey });
        var afterDrop = await dropped.VerifyAsync();
        afterDrop.AssertProblem(AuditProblemCodes.JournalRekeyed, p => p["instanceId"].Is(played.Settled.InstanceId) && (int)p["sequence"]! == 0);
        afterDrop.AssertProblem(AuditProblemCodes.LedgerRekeyed, p => p["planLineId"].Is(played.LineId));
        Assert.DoesNotContain(afterDrop.Problems(AuditProblemCodes.JournalRekeyed), p => p["instanceId"].Is(played.Draft.InstanceId) && (int)p["sequence"]! == 1);
    }

    [Fact]
    public async Task Verify_WhenTheKeyComesFromAKeyFile_VerifiesWhatTheSameKeySealed()
    {
        using var db = await played.CopyAsync();
        var file = Path.Combine(Path.GetTempPath(), $"workflow-journal-key-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, RuntimeFactory.JournalKey + "\n");
        try
        {
            using var app = db.Start(new Dictionary<string, string> { ["Audit:JournalKey"] = "", ["Audit:JournalKeyFile"] = file });

            var report = await app.VerifyAsync();

            Assert.True((bool)report["intact"]!, report.ToJsonString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Verify_WhenTheHistoryWasWrittenBeforeTheKey_VerifiesItAsWrittenAndSealsWhatFollows()
    {
        using var db = await played.CopyAsync();
        // what the KeyedJournal migration leaves of a database from before the key: journal entries with their plain
        // SHA-256 chain (HashScheme 1), ledger entries unsealed (HashScheme 0), each balance row's head at the genesis
        var journal = await db.ReadAsync(d => d.Journal.AsNoTracking().OrderBy(e => e.InstanceId).ThenBy(e => e.Sequence).ToListAsync());
        foreach (var chain in journal.GroupBy(e => e.InstanceId))
        {
            var previous = Domain.Workflows.JournalEntry.Genesis;
            foreach (var entry in chain)
            {
                await db.ExecuteAsync("UPDATE journal SET \"PreviousHash\" = @p, \"HashScheme\" = 1, \"KeyId\" = NULL, \"SubjectDigest\" = NULL, \"MovementsDigest\" = NULL WHERE \"Id\" = @id",
                    ("@p", previous), ("@id", entry.Id));
                previous = (await db.ReadAsync(d => d.Journal.AsNoTracking().SingleAsync(e => e.Id == entry.Id))).LegacyHash();
                await db.ExecuteAsync("UPDATE journal SET \"Hash\" = @h WHERE \"Id\" = @id", ("@h", previous), ("@id", entry.Id));
            }
        }
        await db.ExecuteAsync("UPDATE ledger_entries SET \"HashScheme\" = 0, \"KeyId\" = NULL, \"Hash\" = '', \"PreviousHash\" = ''");
        await db.ExecuteAsync("UPDATE budget_balances SET \"HeadHash\" = @g", ("@g", Domain.Workflows.JournalEntry.Genesis));
        using var app = db.Start();

        var before = await app.VerifyAsync();
        using (var s = new Session(app))
        {
            await s.ToAppraisedAsync(played.Draft.Id);
            await (await s.As(Demo.Chair)).ActOkAsync("proposals", played.Draft.Id, "approve", data: LifecycleApi.Decision("127/QĐ-UBND", "2024-05-20"));
        }
        var after = await app.VerifyAsync();

        Assert.True((bool)before["intact"]!, before.ToJsonString());
        Assert.Equal((long)before["entries"]!, (long)before["legacyEntries"]!);
        Assert.Equal((long)before["ledgerEntries"]!, (long)before["unsealedLedgerEntries"]!);
        Assert.True((bool)after["intact"]!, after.ToJsonString());
        Assert.Equal((long)before["legacyEntries"]!, (long)after["legacyEntries"]!);
        Assert.True((long)after["entries"]! > (long)after["legacyEntries"]!);
        Assert.True((long)after["ledgerEntries"]! > (long)after["unsealedLedgerEntries"]!);
    }

    [Fact]
    public async Task VerificationJob_WhenQueuedAndRunByAServer_ShowsItsProgressAndItsResult()
    {
        using var db = await played.CopyAsync();
        await db.ExecuteAsync("UPDATE budget_balances SET \"Settled\" = \"Settled\" + 1 WHERE \"PlanLineId\" = @l AND \"Source\" = 'District'", ("@l", played.LineId));
        using var app = db.Start();
        using var admin = await app.ClientFor(Demo.Admin);

        using var queued = await admin.PostAsync("/api/audit/verify/jobs", null);
        var job = (await queued.ExpectAsync(HttpStatusCode.Accepted))!;
        var location = queued.Headers.Location!.ToString();
        Assert.Equal($"/api/audit/verify/jobs/{(long)job["id"]!}", location);
        Assert.Equal("Queued", (string?)(await admin.GetJsonAsync(location))["status"]);
        using (var again = await admin.PostAsync("/api/audit/verify/jobs", null))
            Assert.Equal((long)job["id"]!, (long)(await again.ExpectAsync(HttpStatusCode.Accepted))!["id"]!); // the same run, not a second one

        // background services are off in these tests: run the server's step by hand
        Assert.True(await app.InScopeAsync(services => services.GetRequiredService<AuditRunner>().RunNextAsync(CancellationToken.None)));
        var done = await admin.GetJsonAsync(location);

        Assert.Equal("Completed", (string?)done["status"]);
        Assert.True((long)done["checked"]! > 0);
        Assert.Equal((long)done["total"]!, (long)done["checked"]!);
        Assert.False((bool)done["intact"]!);
        done["report"]!.AssertProblem(AuditProblemCodes.LedgerBalance, p => p["planLineId"].Is(played.LineId) && (string?)p["source"] == "District");
        Assert.False(await app.InScopeAsync(services => services.GetRequiredService<AuditRunner>().RunNextAsync(CancellationToken.None)));
        using var unknown = await admin.GetAsync("/api/audit/verify/jobs/999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Verify_WhenCalledWithFullThatIsNotABoolean_Answers400NamingTheParameter()
    {
        using var db = await played.CopyAsync();
        using var app = db.Start();
        using var admin = await app.ClientFor(Demo.Admin);

        await ProblemAssert.HasErrorsExactlyAtAsync(await admin.GetAsync("/api/audit/verify?full=yes"), "full");
    }

    /// <summary>The checkpoint as <c>journal checkpoint</c> prints it.</summary>
    private static async Task<JsonNode> TakeCheckpointAsync(RuntimeFactory app)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await JournalCommand.RunAsync(app.Services, JournalCommand.Checkpoint, null, output, errors);
        Assert.True(exit == 0, $"exit {exit}: {errors}");
        var checkpoint = JsonNode.Parse(output.ToString())!;
        Assert.NotNull(JsonSerializer.Deserialize<JournalCheckpoint>(output.ToString(), AuditJson.Options));
        return checkpoint;
    }
}
