using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class MonitoringReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UnitName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    TemplateId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    CompiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_reports_monitoring_reports_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "monitoring_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_reports_CorrectsId",
                table: "monitoring_reports",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_reports_TemplateId_Period_Status",
                table: "monitoring_reports",
                columns: new[] { "TemplateId", "Period", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_reports_UnitCode_TemplateId_Period_Version",
                table: "monitoring_reports",
                columns: new[] { "UnitCode", "TemplateId", "Period", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_reports");
        }
    }
}
