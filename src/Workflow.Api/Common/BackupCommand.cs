using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Common;

/// <summary>
/// <c>backup file</c>: a consistent copy of the SQLite database taken while the servers keep working (SQLite's online
/// backup: the copy is the database at one commit; writers wait only for the pages being copied). PostgreSQL has its
/// own tools (<c>pg_dump</c>, docs/operations.md); the command says so and copies nothing.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? target, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            await error.WriteLineAsync("backup: name the file to write, e.g. backup /var/backups/workflow-2026-12-01.db");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        if (!db.Database.IsSqlite())
        {
            await error.WriteLineAsync("backup: the database is PostgreSQL; back it up with pg_dump (docs/operations.md, section 9).");
            return 2;
        }
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            await error.WriteLineAsync($"backup: {path} exists already; a backup never overwrites a file.");
            return 2;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await source.OpenAsync();
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }
        await output.WriteLineAsync($"backup: {source.DataSource} copied to {path} ({new FileInfo(path).Length / 1024.0 / 1024:0.0} MiB)");
        return 0;
    }
}
