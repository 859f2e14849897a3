using Workflow.Domain.Common;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Features.Plans;
using Workflow.Api.Seeding;
using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Plans;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Bench.Generation;

/// <summary>
/// Builds a database at a scale from nothing: the schema and reference data by the application's own initializer
/// (migrations, WAL, reference units), the workflow definitions and catalogues as the server registers them, the
/// organisation, policies and plans through EF, and the year of lifecycle history — the bulk of the rows — through
/// prepared statements in large transactions, with the secondary indexes dropped during the load and rebuilt after it.
/// On PostgreSQL (P1 only, at 1×) the same rows go in by binary <c>COPY</c>, converted by the PostgreSQL model.
/// </summary>
public sealed class Generator(string repositoryRoot, TextWriter log)
{
    /// <summary>The tables the history fills; their secondary indexes are rebuilt once, after the load.</summary>
    private static readonly string[] HistoryTables =
        ["budget_balances", "ledger_entries", "proposals", "disbursements", "settlements", "workflow_instances", "workflow_tasks", "journal"];

    private const int RowsPerTransaction = 250_000;

    public async Task<Manifest> GenerateAsync(NationShape shape, BenchDatabase database, string journalKey)
    {
        var clock = Stopwatch.StartNew();
        await database.ResetAsync();
        await using var services = AppServices.For(database, journalKey, repositoryRoot);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            await scope.ServiceProvider.GetRequiredService<DefinitionRegistration>().RegisterAsync();
            await scope.ServiceProvider.GetRequiredService<CatalogueRegistration>().RegisterAsync();
        }
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        var processes = new Processes(catalog.CurrentOf(ProposalProcess.DefinitionId), catalog.CurrentOf(DisbursementProcess.DefinitionId),
            catalog.CurrentOf(SettlementProcess.DefinitionId), services.GetRequiredService<WorkingCalendar>());
        var key = services.GetRequiredService<JournalKeyRing>().Current;

        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var year = WorkingCalendar.VietnamToday(TimeProvider.System).Year;
        // the plans were given at the start of the year (earlier still when the bench runs in its first days)
        var yearBegins = new DateTimeOffset(year, 1, 1, 0, 0, 0, WorkingCalendar.VietnamOffset).ToUniversalTime();
        var planned = yearBegins + Min(TimeSpan.FromDays(4), (now - yearBegins) / 10);

        var organisation = new Organisation(shape);
        var (plans, policies) = await WriteOrganisationAsync(services, organisation, year, planned);
        log.WriteLine($"  organisation and {plans.Count:N0} plans written ({clock.Elapsed.TotalSeconds:F1} s)");

