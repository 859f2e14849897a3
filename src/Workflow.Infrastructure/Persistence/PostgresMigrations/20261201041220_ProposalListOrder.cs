using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ProposalListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_proposals_UpdatedAt",
                table: "proposals");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UpdatedAt_UnitCode_Code",
                table: "proposals",
                columns: new[] { "UpdatedAt", "UnitCode", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_proposals_UpdatedAt_UnitCode_Code",
                table: "proposals");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UpdatedAt",
                table: "proposals",
                column: "UpdatedAt");
        }
    }
}
