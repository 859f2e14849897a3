using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KeyedJournal : Migration
    {
        /// <summary>
        /// Rows written before the journal key keep what they had: journal entries are marked HashScheme 1 (plain
        /// SHA-256, verified as written), ledger entries HashScheme 0 (unsealed, vouched for by the balance sums
        /// only), numbered per balance row in the order they were written, and each balance row's head is that count
        /// with the genesis hash, so the first sealed entry of a row links to the genesis.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_PlanLineId_Source",
                table: "ledger_entries");

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "HashScheme",
                table: "ledger_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "ledger_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "ledger_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "HashScheme",
                table: "journal",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "journal",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MovementsDigest",
                table: "journal",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectDigest",
                table: "journal",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadHash",
                table: "budget_balances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "0000000000000000000000000000000000000000000000000000000000000000");

            migrationBuilder.AddColumn<int>(
                name: "HeadSequence",
                table: "budget_balances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE ledger_entries SET Sequence = (
                    SELECT COUNT(*) FROM ledger_entries AS earlier
                    WHERE earlier.PlanLineId = ledger_entries.PlanLineId AND earlier.Source = ledger_entries.Source AND earlier.Id <= ledger_entries.Id);
                """);
            migrationBuilder.Sql("""
                UPDATE budget_balances SET HeadSequence = (
                    SELECT COUNT(*) FROM ledger_entries AS e
                    WHERE e.PlanLineId = budget_balances.PlanLineId AND e.Source = budget_balances.Source);
                """);

            migrationBuilder.CreateTable(
                name: "audit_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Full = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Checked = table.Column<long>(type: "INTEGER", nullable: false),
                    Intact = table.Column<bool>(type: "INTEGER", nullable: true),
                    ProblemCount = table.Column<int>(type: "INTEGER", nullable: true),
                    JournalThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    LedgerThrough = table.Column<long>(type: "INTEGER", nullable: false),
                    Checkpoint = table.Column<string>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_InstanceId_JournalSequence",
                table: "ledger_entries",
                columns: new[] { "InstanceId", "JournalSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PlanLineId_Source_Sequence",
                table: "ledger_entries",
                columns: new[] { "PlanLineId", "Source", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_runs_Status_Intact",
                table: "audit_runs",
                columns: new[] { "Status", "Intact" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_runs");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_InstanceId_JournalSequence",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_PlanLineId_Source_Sequence",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "HashScheme",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "HashScheme",
                table: "journal");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "journal");

            migrationBuilder.DropColumn(
                name: "MovementsDigest",
                table: "journal");

            migrationBuilder.DropColumn(
                name: "SubjectDigest",
                table: "journal");

            migrationBuilder.DropColumn(
                name: "HeadHash",
                table: "budget_balances");

            migrationBuilder.DropColumn(
                name: "HeadSequence",
                table: "budget_balances");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_PlanLineId_Source",
                table: "ledger_entries",
                columns: new[] { "PlanLineId", "Source" });
        }
    }
}
