using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Workflow.Infrastructure.Persistence;

/// <summary>Provider-specific reading of database errors, kept here so the API speaks only of conflicts.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint };
}
