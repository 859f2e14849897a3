using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests.Audit;

/// <summary>
/// One database in which the demo users played the money's whole way once, on the seeded Hớn Quản 2024 plan (DA2 line):
/// <list type="bullet">
/// <item><see cref="Settled"/>: the tailoring cooperative, drafted, appraised, approved, paid an advance and a payment, settled and closed;</item>
/// <item><see cref="Approved"/>: a second model, approved (its money committed) and left there;</item>
/// <item><see cref="Draft"/>: a third model, still a draft.</item>
/// </list>
/// Each test takes its own copy (<see cref="CopyAsync"/>), tampers with it as a hostile database writer would, and
/// starts the program again over the copy with the same journal key — as an operator restarting the server would.
/// </summary>
public sealed class PlayedJournal : IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create("played");

    public Guid PlanId { get; private set; }
    public Guid LineId { get; private set; }
    public Subject Settled { get; private set; } = null!;
    public Subject Approved { get; private set; } = null!;
    public Subject Draft { get; private set; } = null!;
    public Subject Advance { get; private set; } = null!;
    public Subject Payment { get; private set; } = null!;
    public Subject Settlement { get; private set; } = null!;

    /// <summary>A subject and the workflow instance that drives it.</summary>
    public sealed record Subject(Guid Id, Guid InstanceId);

    public async Task InitializeAsync()
    {
        using var factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(LifecycleFixture.Start));
        using var s = new Session(factory);
        (PlanId, LineId) = await (await s.As(Demo.Clerk)).SeededLineAsync("DA2");

        s.MoveTo(new DateOnly(2024, 5, 20));
        var settled = await s.ApprovedProposalAsync(LifecycleApi.TailoringCooperative(LineId), "125/QĐ-UBND");
        s.MoveTo(new DateOnly(2024, 6, 3));
        var advance = await s.PaidDisbursementAsync(settled, "Advance", 100_000_000, "KB-2024-0012", "2024-06-03");
        s.MoveTo(new DateOnly(2024, 12, 10));
        var payment = await s.PaidDisbursementAsync(settled, "Payment", 290_000_000, "KB-2024-0047", "2024-12-10");
        s.MoveTo(new DateOnly(2024, 12, 16));
        var settlement = await (await s.As(Demo.Clerk)).OpenSettlementOkAsync(settled, LifecycleApi.SettlementBody(250_000_000, 12_000_000, 25_000_000));
        await (await s.As(Demo.Clerk)).ActOkAsync("settlements", settlement, "submit");
        await (await s.As(Demo.Finance)).ActOkAsync("settlements", settlement, "verify");
        await (await s.As(Demo.Finance2)).ActOkAsync("settlements", settlement, "approve");
        await (await s.As(Demo.Finance)).ActOkAsync("settlements", settlement, "close");

        var approved = await s.ApprovedProposalAsync(LifecycleApi.Model(LineId, 50_000_000, "Mô hình nuôi bò sinh sản"), "126/QĐ-UBND");
        var draft = await (await s.As(Demo.Clerk)).CreateProposalOkAsync(LifecycleApi.Model(LineId, 20_000_000, "Mô hình trồng rau an toàn"));

        var instances = await factory.DbAsync(async db => new
        {
            Proposals = await db.Proposals.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.InstanceId),
            Disbursements = await db.Disbursements.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.InstanceId),
            Settlements = await db.Settlements.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.InstanceId),
        });
        Settled = new(settled, instances.Proposals[settled]);
        Approved = new(approved, instances.Proposals[approved]);
        Draft = new(draft, instances.Proposals[draft]);
        Advance = new(advance, instances.Disbursements[advance]);
        Payment = new(payment, instances.Disbursements[payment]);
        Settlement = new(settlement, instances.Settlements[settlement]);
    }

    /// <summary>A copy of the played database under a new name, for one test to tamper with.</summary>
    public Task<TamperableDatabase> CopyAsync() => Task.FromResult(new TamperableDatabase(Database.Copy("tampered")));

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PlayedJournalCollection : ICollectionFixture<PlayedJournal>
{
    public const string Name = "played journal";
}

/// <summary>
/// A database a test tampers with directly — SQL on the database, as someone with write access to it but not to the
/// journal key would — and then serves again with a fresh program (<see cref="Start"/>). The SQL quotes column names and
/// names its parameters <c>@name</c>, which both engines read alike.
/// </summary>
public sealed class TamperableDatabase(TestDatabase database) : IDisposable
{
    /// <summary>After the story's last day: tokens and the verification run on this clock.</summary>
    public static readonly DateTimeOffset Later = new(2025, 1, 6, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The program started over this database, with the runtime tests' journal key unless <paramref name="settings"/> say otherwise.</summary>
    public RuntimeFactory Start(IReadOnlyDictionary<string, string>? settings = null) =>
        new(database, RuntimeFactory.ShippedWorkflows, new ManualClock(Later), settings);

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = database.OpenConnection();
        await using var command = Command(connection, sql, parameters);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads rows as the program's model sees them, without starting the program (what a hostile writer's script could do).</summary>
    public async Task<T> ReadAsync<T>(Func<WorkflowDbContext, Task<T>> read)
    {
        await using var db = database.OpenContext();
        return await read(db);
    }

    /// <summary>Ids go in as the engine stores them: PostgreSQL's uuid, or the upper-case text EF Core writes to SQLite.</summary>
    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value is Guid id && !TestDatabase.OnPostgres ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public void Dispose() => database.Dispose();
}
