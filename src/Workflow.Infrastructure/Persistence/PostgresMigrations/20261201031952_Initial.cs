using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admin_journal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ObjectType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ObjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Before = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    After = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "admin_units",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    SuccessorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, defaultValue: "Commune")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_units", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "audit_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Full = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    Checked = table.Column<long>(type: "bigint", nullable: false),
                    Intact = table.Column<bool>(type: "boolean", nullable: true),
                    ProblemCount = table.Column<int>(type: "integer", nullable: true),
                    JournalThrough = table.Column<long>(type: "bigint", nullable: false),
                    LedgerThrough = table.Column<long>(type: "bigint", nullable: false),
                    Checkpoint = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Report = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budget_balances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Component = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Allocated = table.Column<long>(type: "bigint", nullable: false),
                    Committed = table.Column<long>(type: "bigint", nullable: false),
                    Disbursed = table.Column<long>(type: "bigint", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    HeadSequence = table.Column<int>(type: "integer", nullable: false),
                    HeadHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_balances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "counterpart_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FromFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    MinimumLocalRate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    RoundingUnit = table.Column<long>(type: "bigint", nullable: false),
                    Rates = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Basis = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterpart_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_counters",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_counters", x => new { x.Kind, x.UnitCode, x.FiscalYear });
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Location = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Body = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.UserId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Note = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false, collation: "C"),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisbursementId = table.Column<Guid>(type: "uuid", nullable: true),
                    SettlementId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    JournalSequence = table.Column<int>(type: "integer", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    HashScheme = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Payload = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "programme_periods",
                columns: table => new
                {
                    PeriodId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    Content = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_periods", x => new { x.PeriodId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "province_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_data_stamp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_data_stamp", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FromFiscalYear = table.Column<int>(type: "integer", nullable: false),
                    PolicyJson = table.Column<string>(type: "text", nullable: false),
                    Basis = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "two_factor_roles",
                columns: table => new
                {
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_two_factor_roles", x => x.Role);
                });

            migrationBuilder.CreateTable(
                name: "workflow_definitions",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    SubjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Content = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_definitions", x => new { x.DefinitionId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "workflow_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ParentUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agencies", x => x.Code);
                    table.ForeignKey(
                        name: "FK_agencies_admin_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "admin_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "medium_term_ceilings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: false),
                    Component = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    SetBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Central = table.Column<long>(type: "bigint", nullable: false),
                    Commune = table.Column<long>(type: "bigint", nullable: false),
                    District = table.Column<long>(type: "bigint", nullable: false),
                    Provincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_medium_term_ceilings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_medium_term_ceilings_admin_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "admin_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DecisionNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionIssuer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    DecisionTitle = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true, collation: "C"),
                    DecisionBasis = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true, collation: "C"),
                    CounterpartMinimumLocalRate = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    CounterpartRates = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CounterpartRoundingUnit = table.Column<long>(type: "bigint", nullable: false),
                    CounterpartStated = table.Column<bool>(type: "boolean", nullable: false),
                    PolicyVersionId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plans_admin_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "admin_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FromState = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ToState = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    Data = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DataHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    HashScheme = table.Column<int>(type: "integer", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C"),
                    SubjectDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    MovementsDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_journal_workflow_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "workflow_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    TargetAgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    ClosedByAction = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflow_tasks_workflow_instances_InstanceId",
                        column: x => x.InstanceId,
                        principalTable: "workflow_instances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit_assignments",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Part = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_assignments", x => new { x.UnitCode, x.Part, x.ValidFrom });
                    table.ForeignKey(
                        name: "FK_unit_assignments_admin_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "admin_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unit_assignments_agencies_AgencyCode",
                        column: x => x.AgencyCode,
                        principalTable: "agencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Position = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    RoleNames = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_users_agencies_AgencyCode",
                        column: x => x.AgencyCode,
                        principalTable: "agencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ComponentCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    LeadAgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Central = table.Column<long>(type: "bigint", nullable: false),
                    Commune = table.Column<long>(type: "bigint", nullable: false),
                    District = table.Column<long>(type: "bigint", nullable: false),
                    Provincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_lines_agencies_LeadAgencyCode",
                        column: x => x.LeadAgencyCode,
                        principalTable: "agencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_plan_lines_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_revisions_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    SubjectType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notifications_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_user_claims_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_user_logins_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_user_tokens_users_UserId",
                        column: x => x.UserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "carryovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromPlanLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToPlanLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    KeptCommitments = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MovedCentral = table.Column<long>(type: "bigint", nullable: false),
                    MovedCommune = table.Column<long>(type: "bigint", nullable: false),
                    MovedDistrict = table.Column<long>(type: "bigint", nullable: false),
                    MovedProvincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_carryovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_carryovers_plan_lines_FromPlanLineId",
                        column: x => x.FromPlanLineId,
                        principalTable: "plan_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_carryovers_plan_lines_ToPlanLineId",
                        column: x => x.ToPlanLineId,
                        principalTable: "plan_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lapses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LapsedCentral = table.Column<long>(type: "bigint", nullable: false),
                    LapsedCommune = table.Column<long>(type: "bigint", nullable: false),
                    LapsedDistrict = table.Column<long>(type: "bigint", nullable: false),
                    LapsedProvincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lapses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lapses_plan_lines_PlanLineId",
                        column: x => x.PlanLineId,
                        principalTable: "plan_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Component = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActivityType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AreaType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Communes = table.Column<string>(type: "text", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TotalCost = table.Column<long>(type: "bigint", nullable: false),
                    StateSupport = table.Column<long>(type: "bigint", nullable: false),
                    SplitByHand = table.Column<bool>(type: "boolean", nullable: false),
                    CounterpartCash = table.Column<long>(type: "bigint", nullable: false),
                    CounterpartLabour = table.Column<long>(type: "bigint", nullable: false),
                    CounterpartInKind = table.Column<long>(type: "bigint", nullable: false),
                    PolicyVersionId = table.Column<int>(type: "integer", nullable: true),
                    Poor = table.Column<int>(type: "integer", nullable: false),
                    NearPoor = table.Column<int>(type: "integer", nullable: false),
                    NewlyEscaped = table.Column<int>(type: "integer", nullable: false),
                    EthnicMinority = table.Column<int>(type: "integer", nullable: false),
                    Disabled = table.Column<int>(type: "integer", nullable: false),
                    TotalParticipants = table.Column<int>(type: "integer", nullable: false),
                    Attachments = table.Column<string>(type: "text", nullable: false),
                    ContractValue = table.Column<long>(type: "bigint", nullable: true),
                    DecisionNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Central = table.Column<long>(type: "bigint", nullable: false),
                    Commune = table.Column<long>(type: "bigint", nullable: false),
                    District = table.Column<long>(type: "bigint", nullable: false),
                    Provincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_plan_lines_PlanLineId",
                        column: x => x.PlanLineId,
                        principalTable: "plan_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PolicyVersionId = table.Column<int>(type: "integer", nullable: true),
                    ContractValue = table.Column<long>(type: "bigint", nullable: true),
                    Note = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true, collation: "C"),
                    TreasuryReference = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true, collation: "C"),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IsPaid = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Central = table.Column<long>(type: "bigint", nullable: false),
                    Commune = table.Column<long>(type: "bigint", nullable: false),
                    District = table.Column<long>(type: "bigint", nullable: false),
                    Provincial = table.Column<long>(type: "bigint", nullable: false),
                    CashCentral = table.Column<long>(type: "bigint", nullable: false),
                    CashCommune = table.Column<long>(type: "bigint", nullable: false),
                    CashDistrict = table.Column<long>(type: "bigint", nullable: false),
                    CashProvincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_disbursements_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outputs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReachedPoor = table.Column<int>(type: "integer", nullable: false),
                    ReachedNearPoor = table.Column<int>(type: "integer", nullable: false),
                    ReachedNewlyEscaped = table.Column<int>(type: "integer", nullable: false),
                    ReachedEthnicMinority = table.Column<int>(type: "integer", nullable: false),
                    ReachedDisabled = table.Column<int>(type: "integer", nullable: false),
                    ReachedTotal = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActualCentral = table.Column<long>(type: "bigint", nullable: false),
                    ActualCommune = table.Column<long>(type: "bigint", nullable: false),
                    ActualDistrict = table.Column<long>(type: "bigint", nullable: false),
                    ActualProvincial = table.Column<long>(type: "bigint", nullable: false),
                    RefundDueCentral = table.Column<long>(type: "bigint", nullable: false),
                    RefundDueCommune = table.Column<long>(type: "bigint", nullable: false),
                    RefundDueDistrict = table.Column<long>(type: "bigint", nullable: false),
                    RefundDueProvincial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_settlements_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "reference_data_stamp",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_At",
                table: "admin_journal",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_ObjectType_ObjectId",
                table: "admin_journal",
                columns: new[] { "ObjectType", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_UnitCode",
                table: "admin_journal",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_admin_units_ParentCode",
                table: "admin_units",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_agencies_UnitCode",
                table: "agencies",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_audit_runs_Status_Intact",
                table: "audit_runs",
                columns: new[] { "Status", "Intact" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_balances_PlanId",
                table: "budget_balances",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_budget_balances_PlanLineId_Source",
                table: "budget_balances",
                columns: new[] { "PlanLineId", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_carryovers_FromPlanLineId",
                table: "carryovers",
                column: "FromPlanLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_carryovers_ToPlanLineId",
                table: "carryovers",
                column: "ToPlanLineId");

            migrationBuilder.CreateIndex(
                name: "IX_counterpart_policies_ProvinceCode_FromFiscalYear",
                table: "counterpart_policies",
                columns: new[] { "ProvinceCode", "FromFiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_ProposalId",
                table: "disbursements",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_UnitCode_Code",
                table: "disbursements",
                columns: new[] { "UnitCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_ExpiresAt",
                table: "idempotency_keys",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_journal_InstanceId_Sequence",
                table: "journal",
                columns: new[] { "InstanceId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_journal_SubjectType_SubjectId",
                table: "journal",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_lapses_PlanLineId",
                table: "lapses",
                column: "PlanLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_InstanceId_JournalSequence",
                table: "ledger_entries",
                columns: new[] { "InstanceId", "JournalSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PlanId",
                table: "ledger_entries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PlanLineId_Source_Sequence",
                table: "ledger_entries",
                columns: new[] { "PlanLineId", "Source", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_ProposalId",
                table: "ledger_entries",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_medium_term_ceilings_UnitCode_FromYear_ToYear_Component",
                table: "medium_term_ceilings",
                columns: new[] { "UnitCode", "FromYear", "ToYear", "Component" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_MessageId_UserId",
                table: "notifications",
                columns: new[] { "MessageId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_UserId_CreatedAt",
                table: "notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_PublishedAt_OccurredAt",
                table: "outbox",
                columns: new[] { "PublishedAt", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_lines_LeadAgencyCode",
                table: "plan_lines",
                column: "LeadAgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_plan_lines_PlanId_ComponentCode",
                table: "plan_lines",
                columns: new[] { "PlanId", "ComponentCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_revisions_PlanId_Version",
                table: "plan_revisions",
                columns: new[] { "PlanId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plans_UnitCode_FiscalYear",
                table: "plans",
                columns: new[] { "UnitCode", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_PlanId",
                table: "proposals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_PlanLineId",
                table: "proposals",
                column: "PlanLineId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_AgencyCode_UpdatedAt",
                table: "proposals",
                columns: new[] { "UnitCode", "AgencyCode", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_Code",
                table: "proposals",
                columns: new[] { "UnitCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_UpdatedAt",
                table: "proposals",
                columns: new[] { "UnitCode", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UpdatedAt",
                table: "proposals",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_province_policies_ProvinceCode_FiscalYear_Version",
                table: "province_policies",
                columns: new[] { "ProvinceCode", "FiscalYear", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_settlements_ProposalId",
                table: "settlements",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_policies_ProvinceCode_FromFiscalYear",
                table: "support_policies",
                columns: new[] { "ProvinceCode", "FromFiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unit_assignments_AgencyCode",
                table: "unit_assignments",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_user_claims_UserId",
                table: "user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_user_logins_UserId",
                table: "user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_users_AgencyCode",
                table: "users",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_users_UnitCode",
                table: "users",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_users_UserName",
                table: "users",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_DefinitionId_DefinitionVersion",
                table: "workflow_instances",
                columns: new[] { "DefinitionId", "DefinitionVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_SubjectType_SubjectId",
                table: "workflow_instances",
                columns: new[] { "SubjectType", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_ClosedAt_EscalatedAt_DueAt",
                table: "workflow_tasks",
                columns: new[] { "ClosedAt", "EscalatedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_InstanceId",
                table: "workflow_tasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_TargetUnitCode_ClosedAt_DueAt",
                table: "workflow_tasks",
                columns: new[] { "TargetUnitCode", "ClosedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_TargetUnitCode_Role_ClosedAt",
                table: "workflow_tasks",
                columns: new[] { "TargetUnitCode", "Role", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_journal");

            migrationBuilder.DropTable(
                name: "audit_runs");

            migrationBuilder.DropTable(
                name: "budget_balances");

            migrationBuilder.DropTable(
                name: "carryovers");

            migrationBuilder.DropTable(
                name: "counterpart_policies");

            migrationBuilder.DropTable(
                name: "disbursements");

            migrationBuilder.DropTable(
                name: "dossier_counters");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "lapses");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "medium_term_ceilings");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "plan_revisions");

            migrationBuilder.DropTable(
                name: "programme_periods");

            migrationBuilder.DropTable(
                name: "province_policies");

            migrationBuilder.DropTable(
                name: "reference_data_stamp");

            migrationBuilder.DropTable(
                name: "settlements");

            migrationBuilder.DropTable(
                name: "support_policies");

            migrationBuilder.DropTable(
                name: "two_factor_roles");

            migrationBuilder.DropTable(
                name: "unit_assignments");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "workflow_definitions");

            migrationBuilder.DropTable(
                name: "workflow_tasks");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "workflow_instances");

            migrationBuilder.DropTable(
                name: "plan_lines");

            migrationBuilder.DropTable(
                name: "agencies");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "admin_units");
        }
    }
}
