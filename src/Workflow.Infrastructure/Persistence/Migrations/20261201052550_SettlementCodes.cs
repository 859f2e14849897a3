using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SettlementCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "settlements",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "settlements",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // a settlement is numbered in its proposal's unit and year; those opened before numbers existed, in the order
            // they were opened, and each unit's counter left at its last number
            migrationBuilder.Sql("""
                UPDATE settlements SET "UnitCode" = (SELECT p."UnitCode" FROM proposals AS p WHERE p."Id" = settlements."ProposalId");
                WITH numbered AS (
                    SELECT s."Id" AS "Id", p."FiscalYear" AS "FiscalYear",
                           ROW_NUMBER() OVER (PARTITION BY p."UnitCode", p."FiscalYear" ORDER BY s."CreatedAt", s."Id") AS "Number"
                    FROM settlements AS s JOIN proposals AS p ON p."Id" = s."ProposalId")
                UPDATE settlements SET "Code" = (SELECT printf('QT-%d-%04d', n."FiscalYear", n."Number") FROM numbered AS n WHERE n."Id" = settlements."Id");
                INSERT INTO dossier_counters ("Kind", "UnitCode", "FiscalYear", "Last")
                SELECT 'QT', p."UnitCode", p."FiscalYear", COUNT(*) FROM settlements AS s JOIN proposals AS p ON p."Id" = s."ProposalId"
                GROUP BY p."UnitCode", p."FiscalYear";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_settlements_UnitCode_Code",
                table: "settlements",
                columns: new[] { "UnitCode", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_settlements_UnitCode_Code",
                table: "settlements");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "settlements");

            migrationBuilder.DropColumn(
                name: "UnitCode",
                table: "settlements");
        }
    }
}
