using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringIndicatorsAndOutputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActualOutputs",
                table: "settlements",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]"); // rows before outputs were recorded by indicator: none

            migrationBuilder.AddColumn<string>(
                name: "PlannedOutputs",
                table: "proposals",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]"); // rows before outputs were recorded by indicator: none

            migrationBuilder.CreateTable(
                name: "declared_funds",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Integrated = table.Column<long>(type: "INTEGER", nullable: false),
                    Credit = table.Column<long>(type: "INTEGER", nullable: false),
                    Contribution = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_declared_funds", x => new { x.UnitCode, x.Year, x.Component });
                });

            migrationBuilder.CreateTable(
                name: "escaped_after_support",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewYear = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Of = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escaped_after_support", x => new { x.ProposalId, x.ReviewYear });
                    table.ForeignKey(
                        name: "FK_escaped_after_support_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_escaped_after_support_UnitCode_FiscalYear",
                table: "escaped_after_support",
                columns: new[] { "UnitCode", "FiscalYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declared_funds");

            migrationBuilder.DropTable(
                name: "escaped_after_support");

            migrationBuilder.DropColumn(
                name: "ActualOutputs",
                table: "settlements");

            migrationBuilder.DropColumn(
                name: "PlannedOutputs",
                table: "proposals");
        }
    }
}
