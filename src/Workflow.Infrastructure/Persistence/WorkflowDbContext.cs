using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Domain.Plans;

namespace Workflow.Infrastructure.Persistence;

public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<CounterpartPolicy> CounterpartPolicies => Set<CounterpartPolicy>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanLine> PlanLines => Set<PlanLine>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type: store UTC ticks so ordering and comparison happen in SQL.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }
}
