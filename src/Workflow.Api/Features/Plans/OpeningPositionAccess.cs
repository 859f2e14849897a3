using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Opening;
using Workflow.Domain.Plans;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans;

/// <summary>Who may bring a plan's opening position in, and whether it is already in.</summary>
public sealed class OpeningPositionAccess(WorkflowDbContext db, PlanAccess plans, ICurrentUser user)
{
    /// <summary>The plan, if the caller is its unit's finance office or an administrator (404 for a plan they may not see, 403 otherwise).</summary>
    public async Task<Plan> FindAsync(Guid planId, CancellationToken ct)
    {
        var plan = await plans.FindAsync(planId, ct);
        if (!user.IsIn(Roles.Admin) && !(user.IsIn(Roles.FinanceOffice) && user.UnitCode == plan.UnitCode))
            throw new ForbiddenException($"Chỉ phòng Tài chính - Kế hoạch của đơn vị {plan.UnitCode} (hoặc quản trị viên) được nhập số dư đầu kỳ của kế hoạch này.");
        return plan;
    }

    public bool MayImport(Plan plan) => user.IsIn(Roles.Admin) || (user.IsIn(Roles.FinanceOffice) && user.UnitCode == plan.UnitCode);

    /// <summary>How many of the plan's proposals were opened from an opening position (0: none yet).</summary>
    public Task<int> OpenedProposalsAsync(Guid planId, CancellationToken ct) =>
        (from p in db.Proposals
         join e in db.Journal on p.InstanceId equals e.InstanceId
         where p.PlanId == planId && e.Sequence == 0 && e.Action == OpeningPosition.Action && e.SubjectType == ProposalProcess.SubjectType
         select p.Id).CountAsync(ct);
}
