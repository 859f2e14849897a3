using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
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
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_sub_units", x => new { x.UnitCode, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "monitoring_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    SubUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Group = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    Of = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Per = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "poverty_censuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    SubUnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Scope = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    StandardCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    TotalHouseholds = table.Column<int>(type: "integer", nullable: true),
                    Poor = table.Column<string>(type: "text", nullable: true),
                    NearPoor = table.Column<string>(type: "text", nullable: true),
                    Flows = table.Column<string>(type: "text", nullable: true),
                    Deprivations = table.Column<string>(type: "text", nullable: false),
                    StatedRates = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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
