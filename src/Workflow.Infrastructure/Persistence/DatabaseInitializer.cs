using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and reference data. Safe to run on every start and from several servers.</summary>
public sealed class DatabaseInitializer(WorkflowDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        }

        // Migrate also compares the model with the last migration's, which costs start-up a noticeable share when
        // there is nothing to apply
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);

        if (db.Database.IsSqlite())
            // WAL lets readers go on while one writer commits; the mode is stored in the file, so once is enough
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

        await SeedReferenceDataAsync(ct);
        logger.LogInformation("Database ready at {DataSource}", db.Database.GetDbConnection().DataSource);
    }

    private async Task SeedReferenceDataAsync(CancellationToken ct)
    {
        var knownUnits = await db.AdminUnits.Select(u => u.Code).ToListAsync(ct);
        db.AdminUnits.AddRange(ReferenceData.Units().Where(u => !knownUnits.Contains(u.Code)));
        // provinces recorded before the national root existed are placed under it
        foreach (var province in await db.AdminUnits.Where(u => u.Level == Domain.Catalog.AdminLevel.Province && u.ParentCode == null).ToListAsync(ct))
            province.AttachToNationalRoot();
        // mergers recorded after the units were: the successor takes over policies and history
        var successorCodes = ReferenceData.Successors.Keys.ToList();
        foreach (var merged in await db.AdminUnits.Where(u => successorCodes.Contains(u.Code) && u.SuccessorCode == null).ToListAsync(ct))
            merged.RecordSuccessor(ReferenceData.Successors[merged.Code]);

        var knownAgencies = await db.Agencies.Select(a => a.Code).ToListAsync(ct);
        db.Agencies.AddRange(ReferenceData.Agencies().Where(a => !knownAgencies.Contains(a.Code)));

        var knownPolicies = await db.CounterpartPolicies.Select(p => new { p.ProvinceCode, p.FromFiscalYear }).ToListAsync(ct);
        db.CounterpartPolicies.AddRange(ReferenceData.CounterpartPolicies()
            .Where(p => !knownPolicies.Any(k => k.ProvinceCode == p.ProvinceCode && k.FromFiscalYear == p.FromFiscalYear)));

        var knownSupport = await db.SupportPolicies.Select(p => new { p.ProvinceCode, p.FromFiscalYear }).ToListAsync(ct);
        db.SupportPolicies.AddRange(ReferenceData.SupportPolicies()
            .Where(p => !knownSupport.Any(k => k.ProvinceCode == p.ProvinceCode && k.FromFiscalYear == p.FromFiscalYear)));

        // the province policies are the source of every rule parameter: a province and year recorded in the older
        // tables (shipped or added there) and not yet here becomes version 1 of its policy
        var knownProvincePolicies = await db.ProvincePolicies.Select(p => new { p.ProvinceCode, p.FiscalYear }).ToListAsync(ct);
        var counterpart = await db.CounterpartPolicies.AsNoTracking().ToListAsync(ct);
        counterpart.AddRange(ReferenceData.CounterpartPolicies().Where(p => !counterpart.Any(k => k.ProvinceCode == p.ProvinceCode && k.FromFiscalYear == p.FromFiscalYear)));
        var support = await db.SupportPolicies.AsNoTracking().ToListAsync(ct);
        support.AddRange(ReferenceData.SupportPolicies().Where(p => !support.Any(k => k.ProvinceCode == p.ProvinceCode && k.FromFiscalYear == p.FromFiscalYear)));
        db.ProvincePolicies.AddRange(ReferenceData.FromRecords(counterpart, support, DateTimeOffset.UtcNow)
            .Where(p => !knownProvincePolicies.Any(k => k.ProvinceCode == p.ProvinceCode && k.FiscalYear == p.FiscalYear)));

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // another server seeded the same rows between our read and our write: theirs are the same data
            db.ChangeTracker.Clear();
        }
    }
}
