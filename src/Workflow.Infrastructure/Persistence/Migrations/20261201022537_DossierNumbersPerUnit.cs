using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DossierNumbersPerUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_proposals_Code",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "IX_disbursements_Code",
                table: "disbursements");

            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "disbursements",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // a disbursement is numbered in its proposal's unit
            migrationBuilder.Sql("""UPDATE disbursements SET "UnitCode" = (SELECT p."UnitCode" FROM proposals AS p WHERE p."Id" = disbursements."ProposalId");""");

            migrationBuilder.CreateTable(
                name: "dossier_counters",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_counters", x => new { x.Kind, x.UnitCode, x.FiscalYear });
                });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_Code",
                table: "proposals",
                columns: new[] { "UnitCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_UnitCode_Code",
                table: "disbursements",
                columns: new[] { "UnitCode", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_counters");

            migrationBuilder.DropIndex(
                name: "IX_proposals_UnitCode_Code",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "IX_disbursements_UnitCode_Code",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "UnitCode",
                table: "disbursements");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Code",
                table: "proposals",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_Code",
                table: "disbursements",
                column: "Code",
                unique: true);
        }
    }
}
