using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests;

/// <summary>
/// Each engine has its own migrations for the one model (SQLite in Persistence/Migrations, PostgreSQL in
/// Persistence/PostgresMigrations): a model change without a migration for both is caught here, on either run, without a
/// database — what <c>dotnet ef migrations has-pending-model-changes</c> says for each context.
/// </summary>
public sealed class MigrationTests
{
    private static WorkflowDbContext Design(DatabaseProvider provider) =>
        provider.OpenContext(provider == DatabaseProvider.Postgres ? "Host=localhost;Database=workflow_design_time" : "Data Source=:memory:");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Model_OnEachEngine_HasNoChangeWithoutItsMigration(DatabaseProvider provider)
    {
        using var db = Design(provider);

        Assert.True(!db.Database.HasPendingModelChanges(),
            $"The model has changed since the last {provider} migration: add one for both engines with bash scripts/add-migration.sh Name.");
    }

    [Fact]
    public void Migrations_OfTheTwoEngines_AreSeparateSets()
    {
        using var sqlite = Design(DatabaseProvider.Sqlite);
        using var postgres = Design(DatabaseProvider.Postgres);

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }
}
