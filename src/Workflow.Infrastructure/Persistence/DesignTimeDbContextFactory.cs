using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflow.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) => new(DatabaseProvider.Sqlite.Options<WorkflowDbContext>("Data Source=design-time.db"));
}

/// <summary>
/// The same for PostgreSQL (<c>--context PostgresWorkflowDbContext</c>); adding a migration reads no database, so the
/// connection string only names one.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    public PostgresWorkflowDbContext CreateDbContext(string[] args) =>
        new(DatabaseProvider.Postgres.Options<PostgresWorkflowDbContext>("Host=localhost;Database=workflow_design_time"));
}
