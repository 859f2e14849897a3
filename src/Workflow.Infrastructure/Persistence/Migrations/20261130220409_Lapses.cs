using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Lapses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lapses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    LapsedCentral = table.Column<long>(type: "INTEGER", nullable: false),
                    LapsedCommune = table.Column<long>(type: "INTEGER", nullable: false),
                    LapsedDistrict = table.Column<long>(type: "INTEGER", nullable: false),
                    LapsedProvincial = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lapses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lapses_plan_lines_PlanLineId",
                        column: x => x.PlanLineId,
                        principalTable: "plan_lines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lapses_PlanLineId",
                table: "lapses",
                column: "PlanLineId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lapses");
        }
    }
}
