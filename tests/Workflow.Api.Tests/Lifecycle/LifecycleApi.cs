using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>The demo users (password Demo@2024), by what they do in the story.</summary>
public static class Demo
{
    /// <summary>LeadAgency of the Trung tâm Dịch vụ nông nghiệp, lead of DA2 and DA3.1.</summary>
    public const string Clerk = "nongnghiep";
    /// <summary>LeadAgency of the health centre (DA3.2): another agency.</summary>
    public const string Health = "yte";
    public const string Finance = "taichinh";
    public const string Finance2 = "taichinh2";
    public const string Chair = "chutich";
    public const string Treasury = "khobac";
    /// <summary>LeadAgency and Monitor of the Phòng LĐTBXH.</summary>
    public const string Labour = "laodong";
    public const string Admin = "admin";
}

/// <summary>
/// Signed-in clients of the demo users, one per user for a test. Tokens live 8 hours on the manual clock: after
/// moving the clock, <see cref="SignInAgain"/> drops them so the next call signs in afresh.
/// </summary>
public sealed class Session(RuntimeFactory factory) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public RuntimeFactory Factory => factory;

    public async Task<HttpClient> As(string userName)
    {
        if (_clients.TryGetValue(userName, out var client)) return client;
        client = await factory.ClientFor(userName);
        _clients[userName] = client;
        return client;
    }

    /// <summary>Moves the server's clock forward to 09:00 (Vietnam) of <paramref name="day"/> and signs everyone in again.</summary>
    public void MoveTo(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
        var now = factory.Clock.GetUtcNow();
        if (at > now) factory.Clock.Advance(at - now);
        SignInAgain();
    }

    public void SignInAgain()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clients.Clear();
    }

    public void Dispose() => SignInAgain();
}

/// <summary>A proposal's money in one source, as GET /api/proposals/{id} shows it under <c>position</c>.</summary>
public readonly record struct Position(long Approved, long Committed, long Disbursed, long AdvanceOutstanding, long Settled)
{
    public static Position Of(JsonNode proposal, string source)
    {
        var p = proposal["position"]?[source] ?? throw new Xunit.Sdk.XunitException($"No position for {source}: {proposal["position"]?.ToJsonString()}");
        return new((long)p["approved"]!, (long)p["committed"]!, (long)p["disbursed"]!, (long)p["advanceOutstanding"]!, (long)p["settled"]!);
    }

    public static Position TotalOf(JsonNode proposal)
    {
        var p = proposal["total"]!;
        return new((long)p["approved"]!, (long)p["committed"]!, (long)p["disbursed"]!, (long)p["advanceOutstanding"]!, (long)p["settled"]!);
    }
}

/// <summary>One balance row's columns.</summary>
public readonly record struct Columns(long Allocated, long Committed, long Disbursed, long Settled)
{
    public long Uncommitted => Allocated - Committed;

    public static Columns Of(BudgetBalance b) => new(b.Allocated, b.Committed, b.Disbursed, b.Settled);
}

/// <summary>HTTP and database helpers for the money lifecycle: proposals, disbursements, settlements, balances.</summary>
public static class LifecycleApi
{
    public static readonly string[] Sources = ["Central", "Provincial", "District", "Commune"];

    // ---------- plans ----------

    public static async Task<Guid> PlanIdAsync(this HttpClient client, int fiscalYear) =>
        await client.FindPlanIdAsync("BP.HQ", fiscalYear) ?? throw new InvalidOperationException($"No BP.HQ plan for {fiscalYear}.");

    public static async Task<Guid> LineIdAsync(this HttpClient client, Guid planId, string component)
    {
        var plan = await client.GetPlanAsync(planId);
        var line = plan["lines"]!.AsArray().FirstOrDefault(l => (string?)l!["component"] == component)
            ?? throw new InvalidOperationException($"Plan {planId} has no line {component}: {plan.ToJsonString()}");
        return Guid.Parse((string)line["id"]!);
    }

