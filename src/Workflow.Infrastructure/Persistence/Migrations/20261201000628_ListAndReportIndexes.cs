using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ListAndReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_proposals_UnitCode_AgencyCode",
                table: "proposals");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_tasks_TargetUnitCode_ClosedAt_DueAt",
                table: "workflow_tasks",
                columns: new[] { "TargetUnitCode", "ClosedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_PlanId",
                table: "proposals",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_AgencyCode_UpdatedAt",
                table: "proposals",
                columns: new[] { "UnitCode", "AgencyCode", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_UpdatedAt",
                table: "proposals",
                columns: new[] { "UnitCode", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UpdatedAt",
                table: "proposals",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflow_tasks_TargetUnitCode_ClosedAt_DueAt",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "IX_proposals_PlanId",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "IX_proposals_UnitCode_AgencyCode_UpdatedAt",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "IX_proposals_UnitCode_UpdatedAt",
                table: "proposals");

            migrationBuilder.DropIndex(
                name: "IX_proposals_UpdatedAt",
                table: "proposals");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_UnitCode_AgencyCode",
                table: "proposals",
                columns: new[] { "UnitCode", "AgencyCode" });
        }
    }
}
