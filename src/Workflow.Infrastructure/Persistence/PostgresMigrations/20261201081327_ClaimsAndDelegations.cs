using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ClaimsAndDelegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClaimedAt",
                table: "workflow_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "workflow_tasks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimedById",
                table: "workflow_tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedByName",
                table: "workflow_tasks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "IsHead",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "OnBehalfOfId",
                table: "journal",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnBehalfOfName",
                table: "journal",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DelegatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DelegatorUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    DelegatorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    SubstituteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubstituteUserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SubstituteName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C")
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
