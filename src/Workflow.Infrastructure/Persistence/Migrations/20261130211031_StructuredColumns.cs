using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StructuredColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Lists become JSON text in renamed columns. Rows written before keep their packed text ("A,B";
            // "sha256<TAB>name" per line; "Provincial=0.05;District=0.1") until next saved: the readers in
            // ColumnMappings accept both. Money columns keep their names: SourceAmounts maps onto them.
            migrationBuilder.RenameColumn(name: "AttachmentsText", table: "proposals", newName: "Attachments");
            migrationBuilder.RenameColumn(name: "CommunesText", table: "proposals", newName: "Communes");
            migrationBuilder.RenameColumn(name: "CounterpartRatesText", table: "plans", newName: "CounterpartRates");
            migrationBuilder.RenameColumn(name: "RatesText", table: "counterpart_policies", newName: "Rates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "Attachments", table: "proposals", newName: "AttachmentsText");
            migrationBuilder.RenameColumn(name: "Communes", table: "proposals", newName: "CommunesText");
            migrationBuilder.RenameColumn(name: "CounterpartRates", table: "plans", newName: "CounterpartRatesText");
            migrationBuilder.RenameColumn(name: "Rates", table: "counterpart_policies", newName: "RatesText");
        }
    }
}