        var counts = database switch
        {
            SqliteFile file => await WriteHistoryAsync(services, file.Path, plans, organisation, policies, processes, key, now),
            PostgresDatabase postgres => await CopyHistoryAsync(services, postgres, plans, policies, processes, key, now),
            _ => throw new NotSupportedException(database.GetType().Name),
        };
        log.WriteLine($"  history written ({clock.Elapsed.TotalSeconds:F1} s): {counts}");

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
            // the nightly full verification, done: production always has a verified point, so GET /api/audit/verify is
            // incremental from here (the bench checks the claim with a real full verification at 1×)
            var journalThrough = await db.Journal.MaxAsync(e => (long?)e.Id) ?? 0;
            var ledgerThrough = await db.LedgerEntries.MaxAsync(e => (long?)e.Id) ?? 0;
            db.AuditRuns.Add(AuditRun.Answered(true, "bench", now, now, counts.Journal + counts.Ledger, true, 0, journalThrough, ledgerThrough,
                "{\"note\":\"generated: the history written by the bench generator, verified at 1x by a full verification\"}"));
            await db.SaveChangesAsync();
        }
        SqliteConnection.ClearAllPools();
        log.WriteLine($"  done in {clock.Elapsed.TotalSeconds:F1} s, {database.SizeMiB():N0} MiB");
        return Manifest.Of(shape, organisation, plans, counts, year, clock.Elapsed);
    }

    /// <summary>Units, agencies, users, who appraises, approves and pays, each province's policy, and every commune's plan.</summary>
    private async Task<(List<(Plan Plan, CommuneOrg Commune)> Plans, Dictionary<string, ProvincePolicy> Policies)> WriteOrganisationAsync(
        IServiceProvider services, Organisation organisation, int year, DateTimeOffset planned)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.AdminUnits.AddRange(organisation.Units);
        db.Agencies.AddRange(organisation.Agencies);
        db.Users.AddRange(organisation.Users);
        db.UnitAssignments.AddRange(organisation.Assignments);
        var policies = organisation.Provinces.ToDictionary(p => p.Code,
            p => new ProvincePolicy(p.Code, year, 1, new DateOnly(year, 1, 1), DongNai2026.PolicyValues(year), "system", planned));
        db.ProvincePolicies.AddRange(policies.Values);
        await db.SaveChangesAsync(); // the plans record their policy's id

        var catalogue = scope.ServiceProvider.GetRequiredService<ProgrammeCatalogues>().For(year).Period;
        var agencies = organisation.Agencies.ToLookup(a => a.UnitCode);
        var plans = new List<(Plan, CommuneOrg)>();
        foreach (var commune in organisation.PlannedCommunes)
        {
            var policy = policies[commune.Province.Code];
            var content = PlanFiles.Content(commune, year, planned);
            var own = agencies[commune.Code].ToList();
            var violations = PlanRules.Validate(content, policy.Values.Counterpart, own, catalogue);
            if (violations.Count > 0)
                throw new InvalidOperationException($"The generated plan of {commune.Code} breaks the plan rules: " + string.Join("; ", violations));
            var plan = Plan.Import(Guid.NewGuid(), content, policy.Values.Counterpart, own, commune.Finance1.UserName, planned, PlanFile.Write(content));
            plan.RecordPolicyVersion(policy.Id);
            db.Plans.Add(plan);
            plans.Add((plan, commune));
        }
        await db.SaveChangesAsync();
        return (plans, policies);
    }

    private async Task<Counts> WriteHistoryAsync(IServiceProvider services, string databasePath, List<(Plan Plan, CommuneOrg Commune)> plans,
        Organisation organisation, Dictionary<string, ProvincePolicy> policies, Processes processes, JournalKey key, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        // a load nobody else reads: no rollback journal, no fsync, a large page cache; the database returns to WAL after
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000; PRAGMA temp_store=MEMORY; PRAGMA locking_mode=EXCLUSIVE;");
        var indexes = SecondaryIndexes(connection);
        foreach (var (name, _) in indexes) Execute(connection, $"DROP INDEX \"{name}\"");

        var shapes = new HistoryRows(model);
        var writers = shapes.Tables.Select(t => new TableWriter(connection, t.Table, t.Columns)).ToList();

        // plans are played, and their rows converted, on dedicated threads, one per core; this thread only binds and
        // steps. None of them is a thread-pool thread, which two long CPU-bound loops would starve on two cores.
        using var ready = new BlockingCollection<(History History, List<Cell[]>[] Rows)>(boundedCapacity: 4);
        var next = -1;
        var failure = (Exception?)null;
        var players = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() =>
        {
            try
            {
                for (var i = Interlocked.Increment(ref next); i < plans.Count; i = Interlocked.Increment(ref next))
                {
                    var (plan, commune) = plans[i];
                    var history = new PlanYear(plan, commune, policies[commune.Province.Code], processes, key, now, i).Play();
                    ready.Add((history, shapes.Convert(history)));
                }
            }
            catch (Exception e)
            {
                failure = e;
                Interlocked.Exchange(ref next, plans.Count);
            }
        }) { IsBackground = true }).ToList();
        players.ForEach(t => t.Start());
        var finisher = new Thread(() =>
        {
            players.ForEach(t => t.Join());
            ready.CompleteAdding();
        }) { IsBackground = true };
        finisher.Start();

        var counts = new Counts();
        // the statements run on the connection's own handle, inside whichever transaction it has open
        var transaction = connection.BeginTransaction();
        long sinceCommit = 0;
        var written = 0;
        foreach (var (history, rows) in ready.GetConsumingEnumerable())
        {
            for (var t = 0; t < rows.Length; t++)
                foreach (var row in rows[t]) writers[t].Insert(row);
            counts.Add(history);
            sinceCommit += rows.Sum(r => r.Count);
            if (++written % 100 == 0) log.WriteLine($"  … {written:N0} of {plans.Count:N0} plans");
            if (sinceCommit < RowsPerTransaction) continue;
            transaction.Commit();
            transaction.Dispose();
            transaction = connection.BeginTransaction();
            sinceCommit = 0;
        }
        if (failure is not null) throw new InvalidOperationException("Playing a plan's year failed.", failure);
        transaction.Commit();
        transaction.Dispose();
        writers.ForEach(w => w.Dispose());

        var rebuild = Stopwatch.StartNew();
        foreach (var (_, sql) in indexes) Execute(connection, sql);
        log.WriteLine($"  {indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:F1} s");
        // each unit's dossier sequences continue after what was generated, numbered 1..n per plan (Codes)
        Execute(connection, DossierCounters);
        if (plans.Count < 100)
        {
            // cheap at 1×: every row the load wrote refers to rows that exist
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA foreign_key_check";
            using var reader = check.ExecuteReader();
            if (reader.Read()) throw new InvalidOperationException($"The generated rows break a foreign key: table {reader.GetString(0)}, parent {reader.GetString(2)}.");
        }
        Execute(connection, "PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
        return counts;
    }

    /// <summary>Each unit's dossier sequences continue after what was generated, numbered 1..n per plan (Codes).</summary>
    private static readonly string DossierCounters = $"""
        INSERT INTO dossier_counters ("Kind", "UnitCode", "FiscalYear", "Last")
        SELECT '{DossierCode.Proposal}', "UnitCode", "FiscalYear", COUNT(*) FROM proposals GROUP BY "UnitCode", "FiscalYear";
        INSERT INTO dossier_counters ("Kind", "UnitCode", "FiscalYear", "Last")
        SELECT '{DossierCode.Disbursement}', p."UnitCode", p."FiscalYear", COUNT(*) FROM disbursements AS d JOIN proposals AS p ON p."Id" = d."ProposalId"
        GROUP BY p."UnitCode", p."FiscalYear";
        INSERT INTO dossier_counters ("Kind", "UnitCode", "FiscalYear", "Last")
        SELECT '{DossierCode.Settlement}', p."UnitCode", p."FiscalYear", COUNT(*) FROM settlements AS s JOIN proposals AS p ON p."Id" = s."ProposalId"
        GROUP BY p."UnitCode", p."FiscalYear";
        """;

    /// <summary>
    /// The history on PostgreSQL: every plan played on this thread (P1 needs only 1×), each table's rows sent in one
    /// binary <c>COPY</c>, in the order the foreign keys need, in one transaction. PostgreSQL checks every foreign key
    /// as the rows arrive, so a row that refers to nothing stops the load.
    /// </summary>
    private static async Task<Counts> CopyHistoryAsync(IServiceProvider services, PostgresDatabase database, List<(Plan Plan, CommuneOrg Commune)> plans,
        Dictionary<string, ProvincePolicy> policies, Processes processes, JournalKey key, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var shapes = new HistoryRows(scope.ServiceProvider.GetRequiredService<WorkflowDbContext>());
        var tables = shapes.Tables;
        var rows = tables.Select(_ => new List<object?[]>()).ToArray();
        var counts = new Counts();
        for (var i = 0; i < plans.Count; i++)
        {
            var (plan, commune) = plans[i];
            var history = new PlanYear(plan, commune, policies[commune.Province.Code], processes, key, now, i).Play();
            var values = shapes.Values(history);
            for (var t = 0; t < values.Length; t++) rows[t].AddRange(values[t]);
            counts.Add(history);
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var t = 0; t < tables.Count; t++)
        {
            var (table, columns, types) = tables[t];
            await using var import = await connection.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows[t])
            {
                await import.StartRowAsync();
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c] is null) await import.WriteNullAsync();
                    // an enum the model stores as its number, as EF would bind it
                    else if (row[c] is Enum e) await import.WriteAsync(Convert.ToInt32(e, CultureInfo.InvariantCulture), types[c]);
                    else await import.WriteAsync(row[c], types[c]);
                }
            }
            await import.CompleteAsync();
        }
        await using (var command = new NpgsqlCommand(DossierCounters, connection, transaction)) await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection)) await analyze.ExecuteNonQueryAsync();
        return counts;
    }

    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", HistoryTables.Select(t => $"'{t}'"))})";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

