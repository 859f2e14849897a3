using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Workflow.Domain.Common;

namespace Workflow.Infrastructure.Persistence;

/// <summary>The last number a unit gave dossiers of one kind in one fiscal year (<see cref="DossierCode"/>).</summary>
public sealed class DossierCounter
{
    private DossierCounter() { }

    public string Kind { get; private set; } = "";
    public string UnitCode { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long Last { get; private set; }
}

/// <summary>
/// Numbers dossiers per unit and year without gaps or duplicates however many officers create at once: the counter
/// moves by one atomic statement inside the transaction that saves the dossier, so the row lock (PostgreSQL) or the one
/// writer (SQLite) orders creators, nobody reads a number another will also take, and a failed save gives its number
/// back with its rollback.
/// </summary>
public static class DossierNumbering
{
    public static async Task<string> NextDossierCodeAsync(this WorkflowDbContext db, string kind, string unitCode, int fiscalYear, CancellationToken ct) =>
        DossierCode.Format(kind, fiscalYear, await db.ReserveDossierNumbersAsync(kind, unitCode, fiscalYear, 1, ct));

    /// <summary>Takes <paramref name="count"/> consecutive numbers (an import of many dossiers); returns the first.</summary>
    public static async Task<long> ReserveDossierNumbersAsync(this WorkflowDbContext db, string kind, string unitCode, int fiscalYear, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return 0;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Dossier numbers are taken inside the transaction that saves the dossiers (WorkTransaction), or a failed save would leave a gap.");
        var last = (await db.Database.SqlQuery<long>($"""
            INSERT INTO dossier_counters ("Kind", "UnitCode", "FiscalYear", "Last") VALUES ({kind}, {unitCode}, {fiscalYear}, {(long)count})
            ON CONFLICT ("Kind", "UnitCode", "FiscalYear") DO UPDATE SET "Last" = dossier_counters."Last" + {(long)count}
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        return last - count + 1;
    }
}

/// <summary>
/// The transaction of a handler that writes before it saves (a dossier number): the request's own when it carries an
/// <c>Idempotency-Key</c>, so the number, the dossier and the stored answer commit together; otherwise one of its own,
/// committed by <see cref="CommitAsync"/> after the save.
/// </summary>
public sealed class WorkTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private WorkTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<WorkTransaction> BeginAsync(WorkflowDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null) return new WorkTransaction(null);
        if (db.IdempotentRequest is { } request)
        {
            await request.OpenNowAsync(db, ct);
            return new WorkTransaction(null);
        }
        return new WorkTransaction(await db.Database.BeginTransactionAsync(ct));
    }

    public Task CommitAsync(CancellationToken ct) => _owned?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
