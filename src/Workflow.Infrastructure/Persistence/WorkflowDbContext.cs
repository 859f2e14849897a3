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
/// <remarks>
/// On SQLite this class is the context itself; on PostgreSQL it is <see cref="PostgresWorkflowDbContext"/>, the same model
/// under another type, so that each provider has its own migrations (EF finds a context's migrations by its type).
/// </remarks>
public class WorkflowDbContext : IdentityUserContext<User, Guid>
{
    public WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : base(options) { }

    protected WorkflowDbContext(DbContextOptions options) : base(options) { }

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
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Mail.OutgoingMail> OutgoingMail => Set<Mail.OutgoingMail>();
    /// <summary>Which consumer applied which message: the once-only guarantee of every consumer's effects.</summary>
    public DbSet<Messaging.ProcessedMessage> ProcessedMessages => Set<Messaging.ProcessedMessage>();
    public DbSet<BudgetBalance> Balances => Set<BudgetBalance>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<Disbursement> Disbursements => Set<Disbursement>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<Domain.Files.DossierFile> DossierFiles => Set<Domain.Files.DossierFile>();
    public DbSet<Domain.Files.PersonalDataAccess> PersonalDataAccesses => Set<Domain.Files.PersonalDataAccess>();
    public DbSet<SupportPolicyRecord> SupportPolicies => Set<SupportPolicyRecord>();
    /// <summary>The source of every rule parameter: one row per province, fiscal year and version.</summary>
    public DbSet<Domain.Policies.ProvincePolicy> ProvincePolicies => Set<Domain.Policies.ProvincePolicy>();
    public DbSet<Carryover> Carryovers => Set<Carryover>();
    public DbSet<Lapse> Lapses => Set<Lapse>();
    public DbSet<TwoFactorRole> TwoFactorRoles => Set<TwoFactorRole>();
    public DbSet<UnitAssignment> UnitAssignments => Set<UnitAssignment>();
    public DbSet<MediumTermCeiling> MediumTermCeilings => Set<MediumTermCeiling>();

    public DbSet<ReferenceDataStamp> ReferenceDataStamps => Set<ReferenceDataStamp>();
    public DbSet<DossierCounter> DossierCounters => Set<DossierCounter>();

    public DbSet<Domain.Monitoring.PovertyCensus> PovertyCensuses => Set<Domain.Monitoring.PovertyCensus>();
    public DbSet<Domain.Monitoring.MonitoringTarget> MonitoringTargets => Set<Domain.Monitoring.MonitoringTarget>();
    public DbSet<Domain.Monitoring.MonitoringSubUnit> MonitoringSubUnits => Set<Domain.Monitoring.MonitoringSubUnit>();
    public DbSet<Domain.Monitoring.Indicators.EscapedAfterSupport> EscapedAfterSupport => Set<Domain.Monitoring.Indicators.EscapedAfterSupport>();
    public DbSet<Domain.Monitoring.Indicators.DeclaredFunds> DeclaredFunds => Set<Domain.Monitoring.Indicators.DeclaredFunds>();
    public DbSet<Domain.Monitoring.Reports.MonitoringReport> MonitoringReports => Set<Domain.Monitoring.Reports.MonitoringReport>();

    /// <summary>The copy of the reference data this unit of work read (<see cref="ReferenceSnapshot.OfAsync"/>).</summary>
    internal ReferenceSnapshot? ReferenceDataSeen { get; set; }

    /// <summary>The province policies this unit of work has looked up, by unit and fiscal year (<c>PolicyLookup</c>).</summary>
    internal Dictionary<(string Unit, int FiscalYear), Domain.Policies.ProvincePolicy?> PoliciesInForce { get; } = [];

    /// <summary>
    /// The mandates already read in this unit of work, by substitute and day (<see cref="Workflows.DelegationQueries"/>):
    /// a context lives for one request, and no request both changes delegations and acts through them.
    /// </summary>
    internal Dictionary<(Guid Substitute, DateOnly Day), List<Mandate>> MandatesRead { get; } = [];

    public DbSet<AdminJournalEntry> AdminJournal => Set<AdminJournalEntry>();
    public DbSet<Domain.Audit.AuditRun> AuditRuns => Set<Domain.Audit.AuditRun>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyKeys => Set<Idempotency.IdempotencyRecord>();

    /// <summary>The request with an <c>Idempotency-Key</c> this unit of work saves for: its saves share one transaction with its answer.</summary>
    public Idempotency.IdempotentRequest? IdempotentRequest { get; internal set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var marked = MarkReferenceDataChange();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (marked) ReferenceDataSeen = null;
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var marked = MarkReferenceDataChange();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (marked) ReferenceDataSeen = null;
        return saved;
    }

    /// <summary>A change to units, agencies, assignments or policies writes a new mark with it, for every server's copy.</summary>
    private bool MarkReferenceDataChange()
    {
        if (!ChangeTracker.Entries().Any(ReferenceDataStamp.Covers)) return false;
        var stamp = ChangeTracker.Entries<ReferenceDataStamp>().FirstOrDefault()
            ?? Attach(new ReferenceDataStamp(ReferenceDataStamp.SingletonId, ReferenceDataStamp.Initial));
        stamp.Property(s => s.Value).CurrentValue = Guid.NewGuid();
        stamp.Property(s => s.Value).IsModified = true;
        return true;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
            // SQLite has no date-time-offset type: store UTC ticks, so that ordering and comparison happen in SQL and
            // agree across offsets (a deadline at 23:59 +07:00 is earlier than 17:00 +00:00 the same day).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        if (Database.IsNpgsql())
        {
            // timestamptz stores the instant and Npgsql writes only offset zero: deadlines computed in Vietnam's time
            // (+07:00) are turned into the same instant in UTC, and every moment reads back with offset zero, as on SQLite
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
            // SQLite compares and orders text by its bytes (and its lower() folds ASCII only); the "C" collation does the
            // same, so codes and names sort and match alike on both, whatever locale the database was created with
            configurationBuilder.Properties<string>().UseCollation("C");
        }
        configurationBuilder.Properties<decimal>().HavePrecision(18, 6);
    }
}

/// <summary>A moment as UTC ticks; read back with offset zero.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>A moment as the same instant at offset zero, the only offset PostgreSQL's timestamptz takes from Npgsql.</summary>
internal sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
