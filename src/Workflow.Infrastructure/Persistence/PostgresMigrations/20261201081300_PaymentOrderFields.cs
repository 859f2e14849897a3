using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class PaymentOrderFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CeilingReference",
                table: "disbursements",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<long>(
                name: "CheckedAmount",
                table: "disbursements",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckedCeilingReference",
                table: "disbursements",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "CheckedPayeeAccount",
                table: "disbursements",
                type: "character varying(34)",
                maxLength: 34,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "EconomicContentCode",
                table: "disbursements",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PayeeAccount",
                table: "disbursements",
                type: "character varying(34)",
                maxLength: 34,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PayeeBank",
                table: "disbursements",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "PayeeName",
                table: "disbursements",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "BudgetChapter",
                table: "agencies",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "BudgetRelationshipCode",
                table: "agencies",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "TreasuryAccount",
                table: "agencies",
                type: "character varying(34)",
                maxLength: 34,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "TreasuryCode",
                table: "agencies",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "TreasuryName",
                table: "agencies",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CeilingReference",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "CheckedAmount",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "CheckedCeilingReference",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "CheckedPayeeAccount",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "EconomicContentCode",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "PayeeAccount",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "PayeeBank",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "PayeeName",
                table: "disbursements");

            migrationBuilder.DropColumn(
                name: "BudgetChapter",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "BudgetRelationshipCode",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "TreasuryAccount",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "TreasuryCode",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "TreasuryName",
                table: "agencies");
        }
    }
}
