using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringBaselinesAndTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_sub_units",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_sub_units", x => new { x.UnitCode, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "monitoring_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Of = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Per = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "poverty_censuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubUnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TotalHouseholds = table.Column<int>(type: "INTEGER", nullable: true),
                    Poor = table.Column<string>(type: "TEXT", nullable: true),
                    NearPoor = table.Column<string>(type: "TEXT", nullable: true),
                    Flows = table.Column<string>(type: "TEXT", nullable: true),
                    Deprivations = table.Column<string>(type: "TEXT", nullable: false),
                    StatedRates = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_poverty_censuses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_targets_UnitCode_Year",
                table: "monitoring_targets",
                columns: new[] { "UnitCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_poverty_censuses_UnitCode_Year_Scope",
                table: "poverty_censuses",
                columns: new[] { "UnitCode", "Year", "Scope" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_sub_units");

            migrationBuilder.DropTable(
                name: "monitoring_targets");

            migrationBuilder.DropTable(
                name: "poverty_censuses");
        }
    }
}
