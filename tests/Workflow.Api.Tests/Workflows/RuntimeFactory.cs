using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Workflows;

/// <summary>A clock the test moves by hand, so deadlines and claim expiries pass without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// The API on a real database (<see cref="TestDatabase"/>) with the background services off (tests drive the outbox and
/// the deadline scan by hand), a manual clock, and a workflows folder of the test's choosing. Several factories may
/// share one database to play several servers, or one server restarted. <paramref name="settings"/> add to or
/// replace the defaults (another journal key, a previous one…).
/// </summary>
public sealed class RuntimeFactory(TestDatabase database, string workflowsPath, ManualClock clock, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string JournalKey = "runtime-tests-journal-key-0123456789-abcdefghijklmnop";

    public ManualClock Clock { get; } = clock;

    public TestDatabase Database => database;

    /// <summary>The definitions shipped in workflows/, as copied into the test output.</summary>
    public static string ShippedWorkflows => Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>
    /// Fixed definitions for testing the runtime itself (version 1 of the three processes, generic steps only), so
    /// these tests do not change when the shipped processes gain subject-specific guards and effects.
    /// </summary>
    public static string RuntimeWorkflows => Path.Combine(AppContext.BaseDirectory, "runtime-workflows");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        builder.UseSetting("Auth:Jwt:SigningKey", "runtime-tests-signing-key-0123456789-abcdefghijklmnop");
        builder.UseSetting("Seed:Demo", "true");
        // every test client signs in from the same address; the limit itself is tested with its own setting
        builder.UseSetting("Auth:SignInPermitsPerMinute", "100000");
        builder.UseSetting("Workflows:Path", workflowsPath);
        builder.UseSetting("Workflows:RunBackgroundServices", "false");
        builder.UseSetting("Audit:JournalKey", JournalKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task<HttpClient> ClientFor(string userName)
    {
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName, password = "Demo@2024" });
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> DbAsync<T>(Func<WorkflowDbContext, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<WorkflowDbContext>()));

    public async Task<Actor> ActorAsync(string userName) => await DbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.UserName!, user.Roles, user.AgencyCode, user.UnitCode);
    });

    /// <summary>Starts a workflow for a new subject of the Trung tâm Dịch vụ nông nghiệp (BP.HQ.NN), as its clerk.</summary>
    public async Task<WorkflowInstance> StartAsync(string definitionId = "proposal", string subjectType = "Proposal")
    {
        var clerk = await ActorAsync("nongnghiep");
        return await InScopeAsync(services => services.GetRequiredService<IWorkflowRuntime>()
            .StartAsync(definitionId, new WorkflowSubject(subjectType, Guid.NewGuid(), "BP.HQ", "BP.HQ.NN", "BP"), clerk, CancellationToken.None));
    }
}

/// <summary>One server on the shipped definitions, its own database; disposed with the test class.</summary>
public sealed class RuntimeFixture : IDisposable
{
    public TestDatabase Database { get; } = TestDatabase.Create("runtime");

    public RuntimeFactory Factory { get; }

    public RuntimeFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.RuntimeWorkflows, new ManualClock(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}
