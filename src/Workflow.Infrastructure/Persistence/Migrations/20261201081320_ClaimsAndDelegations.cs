using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClaimsAndDelegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "workflow_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "workflow_tasks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimedById",
                table: "workflow_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedByName",
                table: "workflow_tasks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsHead",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "OnBehalfOfId",
                table: "journal",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOfName",
                table: "journal",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegatorUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DelegatorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubstituteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubstituteUserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubstituteName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_delegations_DelegatorId_To",
                table: "delegations",
                columns: new[] { "DelegatorId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_delegations_SubstituteId_To",
                table: "delegations",
                columns: new[] { "SubstituteId", "To" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delegations");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "ClaimedById",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "ClaimedByName",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "IsHead",
                table: "users");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfId",
                table: "journal");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfName",
                table: "journal");
        }
    }
}
