using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admin_units",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_units", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "counterpart_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromFiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumLocalRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    RoundingUnit = table.Column<long>(type: "INTEGER", nullable: false),
                    RatesText = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_counterpart_policies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "agencies",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                name: "plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionIssuer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionTitle = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    DecisionBasis = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CounterpartMinimumLocalRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    CounterpartRatesText = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CounterpartRoundingUnit = table.Column<long>(type: "INTEGER", nullable: false),
                    CounterpartStated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    RoleNames = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ComponentCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeadAgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Central = table.Column<long>(type: "INTEGER", nullable: false),
                    Provincial = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<long>(type: "INTEGER", nullable: false),
                    Commune = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_admin_units_ParentCode",
                table: "admin_units",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_agencies_UnitCode",
                table: "agencies",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_counterpart_policies_ProvinceCode_FromFiscalYear",
                table: "counterpart_policies",
                columns: new[] { "ProvinceCode", "FromFiscalYear" },
                unique: true);

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
                name: "IX_users_AgencyCode",
                table: "users",
                column: "AgencyCode");

            migrationBuilder.CreateIndex(
                name: "IX_users_UserName",
                table: "users",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "counterpart_policies");

            migrationBuilder.DropTable(
                name: "plan_lines");

            migrationBuilder.DropTable(
                name: "plan_revisions");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "agencies");

            migrationBuilder.DropTable(
                name: "admin_units");
        }
    }
}
