using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SearchKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "proposals",
                type: "character varying(600)",
                maxLength: 600,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_settlements_Code",
                table: "settlements",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Code",
                table: "proposals",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_disbursements_Code",
                table: "disbursements",
                column: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_settlements_Code",
                table: "settlements");

            migrationBuilder.DropIndex(
                name: "IX_proposals_Code",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "IX_disbursements_Code",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "proposals");
        }
    }
}
