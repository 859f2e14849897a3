using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Delegations;

/// <summary>A delegation as its two people read it.</summary>
/// <param name="Delegator">Login name of who handed their tasks on.</param>
/// <param name="Substitute">Login name of who acts for them ("thay mặt").</param>
/// <param name="InForce">Whether the substitute may act for the delegator today (Vietnam).</param>
public sealed record DelegationView(
    Guid Id, string Role, string RoleName, string Delegator, string DelegatorName, string Substitute, string SubstituteName,
    DateOnly From, DateOnly To, string Reason, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? RevokedBy, bool InForce)
{
    public static DelegationView Of(Delegation d, DateOnly today) => new(
        d.Id, d.Role, WorkflowRules.RoleName(d.Role), d.DelegatorUserName, d.DelegatorName, d.SubstituteUserName, d.SubstituteName,
        d.From, d.To, d.Reason, d.CreatedAt, d.RevokedAt, d.RevokedBy, d.IsInForceOn(today));
}

/// <summary>Someone of the caller's agency who may be named substitute.</summary>
public sealed record DelegationColleague(string UserName, string Name);

/// <param name="Given">What the caller handed on, latest first.</param>
/// <param name="Received">What colleagues handed to the caller, latest first.</param>
/// <param name="Roles">The roles the caller may delegate (those they hold that act on dossiers).</param>
/// <param name="Colleagues">Active people of the caller's agency, who may be named substitute.</param>
public sealed record DelegationList(IReadOnlyList<DelegationView> Given, IReadOnlyList<DelegationView> Received,
    IReadOnlyList<string> Roles, IReadOnlyList<DelegationColleague> Colleagues);

/// <summary>The body of <c>POST /api/delegations</c>: the role, the substitute's login name, the first and last day (both included), why.</summary>
public sealed record CreateDelegationCommand(string? Role, string? Substitute, DateOnly? From, DateOnly? To, string? Reason) : IRequest<DelegationView>;

public sealed record ListDelegationsQuery : IRequest<DelegationList>;

public sealed record RevokeDelegationCommand(Guid Id) : IRequest<DelegationView>;

public sealed class DelegationHandlers(WorkflowDbContext db, ICurrentUser user, AdminJournal journal, TimeProvider clock)
    : IRequestHandler<CreateDelegationCommand, DelegationView>, IRequestHandler<ListDelegationsQuery, DelegationList>,
      IRequestHandler<RevokeDelegationCommand, DelegationView>
{
    /// <summary>How many of each list the page shows: the latest, enough for a year of absences.</summary>
    public const int ListSize = 100;

    public async Task<DelegationView> Handle(CreateDelegationCommand request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = WorkingCalendar.VietnamToday(clock);
        var delegator = Party(await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id, ct));
        var name = request.Substitute is null ? null : User.NormalizeName(request.Substitute);
        var found = string.IsNullOrWhiteSpace(name) ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, ct);
        var substitute = found is null ? null : Party(found);
        var problems = DelegationRules.Check(delegator, substitute, request.Substitute, request.Role?.Trim(), request.From, request.To, request.Reason, today);
        if (problems.Count > 0) throw new ValidationFailedException(problems);

        var delegation = new Delegation(Guid.NewGuid(), new(delegator.Id, delegator.UserName, delegator.Name),
            new(substitute!.Id, substitute.UserName, substitute.Name), request.Role!.Trim(), delegator.AgencyCode, delegator.UnitCode,
            request.From!.Value, request.To!.Value, request.Reason!, clock.GetUtcNow());
        db.Delegations.Add(delegation);
        var view = DelegationView.Of(delegation, today);
        journal.Record(AdminObjectTypes.Delegation, delegation.Id.ToString(), delegation.UnitCode, "create", null, view);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<DelegationList> Handle(ListDelegationsQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = WorkingCalendar.VietnamToday(clock);
        var given = await db.Delegations.AsNoTracking().Where(d => d.DelegatorId == user.Id)
            .OrderByDescending(d => d.To).ThenByDescending(d => d.CreatedAt).Take(ListSize).ToListAsync(ct);
        var received = await db.Delegations.AsNoTracking().Where(d => d.SubstituteId == user.Id)
            .OrderByDescending(d => d.To).ThenByDescending(d => d.CreatedAt).Take(ListSize).ToListAsync(ct);
        var agency = user.AgencyCode;
        var unit = user.UnitCode;
        var colleagues = await db.Users.AsNoTracking()
            .Where(u => u.AgencyCode == agency && u.UnitCode == unit && u.IsActive && u.Id != user.Id)
            .OrderBy(u => u.DisplayName).Select(u => new { u.UserName, u.DisplayName, u.Position }).ToListAsync(ct);
        return new DelegationList(
            given.Select(d => DelegationView.Of(d, today)).ToList(),
            received.Select(d => DelegationView.Of(d, today)).ToList(),
            DelegationRules.DelegableRoles.Where(user.IsIn).ToList(),
            colleagues.Select(c => new DelegationColleague(c.UserName!, string.IsNullOrEmpty(c.Position) ? c.DisplayName : $"{c.DisplayName} ({c.Position})")).ToList());
    }

    /// <summary>The delegator ends it, or the substitute declines it; from then on the substitute acts for nobody under it.</summary>
    public async Task<DelegationView> Handle(RevokeDelegationCommand request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var delegation = await db.Delegations.SingleOrDefaultAsync(d => d.Id == request.Id && (d.DelegatorId == user.Id || d.SubstituteId == user.Id), ct)
            ?? throw new NotFoundException($"Không tìm thấy ủy quyền {request.Id}.");
        var today = WorkingCalendar.VietnamToday(clock);
        var before = DelegationView.Of(delegation, today);
        delegation.Revoke(user.UserName, clock.GetUtcNow());
        var after = DelegationView.Of(delegation, today);
        journal.Record(AdminObjectTypes.Delegation, delegation.Id.ToString(), delegation.UnitCode, "revoke", before, after);
        await db.SaveChangesAsync(ct);
        return after;
    }

    private static DelegationParty Party(User u) =>
        new(u.Id, u.UserName!, u.Signature, u.AgencyCode, u.UnitCode, u.Roles, u.IsActive);
}
