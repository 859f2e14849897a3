using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Features.Proposals;

/// <summary>Finds the workflow instance behind a subject the caller may see; a disbursement or settlement is as visible as its proposal.</summary>
public sealed class SubjectInstances(WorkflowDbContext db, ProposalAccess access)
{
    public async Task<Guid> InstanceOfAsync(string subjectType, Guid subjectId, CancellationToken ct)
    {
        var visible = await access.VisibleAsync(ct);
        Guid? instanceId = subjectType switch
        {
            ProposalProcess.SubjectType => await visible.Where(p => p.Id == subjectId).Select(p => (Guid?)p.InstanceId).SingleOrDefaultAsync(ct),
            DisbursementProcess.SubjectType => await db.Disbursements.Where(d => d.Id == subjectId && visible.Any(p => p.Id == d.ProposalId)).Select(d => (Guid?)d.InstanceId).SingleOrDefaultAsync(ct),
            SettlementProcess.SubjectType => await db.Settlements.Where(s => s.Id == subjectId && visible.Any(p => p.Id == s.ProposalId)).Select(s => (Guid?)s.InstanceId).SingleOrDefaultAsync(ct),
            _ => null,
        };
        return instanceId ?? throw new NotFoundException($"Không tìm thấy hồ sơ {subjectId}.");
    }
}
