using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MediumTermCeilings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "medium_term_ceilings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Central = table.Column<long>(type: "INTEGER", nullable: false),
                    Commune = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<long>(type: "INTEGER", nullable: false),
                    Provincial = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_medium_term_ceilings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_medium_term_ceilings_admin_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "admin_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_medium_term_ceilings_UnitCode_FromYear_ToYear_Component",
                table: "medium_term_ceilings",
                columns: new[] { "UnitCode", "FromYear", "ToYear", "Component" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "medium_term_ceilings");
        }
    }
}
