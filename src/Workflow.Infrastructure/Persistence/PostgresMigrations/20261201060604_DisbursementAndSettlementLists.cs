using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class DisbursementAndSettlementLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_settlements_UpdatedAt_UnitCode_Code",
                table: "settlements",
                columns: new[] { "UpdatedAt", "UnitCode", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_UpdatedAt_UnitCode_Code",
                table: "disbursements",
                columns: new[] { "UpdatedAt", "UnitCode", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_settlements_UpdatedAt_UnitCode_Code",
                table: "settlements");

            migrationBuilder.DropIndex(
                name: "IX_disbursements_UpdatedAt_UnitCode_Code",
                table: "disbursements");
        }
    }
}
