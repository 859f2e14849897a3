using System.Text.Json;
using Workflow.Infrastructure.Audit;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Common;

/// <summary>
/// <c>purge-personal-data [dry-run]</c>: removes the content of personal-data files past the retention period their
/// province's policy sets, leaving tombstones (docs/personal-data.md). Prints the report as JSON; <c>dry-run</c> only
/// lists what would go. Meant for a scheduled job on one server.
/// </summary>
public static class PurgePersonalDataCommand
{
    public const string DryRun = "dry-run";

    /// <summary>The name the tombstones and the administration journal give for a removal by the command.</summary>
    public const string ActorName = "purge-personal-data";

    public static async Task<int> RunAsync(IServiceProvider services, bool dryRun, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var report = await scope.ServiceProvider.GetRequiredService<PersonalDataRetention>().PurgeAsync(Guid.Empty, ActorName, dryRun, ct);
        await output.WriteLineAsync(JsonSerializer.Serialize(report, AuditJson.Indented));
        await errors.WriteLineAsync(dryRun
            ? $"Dữ liệu cá nhân: {report.Purged.Count} trong {report.Examined} tệp đã hết thời hạn lưu trữ và sẽ bị xóa nội dung (chạy thử, chưa xóa gì)."
            : $"Dữ liệu cá nhân: đã xóa nội dung {report.Purged.Count} trong {report.Examined} tệp hết thời hạn lưu trữ; hồ sơ giữ tên và mã SHA-256 của chúng.");
        return 0;
    }
}
