using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Proposals;

/// <summary>
/// Which proposals a caller may see (RULES.md 7, issue scoping): a lead-agency officer their own agency's; finance,
/// approvers, treasury and monitors their unit's (and the units below); a national administrator all (a province administrator as the province's officers). Others are 404.
/// </summary>
public sealed class ProposalAccess(WorkflowDbContext db, ICurrentUser user, TimeProvider clock)
{
    public Actor Actor => new(user.Id, user.UserName, user.Roles, user.AgencyCode, user.UnitCode);

    /// <summary>The proposals the caller may see, by the units' codes so that lists use the unit indexes.</summary>
    public async Task<IQueryable<Proposal>> VisibleAsync(CancellationToken ct)
    {
        var proposals = db.Proposals.AsQueryable();
        if (user.SeesEveryUnit()) return proposals;
        var unit = user.UnitCode;
        var agency = user.AgencyCode;
        // a substitute sees, for the days of a delegation, what the role delegated to them sees
        if (user.Roles.Any(r => r != Roles.LeadAgency)
            || (await db.WithMandatesAsync(Actor, WorkingCalendar.VietnamToday(clock), ct)).Mandates.Any(m => m.Role != Roles.LeadAgency))
        {
            var units = (await ReferenceSnapshot.OfAsync(db, ct)).UnitAndBelow(unit).ToList();
            return proposals.Where(p => units.Contains(p.UnitCode));
        }
        return proposals.Where(p => p.UnitCode == unit && p.AgencyCode == agency);
    }

    public async Task<Proposal> FindAsync(Guid id, CancellationToken ct, bool track = false)
    {
        var query = await VisibleAsync(ct);
        if (!track) query = query.AsNoTracking();
        return await query.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"Không tìm thấy đề xuất {id}.");
    }

    public async Task<string> StateOfAsync(Proposal proposal, CancellationToken ct) =>
        await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == proposal.InstanceId).Select(i => i.State).SingleAsync(ct);

    /// <summary>Only the proposal's own agency edits it and asks for its money (RULES.md 7).</summary>
    public void EnsureOwnAgency(Proposal proposal, string what)
    {
        if (!LeadAgencyOwnsProposal.MayDraft(proposal.AgencyCode, proposal.UnitCode, user.IsIn(Roles.LeadAgency), user.AgencyCode, user.UnitCode))
            throw new ForbiddenException(LeadAgencyOwnsProposal.EditRefusal(what));
    }
}
