using Workflow.Domain.Workflows;

namespace Workflow.Domain.Audit;

/// <summary>How messages name a subject type.</summary>
public static class SubjectNames
{
    public static string Of(string subjectType) => subjectType switch
    {
        ProposalProcess.SubjectType => "Đề xuất",
        DisbursementProcess.SubjectType => "Đợt giải ngân",
        SettlementProcess.SubjectType => "Hồ sơ quyết toán",
        _ => $"Đối tượng {subjectType}",
    };
}
