using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MoneyLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "budget_balances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Allocated = table.Column<long>(type: "INTEGER", nullable: false),
                    Committed = table.Column<long>(type: "INTEGER", nullable: false),
                    Disbursed = table.Column<long>(type: "INTEGER", nullable: false),
                    Settled = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_balances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "carryovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromPlanLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToPlanLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MovedCentral = table.Column<long>(type: "INTEGER", nullable: false),
                    MovedProvincial = table.Column<long>(type: "INTEGER", nullable: false),
                    MovedDistrict = table.Column<long>(type: "INTEGER", nullable: false),
                    MovedCommune = table.Column<long>(type: "INTEGER", nullable: false),
                    KeptCommitments = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "ledger_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DisbursementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SettlementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JournalSequence = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AreaType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CommunesText = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TotalCost = table.Column<long>(type: "INTEGER", nullable: false),
                    StateSupport = table.Column<long>(type: "INTEGER", nullable: false),
                    Central = table.Column<long>(type: "INTEGER", nullable: false),
                    Provincial = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<long>(type: "INTEGER", nullable: false),
                    Commune = table.Column<long>(type: "INTEGER", nullable: false),
                    SplitByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    CounterpartCash = table.Column<long>(type: "INTEGER", nullable: false),
                    CounterpartLabour = table.Column<long>(type: "INTEGER", nullable: false),
                    CounterpartInKind = table.Column<long>(type: "INTEGER", nullable: false),
                    Poor = table.Column<int>(type: "INTEGER", nullable: false),
                    NearPoor = table.Column<int>(type: "INTEGER", nullable: false),
                    NewlyEscaped = table.Column<int>(type: "INTEGER", nullable: false),
                    EthnicMinority = table.Column<int>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    AttachmentsText = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    ContractValue = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "support_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyJson = table.Column<string>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "disbursements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Central = table.Column<long>(type: "INTEGER", nullable: false),
                    Provincial = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<long>(type: "INTEGER", nullable: false),
                    Commune = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractValue = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    TreasuryReference = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CashCentral = table.Column<long>(type: "INTEGER", nullable: false),
                    CashProvincial = table.Column<long>(type: "INTEGER", nullable: false),
                    CashDistrict = table.Column<long>(type: "INTEGER", nullable: false),
                    CashCommune = table.Column<long>(type: "INTEGER", nullable: false),
                    IsPaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outputs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReachedPoor = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedNearPoor = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedNewlyEscaped = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedEthnicMinority = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedDisabled = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    ActualCentral = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualProvincial = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualDistrict = table.Column<long>(type: "INTEGER", nullable: false),
                    ActualCommune = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundDueCentral = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundDueProvincial = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundDueDistrict = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundDueCommune = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_disbursements_Code",
                table: "disbursements",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_ProposalId",
                table: "disbursements",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PlanId",
                table: "ledger_entries",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PlanLineId_Source",
                table: "ledger_entries",
                columns: new[] { "PlanLineId", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_ProposalId",
                table: "ledger_entries",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Code",
                table: "proposals",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_PlanLineId",
                table: "proposals",
                column: "PlanLineId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_AgencyCode",
                table: "proposals",
                columns: new[] { "UnitCode", "AgencyCode" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_balances");

            migrationBuilder.DropTable(
                name: "carryovers");

            migrationBuilder.DropTable(
                name: "disbursements");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "settlements");

            migrationBuilder.DropTable(
                name: "support_policies");

            migrationBuilder.DropTable(
                name: "proposals");
        }
    }
}
