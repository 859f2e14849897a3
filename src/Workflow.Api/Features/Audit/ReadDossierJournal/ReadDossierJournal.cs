using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Workflows.History;
using Workflow.Domain.Audit;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Audit.ReadDossierJournal;

/// <summary>
/// The journal of the dossiers — every step anyone took on a proposal, disbursement or settlement — for people who
/// answer for it: administrators and monitors, within their unit and the units below it (the same scope as the
/// administration journal, <see cref="AdminScope"/>), newest first, <see cref="PageSize"/> entries a page.
/// <c>Unit</c> narrows to one unit and those below it; <c>Person</c> is a login name or part of a full name;
/// <c>Dossier</c> is a dossier's code (<c>ĐX-2026-0001</c>) — a proposal's brings its disbursements and settlement
/// with it; <c>From</c> and <c>To</c> are inclusive bounds on the moment.
/// </summary>
public sealed record ReadDossierJournalQuery(string? Unit, string? Person, string? Dossier, DateTimeOffset? From, DateTimeOffset? To, int Page)
    : IRequest<DossierJournalPage>
{
    public const int PageSize = 50;
}

/// <param name="ActorName">The login name of who acted.</param>
/// <param name="ActorDisplayName">Their full name and position ("Hệ thống" for the system).</param>
/// <param name="UnitCode">The unit whose dossier it is.</param>
/// <param name="SubjectCode">The dossier's code (<c>ĐX-2026-0001</c>).</param>
/// <param name="Link">The dossier's page in the web app.</param>
/// <param name="ActionName">What was done, in Vietnamese, as the process names it ("Phê duyệt").</param>
public sealed record DossierJournalEntryView(long Id, DateTimeOffset At, string ActorName, string ActorDisplayName, string Role, string UnitCode, string UnitName,
    string SubjectType, Guid SubjectId, string? SubjectCode, string Link, string Action, string ActionName, string? FromState, string? FromName,
    string ToState, string ToName, string? Comment);

/// <summary>The journal's integrity as the last completed verification found it (<c>GET /api/audit/verify</c> checks again).</summary>
/// <param name="CheckedAt">When that verification finished; null when the journal was never verified.</param>
/// <param name="Intact">Nothing was found edited, removed, reordered or sealed again.</param>
/// <param name="VerifyLink">The verification to run now (Admin, Monitor, FinanceOffice).</param>
public sealed record JournalIntegrityView(DateTimeOffset? CheckedAt, bool? Intact, int? ProblemCount, bool? Full, string VerifyLink);

/// <param name="Total">Entries matching the filter, on every page.</param>
public sealed record DossierJournalPage(int Page, int PageSize, int Total, IReadOnlyList<DossierJournalEntryView> Items, JournalIntegrityView Integrity);

public sealed class ReadDossierJournalValidator : AbstractValidator<ReadDossierJournalQuery>
{
    public ReadDossierJournalValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, 1_000_000).WithMessage("Trang là số từ 1 đến 1.000.000.");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("'to' phải không trước 'from'.");
        RuleFor(q => q.Person).MaximumLength(256).WithMessage("Tên người tối đa 256 ký tự.");
        RuleFor(q => q.Dossier).MaximumLength(32).WithMessage("Mã hồ sơ tối đa 32 ký tự (ví dụ ĐX-2026-0001).");
    }
}

