using Workflow.Domain.Audit;
using Workflow.Domain.Common;

namespace Workflow.Api.Features.Audit;

/// <summary>
/// A checkpoint sent back to be verified against: complete, of a version this program reads, and signed by a key of
/// the ring over exactly what it says. Anything else is refused naming the field, before the journal is read.
/// </summary>
public static class CheckpointInput
{
    public static IReadOnlyList<Violation> Check(JournalCheckpoint? checkpoint, JournalKeyRing keys)
    {
        if (checkpoint is null)
            return [new("$", "Gửi mốc kiểm tra: tệp JSON do lệnh «journal checkpoint» in ra, nguyên văn.")];
        var violations = new List<Violation>();
        if (checkpoint.Version != JournalCheckpoint.CurrentVersion)
            violations.Add(new("version", $"Mốc kiểm tra phiên bản {checkpoint.Version} không đọc được; chương trình này đọc phiên bản {JournalCheckpoint.CurrentVersion}."));
        if (string.IsNullOrWhiteSpace(checkpoint.KeyId))
            violations.Add(new("keyId", "Thiếu mã khóa (keyId) đã ký mốc."));
        if (checkpoint.Signature is not { Length: 64 } || !checkpoint.Signature.All(Uri.IsHexDigit))
            violations.Add(new("signature", "Thiếu chữ ký hoặc chữ ký không phải 64 chữ số hệ mười sáu."));
        if (checkpoint.Plans is null)
            violations.Add(new("plans", "Thiếu danh sách kế hoạch (plans)."));
        else
            for (var p = 0; p < checkpoint.Plans.Count; p++)
                violations.AddRange(CheckPlan(checkpoint.Plans[p], $"plans[{p}]"));
        if (violations.Count > 0) return violations;

        if (keys.Find(checkpoint.KeyId) is not { } key)
            return [new("keyId", $"Mốc được ký bằng khóa «{checkpoint.KeyId}», không phải khóa nhật ký hiện hành hay khóa cũ nào đã khai báo (Audit:PreviousJournalKeys).")];
        if (!checkpoint.IsSignedBy(key))
            return [new("signature", "Chữ ký không khớp nội dung mốc: mốc đã bị sửa sau khi ký, hoặc không do hệ thống này ký.")];
        for (var p = 0; p < checkpoint.Plans!.Count; p++)
            if (checkpoint.Plans[p].Hash != checkpoint.Plans[p].ComputeHash())
                violations.Add(new($"plans[{p}].hash", "Mã của kế hoạch không khớp các đầu chuỗi ghi trong mốc."));
        return violations;
    }

    private static IEnumerable<Violation> CheckPlan(PlanHeads? plan, string path)
    {
        if (plan is null)
        {
            yield return new(path, "Mục kế hoạch trống.");
            yield break;
        }
        if (plan.Instances is null) yield return new($"{path}.instances", "Thiếu danh sách hồ sơ (instances).");
        else
            for (var i = 0; i < plan.Instances.Count; i++)
                if (plan.Instances[i] is not { Sequence: >= 0, Hash: not null })
                    yield return new($"{path}.instances[{i}]", "Đầu chuỗi của hồ sơ cần instanceId, sequence (≥ 0) và hash.");
        if (plan.Balances is null) yield return new($"{path}.balances", "Thiếu danh sách số dư (balances).");
        else
            for (var i = 0; i < plan.Balances.Count; i++)
                if (plan.Balances[i] is not { Sequence: >= 1, Hash: not null })
                    yield return new($"{path}.balances[{i}]", "Đầu chuỗi của số dư cần planLineId, source, sequence (≥ 1) và hash.");
    }
}
