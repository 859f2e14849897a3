using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Tests;

/// <summary>
/// Each engine has its own migrations for the one model (SQLite in Persistence/Migrations, PostgreSQL in
/// Persistence/PostgresMigrations): a model change without a migration for both is caught here, on either run, without a
/// database — what <c>dotnet ef migrations has-pending-model-changes</c> says for each context. Each engine also has a
/// compiled model (Persistence/CompiledModels), which the server uses instead of building the model at start-up; one
/// that lags behind the configurations is caught here too.
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void CompiledModel_OnEachEngine_IsTheModelTheConfigurationsBuild(DatabaseProvider provider)
    {
        using var db = Design(provider);
        var compiled = db.Model;
        // the design-time model is always built from OnModelCreating and the configurations, never taken from the compiled one
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal("Workflow.Infrastructure.Persistence.CompiledModels." + provider, compiled.GetType().Namespace);
        var (expected, actual) = (Shape(built), Shape(compiled));
        var firstDifference = expected.Zip(actual).FirstOrDefault(pair => pair.First != pair.Second);
        Assert.True(expected.SequenceEqual(actual),
            $"The compiled {provider} model is behind the configurations (first difference: built '{firstDifference.First}', " +
            $"compiled '{firstDifference.Second}'): regenerate both with bash scripts/compile-model.sh.");
    }

    /// <summary>
    /// What the server relies on, line by line: entities, keys, relationships and indexes; tables and columns with their
    /// store types; and the type each value is converted to on its way to the column.
    /// </summary>
    private static string[] Shape(IModel model) =>
    [
        .. model.ToDebugString(MetadataDebugStringOptions.ShortDefault).Split('\n'),
        .. model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault).Split('\n'),
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal)
            .SelectMany(e => e.GetFlattenedProperties().Select(p =>
                $"{e.Name}.{p.Name}: {p.ClrType} stored as {p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType}")),
    ];
}
