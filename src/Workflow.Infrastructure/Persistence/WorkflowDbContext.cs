using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Infrastructure.Identity;
using Workflow.Domain.Plans;
using Workflow.Domain.Workflows;
using Workflow.Domain.Ledger;
using Workflow.Domain.Proposals;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Settlements;

namespace Workflow.Infrastructure.Persistence;

/// <summary>The one unit of work: the programme's data and the Identity user store (users, their tokens and logins).</summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : IdentityUserContext<User, Guid>(options)
{
    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<CounterpartPolicy> CounterpartPolicies => Set<CounterpartPolicy>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanLine> PlanLines => Set<PlanLine>();
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<ProgrammePeriodRecord> ProgrammePeriods => Set<ProgrammePeriodRecord>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<WorkflowTask> Tasks => Set<WorkflowTask>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    /// <summary>Which consumer applied which message: the once-only guarantee of every consumer's effects.</summary>
    public DbSet<Messaging.ProcessedMessage> ProcessedMessages => Set<Messaging.ProcessedMessage>();
    public DbSet<BudgetBalance> Balances => Set<BudgetBalance>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<SupportPolicyRecord> SupportPolicies => Set<SupportPolicyRecord>();
    /// <summary>The source of every rule parameter: one row per province, fiscal year and version.</summary>
    public DbSet<Domain.Policies.ProvincePolicy> ProvincePolicies => Set<Domain.Policies.ProvincePolicy>();
    public DbSet<Carryover> Carryovers => Set<Carryover>();
    public DbSet<Lapse> Lapses => Set<Lapse>();
    public DbSet<TwoFactorRole> TwoFactorRoles => Set<TwoFactorRole>();
    public DbSet<UnitAssignment> UnitAssignments => Set<UnitAssignment>();
    public DbSet<MediumTermCeiling> MediumTermCeilings => Set<MediumTermCeiling>();

    /// <summary>The province policies this unit of work has looked up, by unit and fiscal year (<c>PolicyLookup</c>).</summary>
    internal Dictionary<(string Unit, int FiscalYear), Domain.Policies.ProvincePolicy?> PoliciesInForce { get; } = [];
    public DbSet<AdminJournalEntry> AdminJournal => Set<AdminJournalEntry>();
    public DbSet<Domain.Audit.AuditRun> AuditRuns => Set<Domain.Audit.AuditRun>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyKeys => Set<Idempotency.IdempotencyRecord>();

    /// <summary>The request with an <c>Idempotency-Key</c> this unit of work saves for: its saves share one transaction with its answer.</summary>
    public Idempotency.IdempotentRequest? IdempotentRequest { get; internal set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type: store UTC ticks, so that ordering and comparison happen in SQL and
        // agree across offsets (a deadline at 23:59 +07:00 is earlier than 17:00 +00:00 the same day).
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }
}

/// <summary>A moment as UTC ticks; read back with offset zero.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
