namespace Workflow.Api.Tests.Infrastructure;

/// <summary>
/// A test of something only SQLite has — its file, its single writer — skipped, with that reason, when the run is on
/// PostgreSQL (<see cref="TestDatabase"/>). Everything a user meets runs on both engines; only such tests use this.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string about)
    {
        if (TestDatabase.OnPostgres) Skip = $"SQLite only: {about}";
    }
}
