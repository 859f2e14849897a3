using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
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
                type: "text",
                nullable: false,
                defaultValue: "[]"); // rows before outputs were recorded by indicator: none

            migrationBuilder.AddColumn<string>(
                name: "PlannedOutputs",
                table: "proposals",
                type: "text",
                nullable: false,
                defaultValue: "[]"); // rows before outputs were recorded by indicator: none

            migrationBuilder.CreateTable(
                name: "declared_funds",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Component = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Integrated = table.Column<long>(type: "bigint", nullable: false),
                    Credit = table.Column<long>(type: "bigint", nullable: false),
                    Contribution = table.Column<long>(type: "bigint", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_declared_funds", x => new { x.UnitCode, x.Year, x.Component });
                });

            migrationBuilder.CreateTable(
                name: "escaped_after_support",
                columns: table => new
                {
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewYear = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Component = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Of = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
