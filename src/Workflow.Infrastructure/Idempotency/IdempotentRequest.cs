using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Idempotency;

/// <summary>
/// A request holding its <c>Idempotency-Key</c>, carried by the request's unit of work so that its effect and its answer
/// commit in one transaction. The first save that changes something opens the transaction (<see cref="IdempotentSaves"/>);
/// later saves of the request join it; <see cref="IdempotencyKeys.CompleteAsync"/> writes the answer into the key's row
/// and commits. Until then nothing of the effect is visible, so no crash can leave an effect without its answer.
/// </summary>
/// <remarks>
/// This holds because request handlers only save through their unit of work: one that opened a transaction of its own
/// would commit outside the answer's (none does; the deadline escalator, which does, runs in the background).
/// </remarks>
public sealed class IdempotentRequest
{
    /// <summary>The transaction holds no successful save yet: a failing save may give it back whole.</summary>
    private bool _nothingSavedYet;

    internal IdempotentRequest(Guid userId, string key, Guid claimToken)
    {
        UserId = userId;
        Key = key;
        ClaimToken = claimToken;
    }

    public Guid UserId { get; }
    public string Key { get; }
    public Guid ClaimToken { get; }

    /// <summary>The transaction holding the request's effect; null until its first save with changes.</summary>
    internal IDbContextTransaction? Transaction { get; set; }

    /// <summary>From now on the saves of <paramref name="db"/> belong to this request's transaction.</summary>
    public void CarryIn(WorkflowDbContext db)
    {
        db.IdempotentRequest = this;
        db.SavedChanges += (_, _) => _nothingSavedYet = false;
        // the runtime runs a transition again when it lost a race on a shared row, but only outside a transaction: a
        // failed first save gives the transaction back, so the request retries as it would without a key. EF raises
        // this event, not the interceptor's failure hook, for a concurrency conflict too.
        db.SaveChangesFailed += (_, _) =>
        {
            if (!_nothingSavedYet || Transaction is null) return;
            Transaction.Rollback();
            Transaction.Dispose();
            Transaction = null;
            _nothingSavedYet = false;
        };
    }

    internal async ValueTask OpenForSaveAsync(DbContext db, CancellationToken ct)
    {
        if (!NeedsTransaction(db)) return;
        Transaction = await db.Database.BeginTransactionAsync(ct);
        _nothingSavedYet = true;
    }

    /// <summary>Opens the transaction before anything is saved, for a handler that writes first (<see cref="Persistence.WorkTransaction"/>).</summary>
    internal async ValueTask OpenNowAsync(DbContext db, CancellationToken ct)
    {
        if (Transaction is not null || db.Database.CurrentTransaction is not null) return;
        Transaction = await db.Database.BeginTransactionAsync(ct);
        _nothingSavedYet = true;
    }

    internal void OpenForSave(DbContext db)
    {
        if (!NeedsTransaction(db)) return;
        Transaction = db.Database.BeginTransaction();
        _nothingSavedYet = true;
    }

    private bool NeedsTransaction(DbContext db) =>
        Transaction is null && db.Database.CurrentTransaction is null && db.ChangeTracker.HasChanges();
}

/// <summary>Opens the transaction of an idempotent request at its first save that changes something (<see cref="IdempotentRequest"/>).</summary>
public sealed class IdempotentSaves : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WorkflowDbContext { IdempotentRequest: { } request } db) request.OpenForSave(db);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WorkflowDbContext { IdempotentRequest: { } request } db) await request.OpenForSaveAsync(db, cancellationToken);
        return result;
    }
}
