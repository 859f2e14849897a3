using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Infrastructure.Idempotency;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Idempotency;

/// <summary>
/// POSTs with an <c>Idempotency-Key</c> (docs/operations.md): a repeat gets the first answer and changes nothing, the key
/// names one request of one user, a running request holds it, and it is forgotten after its lifetime.
/// </summary>
public sealed class IdempotencyKeyTests(IdempotencyFixture fixture) : IClassFixture<IdempotencyFixture>
{
    private Task<int> ProposalsTitledAsync(string title) => fixture.Factory.DbAsync(db => db.Proposals.CountAsync(p => p.Title == title));

    private static async Task<(Guid LineId, JsonObject Body, string Title)> NewProposalAsync(HttpClient clerk, string component = "DA2")
    {
        var (_, lineId) = await clerk.SeededLineAsync(component);
        var title = $"Mô hình nuôi gà thả vườn {Guid.NewGuid():N}";
        return (lineId, LifecycleApi.Model(lineId, 20_000_000, title), title);
    }

    [Fact]
    public async Task CreateProposal_WhenSentTwiceWithOneKey_CreatesOneProposalAndAnswersTheSame201Twice()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);
        var key = KeyedRequests.NewKey();

        using var first = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);
        using var second = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);

        var firstBody = await first.Content.ReadAsStringAsync();
        var secondBody = await second.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstBody, secondBody);
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await ProposalsTitledAsync(title));
    }

    [Fact]
    public async Task CreateProposal_WhenTheKeyComesBackWithAnotherBody_Answers422NamingTheHeaderAndCreatesNothing()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, _) = await NewProposalAsync(clerk);
        var key = KeyedRequests.NewKey();
        using (var first = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key)) await first.ExpectAsync(HttpStatusCode.Created);
        var other = body.DeepClone().AsObject();
        var otherTitle = $"Mô hình trồng nấm {Guid.NewGuid():N}";
        other["title"] = otherTitle;

        using var reused = await clerk.PostJsonWithKeyAsync("/api/proposals", other, key);

        var problem = await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency.keyReused", (string?)problem["code"]);
        Assert.Contains("Idempotency-Key", (string)problem["detail"]!);
        Assert.True(ProblemAssert.ErrorsOf(problem).ContainsKey("Idempotency-Key"), problem.ToJsonString());
        Assert.Equal(0, await ProposalsTitledAsync(otherTitle));
    }

    [Fact]
    public async Task CreateProposal_WhenTwoRequestsWithOneKeyRace_CreatesOneProposalAndTheOtherWaitsOrGetsTheSameAnswer()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);
        var key = KeyedRequests.NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => clerk.PostJsonWithKeyAsync("/api/proposals", body, key)));

        var outcomes = await Task.WhenAll(responses.Select(async r => (r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        foreach (var response in responses) response.Dispose();
        var described = string.Join("\n", outcomes.Select(o => $"{(int)o.StatusCode} {o.Body}"));
        Assert.Equal(1, await ProposalsTitledAsync(title));
        var created = outcomes.Where(o => o.StatusCode == HttpStatusCode.Created).ToList();
        Assert.True(created.Count >= 1 && created.All(c => c.Body == created[0].Body), $"One answer, given to each that got one:\n{described}");
        foreach (var busy in outcomes.Where(o => o.StatusCode != HttpStatusCode.Created))
        {
            Assert.True(busy.StatusCode == HttpStatusCode.Conflict, $"The others wait (409) or get the stored answer:\n{described}");
            Assert.Equal("idempotency.inProgress", (string?)JsonNode.Parse(busy.Body)!["code"]);
        }
    }

    [Fact]
    public async Task Submit_WhenRepeatedWithItsKey_AnswersTheStored200AndJournalsOnce()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, _) = await NewProposalAsync(clerk);
        var id = await clerk.CreateProposalOkAsync(body);
        var key = KeyedRequests.NewKey();
        var action = new JsonObject { ["comment"] = "Gửi thẩm định" };

        using var first = await clerk.PostJsonWithKeyAsync($"/api/proposals/{id}/actions/submit", action, key);
        using var repeat = await clerk.PostJsonWithKeyAsync($"/api/proposals/{id}/actions/submit", action, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        var instanceId = Guid.Parse((string)(await clerk.GetProposalAsync(id))["instanceId"]!);
        Assert.Equal(1, await fixture.Factory.DbAsync(db => db.Journal.CountAsync(e => e.InstanceId == instanceId && e.Action == "submit")));
        // without the key the same action is what it always was: not available any more
        using var again = await clerk.ActAsync("proposals", id, "submit", "Gửi thẩm định");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task CreateProposal_WhenTheKeyHasExpired_IsTreatedAsNew()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);
        var key = KeyedRequests.NewKey();
        using (var first = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key)) await first.ExpectAsync(HttpStatusCode.Created);

        fixture.Factory.Clock.Advance(IdempotencyFixture.Lifetime + TimeSpan.FromSeconds(1));
        using var afterExpiry = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);

        await afterExpiry.ExpectAsync(HttpStatusCode.Created);
        Assert.False(afterExpiry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await ProposalsTitledAsync(title));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1000)]
    public async Task CreateProposal_WhenTheKeyIsTooLong_Answers400AtTheHeaderAndCreatesNothing(int length)
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);

        using var response = await clerk.PostJsonWithKeyAsync("/api/proposals", body, new string('k', length));

        await ProblemAssert.HasErrorsExactlyAtAsync(response, "Idempotency-Key");
        Assert.Equal(0, await ProposalsTitledAsync(title));
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("bell\u0007")]
    [InlineData("khóa-có-dấu")]
    public async Task CreateProposal_WhenTheKeyIsNotPrintableAscii_Answers400AtTheHeader(string key)
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);

        using var response = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);

        var errors = await ProblemAssert.HasErrorsExactlyAtAsync(response, "Idempotency-Key");
        Assert.Contains("ASCII", errors["Idempotency-Key"][0]);
        Assert.Equal(0, await ProposalsTitledAsync(title));
    }

    [Fact]
    public async Task CreateProposal_WhenTwoUsersSendOneKey_EachGetsTheirOwnProposal()
    {
        using var s = new Session(fixture.Factory);
        var key = KeyedRequests.NewKey();
        var (_, clerkBody, clerkTitle) = await NewProposalAsync(await s.As(Demo.Clerk));
        var (_, healthBody, healthTitle) = await NewProposalAsync(await s.As(Demo.Health), "DA3.2");

        using var byClerk = await (await s.As(Demo.Clerk)).PostJsonWithKeyAsync("/api/proposals", clerkBody, key);
        using var byHealth = await (await s.As(Demo.Health)).PostJsonWithKeyAsync("/api/proposals", healthBody, key);

        await byClerk.ExpectAsync(HttpStatusCode.Created);
        await byHealth.ExpectAsync(HttpStatusCode.Created);
        Assert.False(byHealth.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(byClerk.Headers.Location, byHealth.Headers.Location);
        Assert.Equal(1, await ProposalsTitledAsync(clerkTitle));
        Assert.Equal(1, await ProposalsTitledAsync(healthTitle));
    }

    [Fact]
    public async Task CreateProposal_WhenTheFirstRequestWithTheKeyIsRefused_KeepsNothingAndTheCorrectedRequestMayUseTheKey()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);
        var key = KeyedRequests.NewKey();
        var broken = body.DeepClone().AsObject();
        broken["endDate"] = "2024-01-01"; // before its start

        using (var refused = await clerk.PostJsonWithKeyAsync("/api/proposals", broken, key))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var corrected = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);

        await corrected.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(1, await ProposalsTitledAsync(title));
    }

    [Fact]
    public async Task CreateProposal_WhenTheKeyIsHeldByARequestWhoseServerDied_Answers409UntilTheClaimLapsesThenRunsOnce()
    {
        using var s = new Session(fixture.Factory);
        var clerk = await s.As(Demo.Clerk);
        var (_, body, title) = await NewProposalAsync(clerk);
        var key = KeyedRequests.NewKey();
        // the first request with the key claimed it, and its server died before anything committed: its row has the
        // request's hash and no answer
        var userId = await fixture.Factory.DbAsync(db => db.Users.Where(u => u.UserName == Demo.Clerk).Select(u => u.Id).SingleAsync());
        var sent = new DefaultHttpContext();
        sent.Request.Method = "POST";
        sent.Request.Path = "/api/proposals";
        sent.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString()));
        var hash = await Common.RequestFingerprint.OfAsync(sent.Request, userId, CancellationToken.None);
        var now = fixture.Factory.Clock.GetUtcNow();
        await fixture.Factory.DbAsync(db =>
        {
            db.IdempotencyKeys.Add(new IdempotencyRecord(userId, key, hash, Guid.NewGuid(), now, now + IdempotencyFixture.Lifetime));
            return db.SaveChangesAsync();
        });

        using (var whileHeld = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key))
        {
            var problem = await ProblemAssert.IsProblemAsync(whileHeld, HttpStatusCode.Conflict);
            Assert.Equal("idempotency.inProgress", (string?)problem["code"]);
        }
        Assert.Equal(0, await ProposalsTitledAsync(title));

        fixture.Factory.Clock.Advance(IdempotencyFixture.ClaimDuration + TimeSpan.FromSeconds(1));
        using var takenOver = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);
        using var repeat = await clerk.PostJsonWithKeyAsync("/api/proposals", body, key);

        await takenOver.ExpectAsync(HttpStatusCode.Created);
        await repeat.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(await takenOver.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(1, await ProposalsTitledAsync(title));
    }

    [Fact]
    public async Task CompleteAsync_WhenTheKeyWasTakenOverMeanwhile_RollsTheEffectBackAndRecordsNothing()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IdempotencyKeys>();
        var userId = Guid.NewGuid();
        var key = KeyedRequests.NewKey();
        var slow = await keys.ClaimAsync(userId, key, "hash", CancellationToken.None);
        Assert.Equal(ClaimOutcome.Taken, slow.Outcome);
        fixture.Factory.Clock.Advance(IdempotencyFixture.ClaimDuration + TimeSpan.FromSeconds(1));
        var other = await keys.ClaimAsync(userId, key, "hash", CancellationToken.None);
        Assert.Equal(ClaimOutcome.Taken, other.Outcome);

        var messageId = Guid.NewGuid();
        var recorded = await fixture.Factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WorkflowDbContext>();
            slow.Request!.CarryIn(db);
            db.Outbox.Add(new Domain.Workflows.OutboxMessage(messageId, "Test", "{}", fixture.Factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return await keys.CompleteAsync(db, slow.Request, new IdempotentAnswer(201, "/api/proposals/x", "application/json", [1]));
        });

        Assert.False(recorded);
        Assert.False(await fixture.Factory.DbAsync(db => db.Outbox.AnyAsync(m => m.Id == messageId)));
        Assert.Null(await fixture.Factory.DbAsync(db => db.IdempotencyKeys.Where(k => k.UserId == userId && k.Key == key).Select(k => k.CompletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Request_WhenItsServerDiesAfterSavingItsEffect_LeavesNoEffectAndTheKeyHeldUntilTheClaimLapses()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IdempotencyKeys>();
        var userId = Guid.NewGuid();
        var key = KeyedRequests.NewKey();
        var claim = await keys.ClaimAsync(userId, key, "hash", CancellationToken.None);
        var messageId = Guid.NewGuid();

        // the effect is saved, then the unit of work ends without an answer, as when the process dies there
        await fixture.Factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WorkflowDbContext>();
            claim.Request!.CarryIn(db);
            db.Outbox.Add(new Domain.Workflows.OutboxMessage(messageId, "Test", "{}", fixture.Factory.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        Assert.False(await fixture.Factory.DbAsync(db => db.Outbox.AnyAsync(m => m.Id == messageId)));
        Assert.Equal(ClaimOutcome.Busy, (await keys.ClaimAsync(userId, key, "hash", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task AbandonAsync_WhenTheRequestFailsAfterSavingItsEffect_RollsItBackAndFreesTheKey()
    {
        var keys = fixture.Factory.Services.GetRequiredService<IdempotencyKeys>();
        var userId = Guid.NewGuid();
        var key = KeyedRequests.NewKey();
        var claim = await keys.ClaimAsync(userId, key, "hash", CancellationToken.None);
        var messageId = Guid.NewGuid();

        await fixture.Factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WorkflowDbContext>();
            claim.Request!.CarryIn(db);
            db.Outbox.Add(new Domain.Workflows.OutboxMessage(messageId, "Test", "{}", fixture.Factory.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            await keys.AbandonAsync(db, claim.Request);
            return 0;
        });

        Assert.False(await fixture.Factory.DbAsync(db => db.Outbox.AnyAsync(m => m.Id == messageId)));
        Assert.Equal(ClaimOutcome.Taken, (await keys.ClaimAsync(userId, key, "another request", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Approve_WhenApprovalsWithKeysRaceOnOneLine_EveryOneIsRetriedAndApprovedAsWithoutKeys()
    {
        using var s = new Session(fixture.Factory);
        var (_, lineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");
        var ids = new List<Guid>();
        for (var i = 1; i <= 8; i++)
        {
            var id = await (await s.As(Demo.Clerk)).CreateProposalOkAsync(LifecycleApi.Model(lineId, 10_000_000, $"Mô hình nuôi dê số {i} {Guid.NewGuid():N}"));
            await s.ToAppraisedAsync(id);
            ids.Add(id);
        }

        var chair = await s.As(Demo.Chair);
        var responses = await Task.WhenAll(ids.Select((id, i) => chair.PostJsonWithKeyAsync($"/api/proposals/{id}/actions/approve",
            new JsonObject { ["data"] = new JsonObject { ["decisionNumber"] = $"{400 + i}/QĐ-UBND", ["decisionDate"] = "2024-05-20" } }, KeyedRequests.NewKey())));
        var described = string.Join("\n", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        foreach (var response in responses) response.Dispose();

        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.OK), $"A lost race on the line is run again inside the key's request too:\n{described}");
        await fixture.Factory.AssertLedgerProvesEveryBalanceAsync();
    }

    [Fact]
    public async Task CreateUser_WhenRepeatedWithItsKey_AnswersTheSameUserAndNeverStoresTheOneTimePassword()
    {
        using var s = new Session(fixture.Factory);
        var admin = await s.As(Demo.Admin);
        var userName = $"nv{Guid.NewGuid():N}"[..16];
        var body = new JsonObject
        {
            ["userName"] = userName, ["displayName"] = "Trần Thị Bình", ["position"] = "Chuyên viên", ["agencyCode"] = "BP.HQ.TCKH",
            ["roles"] = new JsonArray("FinanceOffice"),
        };
        var key = KeyedRequests.NewKey();

        using var first = await admin.PostJsonWithKeyAsync("/api/admin/users", body, key);
        using var repeat = await admin.PostJsonWithKeyAsync("/api/admin/users", body, key);

        var created = (await first.ExpectAsync(HttpStatusCode.Created))!;
        var replayed = (await repeat.ExpectAsync(HttpStatusCode.Created))!;
        var password = (string)created["oneTimePassword"]!;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.Null(replayed["oneTimePassword"]);
        Assert.Equal(created["user"]!.ToJsonString(), replayed["user"]!.ToJsonString());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        var stored = await fixture.Factory.DbAsync(db => db.IdempotencyKeys.Where(k => k.Key == key).Select(k => k.Body).SingleAsync());
        Assert.DoesNotContain(password, Encoding.UTF8.GetString(stored!));
        Assert.Equal(1, await fixture.Factory.DbAsync(db => db.Users.CountAsync(u => u.UserName == userName)));
    }

    [Fact]
    public async Task ImportPlan_WhenTheSameMultipartFormIsSentAgainWithAnotherBoundary_ImportsOnceAndReplays()
    {
        using var s = new Session(fixture.Factory);
        var finance = await s.As(Demo.Finance);
        var file = Encoding.UTF8.GetBytes(PlanFixture.ForYear(2025).ToJsonString());
        var key = KeyedRequests.NewKey();
        MultipartFormDataContent Form()
        {
            var form = new MultipartFormDataContent($"ranh-gioi-{Guid.NewGuid():N}");
            form.Add(new ByteArrayContent(file), "file", "ke-hoach-2025.json");
            return form;
        }

        using var first = await finance.PostWithKeyAsync("/api/plans/import", Form(), key);
        using var again = await finance.PostWithKeyAsync("/api/plans/import", Form(), key);

        await first.ExpectAsync(HttpStatusCode.Created);
        await again.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await fixture.Factory.DbAsync(db => db.Plans.CountAsync(p => p.UnitCode == "BP.HQ" && p.FiscalYear == 2025)));
    }

    [Fact]
    public async Task IssueToken_WhenSentWithAKey_IgnoresItAndStoresNoToken()
    {
        using var anonymous = fixture.Factory.CreateClient();
        var key = KeyedRequests.NewKey();

        using var response = await anonymous.PostJsonWithKeyAsync("/api/auth/token", new JsonObject { ["userName"] = Demo.Clerk, ["password"] = "Demo@2024" }, key);

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.False(await fixture.Factory.DbAsync(db => db.IdempotencyKeys.AnyAsync(k => k.Key == key)));
    }
}
