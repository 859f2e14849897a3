using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JournalViewerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_UnitCode",
                table: "workflow_instances",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_journal_ActorName_At",
                table: "journal",
                columns: new[] { "ActorName", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_At",
                table: "journal",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_instances_UnitCode",
                table: "workflow_instances");

            migrationBuilder.DropIndex(
                name: "IX_journal_ActorName_At",
                table: "journal");

            migrationBuilder.DropIndex(
                name: "IX_journal_At",
                table: "journal");
        }
    }
}
