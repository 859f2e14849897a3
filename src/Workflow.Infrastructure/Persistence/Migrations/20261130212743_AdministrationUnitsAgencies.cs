using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdministrationUnitsAgencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "admin_units",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Commune");

            migrationBuilder.AddColumn<string>(
                name: "SuccessorCode",
                table: "admin_units",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admin_journal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unit_assignments",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_assignments", x => new { x.UnitCode, x.Part, x.ValidFrom });
                    table.ForeignKey(
                        name: "FK_unit_assignments_admin_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "admin_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unit_assignments_agencies_AgencyCode",
                        column: x => x.AgencyCode,
                        principalTable: "agencies",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_At",
                table: "admin_journal",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_ObjectType_ObjectId",
                table: "admin_journal",
                columns: new[] { "ObjectType", "ObjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_UnitCode",
                table: "admin_journal",
                column: "UnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_unit_assignments_AgencyCode",
                table: "unit_assignments",
                column: "AgencyCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_journal");

            migrationBuilder.DropTable(
                name: "unit_assignments");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "admin_units");

            migrationBuilder.DropColumn(
                name: "SuccessorCode",
                table: "admin_units");
        }
    }
}
