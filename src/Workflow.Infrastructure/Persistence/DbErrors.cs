using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Workflow.Infrastructure.Persistence;

/// <summary>Provider-specific reading of database errors, kept here so the API speaks only of conflicts.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// The database gave up one of two transactions that met on the same rows — PostgreSQL's serialization failure or
    /// deadlock. Nothing of it was kept, and the same work run again on fresh data is what the user meant, exactly as
    /// after a lost race on a revision. SQLite, with one writer at a time, never answers so.
    /// </summary>
    public static bool IsTransientConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
                return true;
        return false;
    }
}
