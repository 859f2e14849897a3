using Microsoft.EntityFrameworkCore;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// <see cref="WorkflowDbContext"/> on PostgreSQL (<c>Database:Provider=Postgres</c>): the same model, with its own
/// migrations in <c>Persistence/PostgresMigrations</c>. Code asks for <see cref="WorkflowDbContext"/> and gets this one.
/// </summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options);
