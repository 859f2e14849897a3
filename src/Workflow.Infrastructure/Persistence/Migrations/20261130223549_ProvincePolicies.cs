using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProvincePolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PolicyVersionId",
                table: "proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyVersionId",
                table: "plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PolicyVersionId",
                table: "disbursements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "province_policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_policies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_province_policies_ProvinceCode_FiscalYear_Version",
                table: "province_policies",
                columns: new[] { "ProvinceCode", "FiscalYear", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "province_policies");

            migrationBuilder.DropColumn(
                name: "PolicyVersionId",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "PolicyVersionId",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "PolicyVersionId",
                table: "disbursements");
        }
    }
}
