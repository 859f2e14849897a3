using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>The delegations a person holds as substitute on a day, read where deciding an action needs them.</summary>
public static class DelegationQueries
{
    /// <summary>
    /// The actor with the mandates in force for them on <paramref name="today"/> (Vietnam): each delegation not revoked
    /// whose range holds the day, from a delegator who is still active, still holds the role and is still in the
    /// actor's agency — a delegator moved or disabled since hands nothing on.
    /// </summary>
    public static async Task<Actor> WithMandatesAsync(this WorkflowDbContext db, Actor actor, DateOnly today, CancellationToken ct)
    {
        if (actor.IsSystem) return actor;
        // one request asks twice — who may see the dossier, then who may act on it — and the answer is the same
        if (db.MandatesRead.TryGetValue((actor.Id, today), out var read))
            return read.Count == 0 ? actor : actor with { Mandates = read };
        // most people hold no delegation at all: the reference copy knows who does
        if (!(await ReferenceSnapshot.OfAsync(db, ct)).Substitutes.Contains(actor.Id)) return actor;
        var rows = await (
            from d in db.Delegations.AsNoTracking()
            where d.SubstituteId == actor.Id && d.RevokedAt == null && d.From <= today && d.To >= today
            join u in db.Users.AsNoTracking() on d.DelegatorId equals u.Id
            where u.IsActive && u.AgencyCode == actor.AgencyCode && u.UnitCode == actor.UnitCode
            orderby d.CreatedAt
            select new { u.Id, u.UserName, u.DisplayName, u.Position, u.RoleNames, d.Role, u.AgencyCode, u.UnitCode }).ToListAsync(ct);
        var mandates = rows
            .Where(r => r.RoleNames.Split(',').Contains(r.Role, StringComparer.Ordinal))
            .Select(r => new Mandate(r.Id, r.UserName!, string.IsNullOrEmpty(r.Position) ? r.DisplayName : $"{r.DisplayName} ({r.Position})", r.Role, r.AgencyCode, r.UnitCode))
            .DistinctBy(m => (m.PrincipalId, m.Role))
            .ToList();
        db.MandatesRead[(actor.Id, today)] = mandates;
        return mandates.Count == 0 ? actor : actor with { Mandates = mandates };
    }
}
