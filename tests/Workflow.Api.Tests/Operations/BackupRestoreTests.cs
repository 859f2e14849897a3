using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Workflow.Api.Common;
using Workflow.Api.Tests.Audit;
using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Lifecycle;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// The restore drill of docs/operations.md, once per engine: a backup taken while the server works (SQLite's online
/// backup through the <c>backup</c> command; <c>pg_dump</c> and <c>pg_restore</c> on PostgreSQL) restores to a database
/// a new server opens with every step in place and the journal verifying intact under the same key.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_WhenTakenWhileTheServerWorks_RestoresToADatabaseWithEveryStepThatVerifiesIntact()
    {
        using var source = TestDatabase.Create("backup-source");
        using var restored = TestDatabase.Create("backup-restored");
        Guid id;
        using (var app = new RuntimeFactory(source, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start)))
        {
            using var clerk = await app.ClientFor("tk.nongnghiep");
            id = await clerk.CreateProposalOkAsync(CommuneStoryTests.Model(await CommuneStoryTests.LineAsync(clerk, "DA3.1"), 30_000_000, "Mô hình trồng nấm xã Tân Khai"));
            await clerk.ActOkAsync("proposals", id, "submit");
            using var finance = await app.ClientFor("tk.kinhte");
            await finance.ActOkAsync("proposals", id, "start-appraisal");
            await finance.ActOkAsync("proposals", id, "appraise-pass", "Hồ sơ đầy đủ.");

            if (TestDatabase.OnPostgres) await DumpAndRestoreAsync(source, restored);
            else
            {
                var output = new StringWriter();
                var error = new StringWriter();
                var exit = await BackupCommand.RunAsync(app.Services, new SqliteConnectionStringBuilder(restored.ConnectionString).DataSource, output, error);
                Assert.True(exit == 0, error.ToString());
                Assert.Contains("copied to", output.ToString());
            }
        }

        using var again = new RuntimeFactory(restored, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start));
        var report = await again.VerifyAsync();
        Assert.True((bool)report["intact"]!, report.ToJsonString());
        using var reader = await again.ClientFor("tk.nongnghiep");
        Assert.Equal("Appraised", (string?)(await reader.GetProposalAsync(id))["state"]);
    }

    [SqliteFact("the backup command copies SQLite files; PostgreSQL is backed up with pg_dump")]
    public async Task Backup_WhenTheTargetExists_RefusesAndLeavesItAsItWas()
    {
        using var source = TestDatabase.Create("backup-exists");
        using var app = new RuntimeFactory(source, RuntimeFactory.ShippedWorkflows, new ManualClock(CommuneFixture.Start));
        _ = app.Services; // started: schema and demo data in place
        var target = Path.Combine(Path.GetTempPath(), $"workflow-backup-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(target, "an earlier backup");
        try
        {
            var error = new StringWriter();
            var exit = await BackupCommand.RunAsync(app.Services, target, TextWriter.Null, error);

            Assert.Equal(2, exit);
            Assert.Contains("exists already", error.ToString());
            Assert.Equal("an earlier backup", await File.ReadAllTextAsync(target));
        }
        finally
        {
            File.Delete(target);
        }
    }

    /// <summary>The operator's commands of docs/operations.md §9: a custom-format dump, restored into an empty database.</summary>
    private static async Task DumpAndRestoreAsync(TestDatabase source, TestDatabase target)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "pg_dump")));
        var dump = Path.Combine(Path.GetTempPath(), $"workflow-{Guid.NewGuid():N}.dump");
        try
        {
            var from = new NpgsqlConnectionStringBuilder(source.ConnectionString);
            var to = new NpgsqlConnectionStringBuilder(target.ConnectionString);
            await RunAsync(Path.Combine(bin, "pg_dump"), "-h", from.Host!, "-p", from.Port.ToString(), "-U", from.Username!, "-Fc", "-f", dump, from.Database!);
            await RunAsync(Path.Combine(bin, "pg_restore"), "-h", to.Host!, "-p", to.Port.ToString(), "-U", to.Username!, "--no-owner", "-d", to.Database!, dump);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error}");
    }
}
