using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Workflows;

/// <summary>
/// Who may see a workflow instance: a lead-agency officer their own agency's; other roles their unit's (and the
/// units below); a national administrator all (a province administrator as the province's officers). Unknown and invisible answer the same 404.
/// </summary>
public sealed class InstanceAccess(WorkflowDbContext db, ICurrentUser user, TimeProvider clock)
{
    public Actor Actor => new(user.Id, user.UserName, user.Roles, user.AgencyCode, user.UnitCode);

    private Actor? _withMandates;

    /// <summary>The caller with the delegations they hold today as substitute: what the inbox and the buttons offer them.</summary>
    public async Task<Actor> ActorAsync(CancellationToken ct) =>
        _withMandates ??= await db.WithMandatesAsync(Actor, WorkingCalendar.VietnamToday(clock), ct);

    public bool CanSee(WorkflowInstance instance)
    {
        if (user.SeesEveryUnit()) return true;
        var unitWide = user.Roles.Any(r => r != Roles.LeadAgency);
        if (unitWide && (instance.UnitCode == user.UnitCode || instance.ParentUnitCode == user.UnitCode)) return true;
        return instance.UnitCode == user.UnitCode && instance.AgencyCode == user.AgencyCode;
    }

    /// <summary>What the caller sees, and what a colleague who delegated a role to them for today sees through that role.</summary>
    private async Task<bool> MaySeeAsync(WorkflowInstance instance, CancellationToken ct) =>
        CanSee(instance) || (await ActorAsync(ct)).Mandates.Any(m => m.Role != Roles.LeadAgency
            ? instance.UnitCode == m.UnitCode || instance.ParentUnitCode == m.UnitCode
            : instance.UnitCode == m.UnitCode && instance.AgencyCode == m.AgencyCode);

    public async Task<WorkflowInstance> FindAsync(Guid id, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return instance is not null && await MaySeeAsync(instance, ct) ? instance : throw new NotFoundException($"Không tìm thấy hồ sơ {id}.");
    }

    public async Task<WorkflowInstance> FindBySubjectAsync(string subjectType, Guid subjectId, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.SubjectType == subjectType && i.SubjectId == subjectId, ct);
        return instance is not null && await MaySeeAsync(instance, ct) ? instance : throw new NotFoundException($"Không tìm thấy hồ sơ {subjectId}.");
    }

    /// <summary>The route word for each subject type: <c>/api/proposals/{id}/history</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> SubjectRoutes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["proposals"] = ProposalProcess.SubjectType,
        ["disbursements"] = DisbursementProcess.SubjectType,
        ["settlements"] = SettlementProcess.SubjectType,
    };
}