/// <summary>The tables a plan's history fills, in the order they are written, and how its entities become their rows.</summary>
public sealed class HistoryRows(DbContext model)
{
    private readonly RowShape<BudgetBalance> _balances = new(model);
    private readonly RowShape<LedgerEntry> _ledger = new(model);
    private readonly RowShape<Proposal> _proposals = new(model);
    private readonly RowShape<Disbursement> _disbursements = new(model);
    private readonly RowShape<Settlement> _settlements = new(model);
    private readonly RowShape<WorkflowInstance> _instances = new(model);
    private readonly RowShape<WorkflowTask> _tasks = new(model);
    private readonly RowShape<JournalEntry> _journal = new(model);

    public IReadOnlyList<(string Table, IReadOnlyList<string> Columns, IReadOnlyList<string> Types)> Tables =>
    [
        (_balances.Table, _balances.Columns, _balances.Types), (_ledger.Table, _ledger.Columns, _ledger.Types),
        (_proposals.Table, _proposals.Columns, _proposals.Types), (_disbursements.Table, _disbursements.Columns, _disbursements.Types),
        (_settlements.Table, _settlements.Columns, _settlements.Types), (_instances.Table, _instances.Columns, _instances.Types),
        (_tasks.Table, _tasks.Columns, _tasks.Types), (_journal.Table, _journal.Columns, _journal.Types),
    ];

