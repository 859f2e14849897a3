using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Workflows;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Administration;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Attachments;

/// <summary>
/// Who sees a dossier's files and who may add to them. A file is seen by whoever sees a dossier it is attached to (the
/// proposal's rules; a disbursement or settlement is as visible as its proposal); to anyone else it does not exist (404).
/// A file is attached, while the dossier is not finished, by its lead agency's officers (who compile it) and by whoever
/// may act on it in its current state (the finance office appraising, the chairman approving, the treasury paying):
/// those who decide may add what they decided on. Others who see the dossier are refused (403).
/// </summary>
public sealed class AttachmentAccess(WorkflowDbContext db, ProposalAccess proposals, SubjectInstances subjects, DefinitionCatalog catalog, TimeProvider clock)
{
    public Actor Actor => proposals.Actor;

    /// <summary>The subject type behind a route word (<c>proposals</c>, <c>disbursements</c>, <c>settlements</c>); 404 for any other.</summary>
    public static string SubjectTypeOf(string route) => InstanceAccess.SubjectRoutes.TryGetValue(route, out var type)
        ? type
        : throw new NotFoundException($"Không có loại hồ sơ '{route}'.");

    /// <summary>The instance of a dossier the caller sees (404 otherwise).</summary>
    public Task<Guid> InstanceOfAsync(string subjectType, Guid subjectId, CancellationToken ct) => subjects.InstanceOfAsync(subjectType, subjectId, ct);

    /// <summary>The role the caller attaches a file in, or null when they may not (finished dossier, or neither owner nor actor).</summary>
    public async Task<string?> AttachingRoleAsync(Guid instanceId, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
        if (instance.IsCompleted) return null;
        var actor = Actor;
        if (actor.IsIn(Roles.LeadAgency) && actor.UnitCode == instance.UnitCode && actor.AgencyCode == instance.AgencyCode) return Roles.LeadAgency;
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var history = await db.PastActionsAsync(instance.Id, ct);
        var parts = await db.UnitPartsAsync(instance.UnitCode, WorkingCalendar.VietnamToday(clock), ct);
        var from = definition.State(instance.State);
        return WorkflowRules.AvailableActions(definition, instance, actor, history, parts)
            .Select(t => WorkflowRules.RoleFor(t, from, instance, actor, parts)).FirstOrDefault(r => r is not null);
    }

    /// <summary>
    /// Whether the caller needs the personal data in a dossier's files (docs/personal-data.md): its lead agency's
    /// officers, who compiled the list; the finance office and the approver who act for the dossier's unit; and, on a
    /// disbursement, the treasury that pays it. Seeing the dossier is not enough: the Monitor, an administrator and other
    /// units' officers read the dossier but not the beneficiaries' data. Call only for a dossier the caller sees.
    /// </summary>
    public async Task<bool> NeedsPersonalDataAsync(string subjectType, Guid subjectId, CancellationToken ct)
    {
        var actor = Actor;
        var instanceId = await InstanceOfAsync(subjectType, subjectId, ct);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
        if (actor.IsIn(Roles.LeadAgency) && actor.UnitCode == instance.UnitCode && actor.AgencyCode == instance.AgencyCode) return true;
        string[] roles = subjectType == DisbursementProcess.SubjectType ? [Roles.FinanceOffice, Roles.Approver, Roles.Treasury] : [Roles.FinanceOffice, Roles.Approver];
        if (!roles.Any(actor.IsIn)) return false;
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var parts = await db.UnitPartsAsync(instance.UnitCode, WorkingCalendar.VietnamToday(clock), ct);
        // where the process puts that role's tasks for this dossier; the finance office and approver also in their own unit
        return roles.Where(actor.IsIn).Any(role =>
            definition.States.Where(st => st.Task?.Role == role).Any(st => WorkflowRules.InScope(st.Task!.Scope, role, instance, actor, parts))
            || (role != Roles.Treasury && WorkflowRules.InScope(TaskScope.SameUnit, role, instance, actor, parts)));
    }

    /// <summary>The unit a dossier the caller sees belongs to: whose administrator and Monitor read its personal-data log.</summary>
    public async Task<string> UnitOfAsync(string subjectType, Guid subjectId, CancellationToken ct)
    {
        var instanceId = await InstanceOfAsync(subjectType, subjectId, ct);
        return await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.UnitCode).SingleAsync(ct);
    }

    /// <summary>The dossiers among <paramref name="dossiers"/> the caller sees.</summary>
    public async Task<HashSet<(string Type, Guid Id)>> VisibleAsync(IReadOnlyCollection<(string Type, Guid Id)> dossiers, CancellationToken ct)
    {
        var visible = await proposals.VisibleAsync(ct);
        var seen = new HashSet<(string, Guid)>();
        var ids = dossiers.Where(d => d.Type == ProposalProcess.SubjectType).Select(d => d.Id).ToList();
        if (ids.Count > 0)
            foreach (var id in await visible.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)) seen.Add((ProposalProcess.SubjectType, id));
        ids = dossiers.Where(d => d.Type == DisbursementProcess.SubjectType).Select(d => d.Id).ToList();
        if (ids.Count > 0)
            foreach (var id in await db.Disbursements.Where(d => ids.Contains(d.Id) && visible.Any(p => p.Id == d.ProposalId)).Select(d => d.Id).ToListAsync(ct))
                seen.Add((DisbursementProcess.SubjectType, id));
        ids = dossiers.Where(d => d.Type == SettlementProcess.SubjectType).Select(d => d.Id).ToList();
        if (ids.Count > 0)
            foreach (var id in await db.Settlements.Where(s => ids.Contains(s.Id) && visible.Any(p => p.Id == s.ProposalId)).Select(s => s.Id).ToListAsync(ct))
                seen.Add((SettlementProcess.SubjectType, id));
        return seen;
    }
}

/// <summary>A file attached to a dossier, as the API and the pages show it.</summary>
/// <param name="AttachedBy">The login name of who attached it.</param>
/// <param name="AttachedByName">Their full name and position, as people read it.</param>
/// <param name="DownloadUrl">Where the API serves its content (<c>GET /api/attachments/{sha256}</c>).</param>
/// <param name="PersonalData">Marked as holding personal data: opened only by those who need it, each opening logged.</param>
/// <param name="ContentRemovedAt">When its content was removed under the retention policy (a tombstone; the download answers 410).</param>
public sealed record AttachedFile(Guid Id, string SubjectType, Guid SubjectId, string Sha256, string FileName, string ContentType, long Size,
    string AttachedBy, string AttachedByName, DateTimeOffset AttachedAt, string DownloadUrl, bool PersonalData, DateTimeOffset? ContentRemovedAt)
{
    public static AttachedFile Of(Domain.Files.DossierFile f, IReadOnlyDictionary<string, string> people) =>
        new(f.Id, f.SubjectType, f.SubjectId, f.Sha256, f.FileName, f.ContentType, f.Size, f.AttachedBy, people.GetValueOrDefault(f.AttachedBy, f.AttachedBy),
            f.AttachedAt, $"/api/attachments/{f.Sha256}", f.PersonalData, f.ContentRemovedAt);

    public static async Task<AttachedFile> OfAsync(Domain.Files.DossierFile f, WorkflowDbContext db, CancellationToken ct) =>
        Of(f, await Workflows.History.PeopleNames.OfAsync(db, [f.AttachedBy], ct));
}
