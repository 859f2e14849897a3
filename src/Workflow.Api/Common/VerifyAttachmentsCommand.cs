using System.Text.Json;
using Workflow.Infrastructure.Audit;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Common;

/// <summary>
/// <c>verify-attachments</c>: reads every file a dossier refers to again from the store and prints the report as JSON
/// (<see cref="AttachmentAuditor"/>). Exit 0 when every file is there and unchanged, 3 when one is missing or altered.
/// </summary>
public static class VerifyAttachmentsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var report = await scope.ServiceProvider.GetRequiredService<AttachmentAuditor>().CheckAsync(ct);
        await output.WriteLineAsync(JsonSerializer.Serialize(report, AuditJson.Indented));
        var root = scope.ServiceProvider.GetRequiredService<FileStore>().Root;
        await errors.WriteLineAsync(report.Intact
            ? $"Tệp đính kèm: {report.Files} tệp ({report.Bytes / 1024.0 / 1024:0.0} MiB) trong {root}, tất cả nguyên vẹn."
            : $"Tệp đính kèm: {report.Problems.Count} trong {report.Files} tệp bị thiếu hoặc bị thay đổi trong {root}; xem danh sách ở trên.");
        if (report.RemovedByPolicy.Count > 0)
            await errors.WriteLineAsync($"Đã xóa theo thời hạn lưu trữ dữ liệu cá nhân (không phải lỗi): {report.RemovedByPolicy.Count} tệp; hồ sơ giữ tên và mã SHA-256 của chúng.");
        return report.Intact ? 0 : 3;
    }
}
