using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PersonalDataAccessAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentRemovalReason",
                table: "dossier_files",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ContentRemovedAt",
                table: "dossier_files",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentRemovedBy",
                table: "dossier_files",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<bool>(
                name: "PersonalData",
                table: "dossier_files",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "personal_data_access",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Roles = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    UnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    SubjectType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Route = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false, collation: "C"),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_access", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_At",
                table: "personal_data_access",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_UserName_At",
                table: "personal_data_access",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_access");

            migrationBuilder.DropColumn(
                name: "ContentRemovalReason",
                table: "dossier_files");

            migrationBuilder.DropColumn(
                name: "ContentRemovedAt",
                table: "dossier_files");

            migrationBuilder.DropColumn(
                name: "ContentRemovedBy",
                table: "dossier_files");

            migrationBuilder.DropColumn(
                name: "PersonalData",
                table: "dossier_files");
        }
    }
}