    /// <summary>The seeded Hớn Quản 2024 plan and its line for <paramref name="component"/>.</summary>
    public static async Task<(Guid PlanId, Guid LineId)> SeededLineAsync(this HttpClient client, string component)
    {
        var planId = await client.PlanIdAsync(2024);
        return (planId, await client.LineIdAsync(planId, component));
    }

    // ---------- proposal bodies ----------

    /// <summary>
    /// The Mỹ Thạnh industrial tailoring cooperative (Tổ hợp tác may công nghiệp, seed 000): 28 workers of near-poor
    /// households, 15 expected to escape poverty; 300 million of state support, 50 million of the members' own.
    /// </summary>
    public static JsonObject TailoringCooperative(Guid lineId) => new()
    {
        ["planLineId"] = lineId.ToString(),
        ["title"] = "Mô hình Tổ hợp tác may công nghiệp phường Mỹ Thạnh (28 lao động cận nghèo, phấn đấu 15 lao động thoát nghèo)",
        ["kind"] = "PovertyReductionModel",
        ["areaType"] = "Other",
        ["communes"] = new JsonArray("BP.HQ.TK"),
        ["startDate"] = "2024-06-01",
        ["endDate"] = "2024-12-15",
        ["totalCost"] = 350_000_000L,
        ["stateSupport"] = 300_000_000L,
        ["counterpart"] = new JsonObject { ["cash"] = 20_000_000L, ["labour"] = 30_000_000L, ["inKind"] = 0L },
        ["beneficiaries"] = new JsonObject
        {
            ["poor"] = 0, ["nearPoor"] = 28, ["newlyEscaped"] = 0, ["ethnicMinority"] = 0, ["disabled"] = 0, ["totalParticipants"] = 28,
        },
        ["attachments"] = new JsonArray(),
        ["contractValue"] = 300_000_000L,
    };

    /// <summary>A smaller poverty-reduction model: the given state support plus 10 million of labour, 20 near-poor of 25 participants.</summary>
    public static JsonObject Model(Guid lineId, long stateSupport, string? title = null, long? contractValue = null)
    {
        var body = TailoringCooperative(lineId);
        body["title"] = title ?? $"Mô hình nuôi bò sinh sản ({stateSupport / 1_000_000} triệu)";
        body["stateSupport"] = stateSupport;
        body["counterpart"] = new JsonObject { ["cash"] = 0L, ["labour"] = 10_000_000L, ["inKind"] = 0L };
        body["totalCost"] = stateSupport + 10_000_000L;
        body["beneficiaries"] = new JsonObject
        {
            ["poor"] = 5, ["nearPoor"] = 15, ["newlyEscaped"] = 0, ["ethnicMinority"] = 2, ["disabled"] = 0, ["totalParticipants"] = 25,
        };
        body["contractValue"] = contractValue is null ? null : JsonValue.Create(contractValue.Value);
        return body;
    }

    // ---------- proposals ----------

    public static Task<HttpResponseMessage> CreateProposalAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/proposals", Tests.Infrastructure.Api.JsonBody(body));

    public static Task<HttpResponseMessage> CreateProposalAsync(this HttpClient client, string rawBody) =>
        client.PostAsync("/api/proposals", Tests.Infrastructure.Api.JsonBody(rawBody));