public sealed class ReadDossierJournalHandler(WorkflowDbContext db, AdminScope scope, DefinitionCatalog catalog)
    : IRequestHandler<ReadDossierJournalQuery, DossierJournalPage>
{
    public const string VerifyLink = "/api/audit/verify";

    public async Task<DossierJournalPage> Handle(ReadDossierJournalQuery request, CancellationToken cancellationToken)
    {
        IEnumerable<string> units = await scope.ManagedUnitsAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Unit))
            units = units.Intersect(await scope.SubtreeAsync(request.Unit.Trim(), cancellationToken));
        var unitList = units.ToList();

        var entries = from e in db.Journal.AsNoTracking()
                      join i in db.WorkflowInstances.AsNoTracking() on e.InstanceId equals i.Id
                      where unitList.Contains(i.UnitCode)
                      select new { e, i.UnitCode, i.DefinitionId, i.DefinitionVersion };
        if (!string.IsNullOrWhiteSpace(request.Person))
        {
            var people = await PeopleAsync(request.Person.Trim(), cancellationToken);
            entries = entries.Where(x => people.Contains(x.e.ActorName));
        }
        if (!string.IsNullOrWhiteSpace(request.Dossier))
        {
            var subjects = await DossiersAsync(request.Dossier.Trim(), unitList, cancellationToken);
            entries = entries.Where(x => subjects.Contains(x.e.SubjectId));
        }
        if (request.From is { } from) entries = entries.Where(x => x.e.At >= from);
        if (request.To is { } to) entries = entries.Where(x => x.e.At <= to);

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(x => x.e.At).ThenByDescending(x => x.e.Id)
            .Skip(ListPaging.Offset(request.Page, ReadDossierJournalQuery.PageSize)).Take(ReadDossierJournalQuery.PageSize)
            .ToListAsync(cancellationToken);

        var names = await PeopleNames.OfAsync(db, page.Select(x => x.e.ActorName), cancellationToken);
        var codes = await CodesAsync(page.Select(x => (x.e.SubjectType, x.e.SubjectId)).ToList(), cancellationToken);
        var pageUnits = page.Select(x => x.UnitCode).Distinct().ToList();
        var unitNames = await db.AdminUnits.AsNoTracking().Where(u => pageUnits.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
        var items = page.Select(x =>
        {
            var e = x.e;
            var definition = catalog.Get(x.DefinitionId, x.DefinitionVersion);
            var actionName = e.Action == Domain.Opening.OpeningPosition.Action ? "Số dư đầu kỳ"
                : e.FromState is null ? "Khởi tạo" : definition.Find(e.FromState, e.Action)?.DisplayName ?? e.Action;
            return new DossierJournalEntryView(e.Id, e.At, e.ActorName, names.GetValueOrDefault(e.ActorName, e.ActorName), e.Role, x.UnitCode,
                unitNames.GetValueOrDefault(x.UnitCode, x.UnitCode), e.SubjectType, e.SubjectId, codes.GetValueOrDefault(e.SubjectId),
                Dossiers.PagePath(e.SubjectType, e.SubjectId), e.Action, actionName, e.FromState,
                e.FromState is null ? null : definition.FindState(e.FromState)?.DisplayName ?? e.FromState,
                e.ToState, definition.FindState(e.ToState)?.DisplayName ?? e.ToState, e.Comment);
        }).ToList();
        return new DossierJournalPage(request.Page, ReadDossierJournalQuery.PageSize, total, items, await IntegrityAsync(cancellationToken));
    }

    /// <summary>The login names of the people the filter names: a login name exactly, or part of a full name (any case, Vietnamese letters as written).</summary>
    private async Task<List<string>> PeopleAsync(string person, CancellationToken ct)
    {
        var login = Infrastructure.Identity.User.NormalizeName(person);
        var everyone = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var compare = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;
        return everyone.Where(u => u.UserName == login || compare.IndexOf(u.DisplayName, person, CompareOptions.IgnoreCase) >= 0)
            .Select(u => u.UserName!).Append(login).Distinct().ToList();
    }

    /// <summary>The dossiers with this code in these units; a proposal's disbursements and settlement come with it.</summary>
    private async Task<List<Guid>> DossiersAsync(string code, List<string> units, CancellationToken ct)
    {
        var wanted = code.ToUpperInvariant();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.Code == wanted && units.Contains(p.UnitCode)).Select(p => p.Id).ToListAsync(ct);
        var disbursements = await db.Disbursements.AsNoTracking()
            .Where(d => (d.Code == wanted && units.Contains(d.UnitCode)) || proposals.Contains(d.ProposalId)).Select(d => d.Id).ToListAsync(ct);
        var settlements = await db.Settlements.AsNoTracking()
            .Where(s => (s.Code == wanted && units.Contains(s.UnitCode)) || proposals.Contains(s.ProposalId)).Select(s => s.Id).ToListAsync(ct);
        return [.. proposals, .. disbursements, .. settlements];
    }

    /// <summary>The codes of one page's dossiers, a look-up by primary key for each kind of dossier the page holds.</summary>
    private async Task<Dictionary<Guid, string>> CodesAsync(List<(string Type, Guid Id)> subjects, CancellationToken ct)
    {
        List<Guid> Of(string type) => subjects.Where(s => s.Type == type).Select(s => s.Id).Distinct().ToList();
        var proposals = Of(ProposalProcess.SubjectType);
        var disbursements = Of(DisbursementProcess.SubjectType);
        var settlements = Of(SettlementProcess.SubjectType);
        var codes = new Dictionary<Guid, string>();
        if (proposals.Count > 0)
            foreach (var p in await db.Proposals.AsNoTracking().Where(p => proposals.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToListAsync(ct)) codes[p.Id] = p.Code;
        if (disbursements.Count > 0)
            foreach (var d in await db.Disbursements.AsNoTracking().Where(d => disbursements.Contains(d.Id)).Select(d => new { d.Id, d.Code }).ToListAsync(ct)) codes[d.Id] = d.Code;
        if (settlements.Count > 0)
            foreach (var s in await db.Settlements.AsNoTracking().Where(s => settlements.Contains(s.Id)).Select(s => new { s.Id, s.Code }).ToListAsync(ct)) codes[s.Id] = s.Code;
        return codes;
    }

    private async Task<JournalIntegrityView> IntegrityAsync(CancellationToken ct)
    {
        var last = await db.AuditRuns.AsNoTracking().Where(r => r.Status == AuditRunStatus.Completed && r.FinishedAt != null)
            .OrderByDescending(r => r.Id).Select(r => new { r.FinishedAt, r.Intact, r.ProblemCount, r.Full }).FirstOrDefaultAsync(ct);
        return new JournalIntegrityView(last?.FinishedAt, last?.Intact, last?.ProblemCount, last?.Full, VerifyLink);
    }
}