    /// <summary>The same rows as provider values (what the model's converters give), for an engine that binds them itself.</summary>
    public List<object?[]>[] Values(History h) =>
    [
        h.Balances.ConvertAll(_balances.Values), h.Ledger.ConvertAll(_ledger.Values), h.Proposals.ConvertAll(_proposals.Values),
        h.Disbursements.ConvertAll(_disbursements.Values), h.Settlements.ConvertAll(_settlements.Values), h.Instances.ConvertAll(_instances.Values),
        h.Tasks.ConvertAll(_tasks.Values), h.Journal.ConvertAll(_journal.Values),
    ];

    /// <summary>The history's rows per table, in the order of <see cref="Tables"/>; a balance row is converted as the year left it.</summary>
    public List<Cell[]>[] Convert(History h) =>
    [
        h.Balances.ConvertAll(_balances.Convert), h.Ledger.ConvertAll(_ledger.Convert), h.Proposals.ConvertAll(_proposals.Convert),
        h.Disbursements.ConvertAll(_disbursements.Convert), h.Settlements.ConvertAll(_settlements.Convert), h.Instances.ConvertAll(_instances.Convert),
        h.Tasks.ConvertAll(_tasks.Convert), h.Journal.ConvertAll(_journal.Convert),
    ];
}

/// <summary>Rows of each kind a generation wrote.</summary>
public sealed class Counts
{
    public long Proposals { get; set; }
    public long Disbursements { get; set; }
    public long Settlements { get; set; }
    public long Instances { get; set; }
    public long Tasks { get; set; }
    public long OpenTasks { get; set; }
    public long Journal { get; set; }
    public long Ledger { get; set; }
    public long BalanceRows { get; set; }

    public void Add(History history)
    {
        Proposals += history.Proposals.Count;
        Disbursements += history.Disbursements.Count;
        Settlements += history.Settlements.Count;
        Instances += history.Instances.Count;
        Tasks += history.Tasks.Count;
        OpenTasks += history.Tasks.Count(t => t.IsOpen);
        Journal += history.Journal.Count;
        Ledger += history.Ledger.Count;
        BalanceRows += history.Balances.Count;
    }

    public override string ToString() =>
        $"{Proposals:N0} proposals, {Disbursements:N0} disbursements, {Settlements:N0} settlements, {Instances:N0} instances, " +
        $"{Journal:N0} journal entries, {Ledger:N0} ledger entries, {BalanceRows:N0} balance rows, {Tasks:N0} tasks ({OpenTasks:N0} open)";
}