    public static async Task<Guid> CreateProposalOkAsync(this HttpClient client, JsonNode body)
    {
        using var response = await client.CreateProposalAsync(body);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)created!["id"]!);
    }

    public static Task<HttpResponseMessage> EditProposalAsync(this HttpClient client, Guid id, JsonNode body) =>
        client.PutAsync($"/api/proposals/{id}", Tests.Infrastructure.Api.JsonBody(body));

    public static Task<JsonNode> GetProposalAsync(this HttpClient client, Guid id) => client.GetJsonAsync($"/api/proposals/{id}");

    /// <summary>A workflow action on a proposal, disbursement or settlement: <c>POST /api/{subjects}/{id}/actions/{action}</c>.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string subjects, Guid id, string action, string? comment = null, object? data = null) =>
        client.PostAsJsonAsync($"/api/{subjects}/{id}/actions/{action}", new { comment, data });

    public static async Task<JsonNode> ActOkAsync(this HttpClient client, string subjects, Guid id, string action, string? comment = null, object? data = null)
    {
        using var response = await client.ActAsync(subjects, id, action, comment, data);
        return (await response.ExpectAsync(HttpStatusCode.OK))!;
    }

    public static object Decision(string number = "125/QĐ-UBND", string date = "2024-05-20") => new { decisionNumber = number, decisionDate = date };

    /// <summary>The agency submits; finance (taichinh) takes it into appraisal and passes it.</summary>
    public static async Task ToAppraisedAsync(this Session s, Guid proposalId)
    {
        await (await s.As(Demo.Clerk)).ActOkAsync("proposals", proposalId, "submit");
        var finance = await s.As(Demo.Finance);
        await finance.ActOkAsync("proposals", proposalId, "start-appraisal");
        await finance.ActOkAsync("proposals", proposalId, "appraise-pass", "Hồ sơ đầy đủ, đúng đối tượng.");
    }

    /// <summary>Drafted by the agency, appraised by finance, approved by the chairman: its money is committed.</summary>
    public static async Task<Guid> ApprovedProposalAsync(this Session s, JsonNode body, string decisionNumber = "125/QĐ-UBND")
    {
        var id = await (await s.As(Demo.Clerk)).CreateProposalOkAsync(body);
        await s.ToAppraisedAsync(id);
        await (await s.As(Demo.Chair)).ActOkAsync("proposals", id, "approve", data: Decision(decisionNumber));
        return id;
    }

    // ---------- disbursements ----------

    public static Task<HttpResponseMessage> CreateDisbursementAsync(this HttpClient client, Guid proposalId, string kind, long amount, long? contractValue = null,
        IDictionary<string, long>? split = null) =>
        client.PostAsJsonAsync($"/api/proposals/{proposalId}/disbursements", new { kind, amount, contractValue, split, note = (string?)null });

    public static async Task<Guid> CreateDisbursementOkAsync(this HttpClient client, Guid proposalId, string kind, long amount, long? contractValue = null)
    {
        using var response = await client.CreateDisbursementAsync(proposalId, kind, amount, contractValue);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)created!["id"]!);
    }

    public static Task<JsonNode> GetDisbursementAsync(this HttpClient client, Guid id) => client.GetJsonAsync($"/api/disbursements/{id}");

    public static object TreasuryConfirmation(string reference, string paidOn = "2024-06-03") => new { treasuryReference = reference, paidOn };

    /// <summary>Drafted and requested by the agency, approved by taichinh2: waiting for the treasury.</summary>
    public static async Task<Guid> ApprovedDisbursementAsync(this Session s, Guid proposalId, string kind, long amount, long? contractValue = null)
    {
        var clerk = await s.As(Demo.Clerk);
        var id = await clerk.CreateDisbursementOkAsync(proposalId, kind, amount, contractValue);
        await clerk.ActOkAsync("disbursements", id, "request");
        await (await s.As(Demo.Finance2)).ActOkAsync("disbursements", id, "approve");
        return id;
    }

    /// <summary>Requested, approved and confirmed paid by the treasury (khobac).</summary>
    public static async Task<Guid> PaidDisbursementAsync(this Session s, Guid proposalId, string kind, long amount, string treasuryReference, string paidOn = "2024-06-03")
    {
        var id = await s.ApprovedDisbursementAsync(proposalId, kind, amount);
        await (await s.As(Demo.Treasury)).ActOkAsync("disbursements", id, "confirm-payment", data: TreasuryConfirmation(treasuryReference, paidOn));
        return id;
    }

    // ---------- settlements ----------

    public static JsonObject SettlementBody(long central, long provincial, long district, int reachedNearPoor = 28, int reachedTotal = 28,
        string outputs = "28 lao động được đào tạo nghề may công nghiệp; 15 lao động có việc làm ổn định, thoát cận nghèo") => new()
    {
        ["outputs"] = outputs,
        ["acceptedOn"] = "2024-12-15",
        ["reached"] = new JsonObject
        {
            ["poor"] = 0, ["nearPoor"] = reachedNearPoor, ["newlyEscaped"] = 0, ["ethnicMinority"] = 0, ["disabled"] = 0, ["totalParticipants"] = reachedTotal,
        },
        ["actualCost"] = new JsonObject { ["Central"] = central, ["Provincial"] = provincial, ["District"] = district },
    };

    public static Task<HttpResponseMessage> OpenSettlementAsync(this HttpClient client, Guid proposalId, JsonNode body) =>
        client.PostAsync($"/api/proposals/{proposalId}/settlement", Tests.Infrastructure.Api.JsonBody(body));

    public static async Task<Guid> OpenSettlementOkAsync(this HttpClient client, Guid proposalId, JsonNode body)
    {
        using var response = await client.OpenSettlementAsync(proposalId, body);
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return Guid.Parse((string)created!["id"]!);
    }

    public static Task<JsonNode> GetSettlementAsync(this HttpClient client, Guid id) => client.GetJsonAsync($"/api/settlements/{id}");

    // ---------- problems ----------

    /// <summary>Asserts a 409 problem and returns it with its errors by path (empty when it has none).</summary>
    public static async Task<(JsonObject Problem, IReadOnlyDictionary<string, string[]> Errors)> ConflictAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var errors = problem["errors"] is JsonObject ? ProblemAssert.ErrorsOf(problem) : new Dictionary<string, string[]>();
        return (problem, errors);
    }

    /// <summary>Asserts that the message at <paramref name="path"/> contains every one of <paramref name="parts"/>.</summary>
    public static void MessageAt(IReadOnlyDictionary<string, string[]> errors, string path, params string[] parts)
    {
        Assert.True(errors.TryGetValue(path, out var messages), $"No error at '{path}'; errors at [{string.Join(", ", errors.Keys)}]");
        var message = string.Join(" ", messages!);
        foreach (var part in parts)
            Assert.True(message.Contains(part, StringComparison.Ordinal), $"The message at '{path}' does not contain «{part}»: «{message}»");
    }

    public static async Task<string> DescribeAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";

    // ---------- ledger ----------

    /// <summary>The line's balance rows, read through the DbContext.</summary>
    public static Task<Dictionary<string, Columns>> BalancesAsync(this RuntimeFactory factory, Guid lineId) =>
        factory.DbAsync(db => db.Balances.AsNoTracking().Where(b => b.PlanLineId == lineId)
            .ToDictionaryAsync(b => b.Source.ToString(), Columns.Of));

    /// <summary>Every balance row equals the sum of its ledger entries' effects, column by column.</summary>
    public static async Task AssertLedgerProvesEveryBalanceAsync(this RuntimeFactory factory)
    {
        var (balances, entries) = await factory.DbAsync(async db => (
            await db.Balances.AsNoTracking().ToListAsync(),
            await db.LedgerEntries.AsNoTracking().Select(e => new { e.PlanLineId, e.Source, e.Kind, e.Amount }).ToListAsync()));
        Assert.NotEmpty(balances);
        foreach (var balance in balances)
        {
            long allocated = 0, committed = 0, disbursed = 0, settled = 0;
            foreach (var e in entries.Where(e => e.PlanLineId == balance.PlanLineId && e.Source == balance.Source))
            {
                var effect = BudgetBalance.Effect(e.Kind, e.Amount);
                allocated += effect.Allocated;
                committed += effect.Committed;
                disbursed += effect.Disbursed;
                settled += effect.Settled;
            }
            Assert.True(new Columns(allocated, committed, disbursed, settled) == Columns.Of(balance),
                $"{balance.Component} {balance.Source}: the entries sum to {new Columns(allocated, committed, disbursed, settled)}, the row says {Columns.Of(balance)}");
            Assert.True(balance.Allocated >= balance.Committed && balance.Committed >= balance.Disbursed && balance.Disbursed >= balance.Settled && balance.Settled >= 0,
                $"{balance.Component} {balance.Source} is out of order: {Columns.Of(balance)}");
        }
    }

    public static FundingSource Parse(string source) => Enum.Parse<FundingSource>(source);
}
