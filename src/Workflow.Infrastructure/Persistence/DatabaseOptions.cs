namespace Workflow.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>A SQLite <c>Data Source=…</c>, or a PostgreSQL <c>Host=…;Database=…;Username=…</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/workflow.db";

    public DatabaseProvider Engine => DatabaseProviders.Parse(Provider);
}
