using System.Text.Json;
using Workflow.Api.Features.Audit;
using Workflow.Domain.Audit;
using Workflow.Infrastructure.Audit;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Common;

/// <summary>
/// <c>journal checkpoint</c>: verifies everything and prints a signed checkpoint (JSON on standard output) to keep
/// outside the system. <c>journal verify [--checkpoint file]</c>: a full verification, held against the checkpoint
/// when one is given, printed as JSON. Exit 0 when intact; 3 when a problem was found (the checkpoint is printed all
/// the same, marked <c>"intact": false</c>); 2 for a wrong use or a checkpoint file that cannot be trusted.
/// </summary>
public static class JournalCommand
{
    public const string Checkpoint = "checkpoint";
    public const string Verify = "verify";
    public const string Operator = "journal (dòng lệnh)";

    public static async Task<int> RunAsync(IServiceProvider services, string? action, string? checkpointFile, TextWriter output, TextWriter errors,
        CancellationToken ct = default)
    {
        if (action is not (Checkpoint or Verify))
        {
            await errors.WriteLineAsync("Cách dùng: journal checkpoint  |  journal verify [--checkpoint <tệp mốc>]");
            return 2;
        }

        JournalCheckpoint? checkpoint = null;
        if (action == Verify && checkpointFile is not null)
        {
            try
            {
                checkpoint = JsonSerializer.Deserialize<JournalCheckpoint>(await File.ReadAllTextAsync(checkpointFile, ct), AuditJson.Options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                await errors.WriteLineAsync($"Không đọc được mốc kiểm tra {checkpointFile}: {e.Message}");
                return 2;
            }
            var violations = CheckpointInput.Check(checkpoint, services.GetRequiredService<JournalKeyRing>());
            if (violations.Count > 0)
            {
                foreach (var v in violations) await errors.WriteLineAsync($"{checkpointFile}: {v.Path}: {v.Message}");
                return 2;
            }
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        if (action == Checkpoint)
        {
            var (taken, report) = await scope.ServiceProvider.GetRequiredService<CheckpointTaker>().TakeAsync(ct);
            await output.WriteLineAsync(JsonSerializer.Serialize(taken, AuditJson.Indented));
            await errors.WriteLineAsync(report.Intact
                ? $"Mốc kiểm tra: {taken.Instances} hồ sơ, {taken.Entries} bản ghi nhật ký, {taken.BalanceRows} số dư, {taken.LedgerEntries} bút toán; nhật ký nguyên vẹn. Cất tệp này ngoài hệ thống."
                : $"Nhật ký có {report.ProblemCount} chỗ không khớp khi lấy mốc; mốc vẫn ghi lại hiện trạng (\"intact\": false). Xem: journal verify.");
            return report.Intact ? 0 : 3;
        }

        var verified = await scope.ServiceProvider.GetRequiredService<AuditRunner>().VerifyNowAsync(true, checkpoint, Operator, ct);
        await output.WriteLineAsync(JsonSerializer.Serialize(verified, AuditJson.Indented));
        return verified.Intact ? 0 : 3;
    }
}
