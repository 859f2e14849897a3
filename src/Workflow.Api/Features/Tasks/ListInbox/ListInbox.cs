using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Search;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Administration;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Tasks.ListInbox;

/// <summary>
/// The caller's inbox: open tasks for one of their roles in their unit (and, for agency tasks, their agency), narrowed by
/// <see cref="InboxFilter"/>. Soonest due (so overdue) first, or the biggest amount first.
/// </summary>
public sealed record ListInboxQuery(string? SubjectType, bool? Overdue, int Page, int PageSize) : IRequest<InboxPage>
{
    public InboxFilter Filter { get; init; } = InboxFilter.None;
}

/// <summary>How an officer clears the inbox: the oldest deadline first, or the biggest money first.</summary>
public enum InboxSort { Deadline, Amount }

/// <summary>
/// What an officer narrows the inbox to: the tasks in one state, the tasks one action can move (to tick them together for
/// a bulk action), the dossiers a search finds (<see cref="DossierSearch"/>: a code, or words of the title), and the order.
/// </summary>
public sealed record InboxFilter(string? State, string? Action, DossierSearch? Search, InboxSort Sort)
{
    public static readonly InboxFilter None = new(null, null, null, InboxSort.Deadline);

    public static readonly IReadOnlyList<string> SubjectTypes =
        [ProposalProcess.SubjectType, DisbursementProcess.SubjectType, SettlementProcess.SubjectType, MonitoringReportProcess.SubjectType];

    /// <summary>The subject type as sent, or a 400 naming <c>subjectType</c>.</summary>
    public static string? SubjectTypeOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return SubjectTypes.FirstOrDefault(t => string.Equals(t, value.Trim(), StringComparison.OrdinalIgnoreCase))
               ?? throw new ValidationFailedException("subjectType", $"Không có loại hồ sơ '{value}': chọn {string.Join(", ", SubjectTypes)}.");
    }

    /// <summary>
    /// The filter in a request's query, each value checked against the processes: a state or an action no process has is a
    /// 400 naming its parameter rather than an inbox that is silently empty.
    /// </summary>
    public static InboxFilter Parse(DefinitionCatalog catalog, string? subjectType, string? state, string? action, string? q, string? sort)
    {
        var definitions = catalog.All.Where(d => subjectType is null || d.SubjectType == subjectType).ToList();
        string? stateName = null, actionName = null;
        if (!string.IsNullOrWhiteSpace(state))
            stateName = definitions.SelectMany(d => d.States).Select(s => s.Name).FirstOrDefault(n => n == state.Trim())
                        ?? throw new ValidationFailedException("state", $"Không có trạng thái '{state}' trong quy trình {(subjectType is null ? "nào" : "của loại hồ sơ này")}.");
        if (!string.IsNullOrWhiteSpace(action))
            actionName = definitions.SelectMany(d => d.Transitions).Select(t => t.Action).FirstOrDefault(a => a == action.Trim())
                         ?? throw new ValidationFailedException("action", $"Không có thao tác '{action}' trong quy trình {(subjectType is null ? "nào" : "của loại hồ sơ này")}.");
        var order = string.IsNullOrWhiteSpace(sort) ? InboxSort.Deadline : sort.Trim().ToLowerInvariant() switch
        {
            "deadline" => InboxSort.Deadline,
            "amount" => InboxSort.Amount,
            _ => throw new ValidationFailedException("sort", $"Không sắp xếp được theo '{sort}': chọn deadline (hạn xử lý) hoặc amount (số tiền, lớn trước)."),
        };
        return new InboxFilter(stateName, actionName, DossierSearch.Parse(q), order);
    }
}

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Page, int PageSize, int Total);

/// <param name="SubjectCode">The dossier's number in its unit (<c>ĐX-2026-0001</c>, <c>GN-…</c>, <c>QT-…</c>).</param>
/// <param name="SubjectTitle">What the dossier is: a proposal's title, or the title of the proposal a disbursement or settlement belongs to.</param>
/// <param name="Amount">The money the task decides on: a proposal's state support, a disbursement's amount, a settlement's actual cost.</param>
/// <param name="WorkingDaysLeft">Working days from today to the due date (negative when overdue).</param>
/// <param name="ClaimedBy">Who holds the task ("Đang xử lý: …"), when someone claimed it; others of the role see it but leave it to them.</param>
/// <param name="OnBehalfOf">Full name of the colleague whose task this is and for whom the caller acts under a delegation ("thay mặt …"); null for the caller's own tasks.</param>
public sealed record InboxItem(
    Guid TaskId, Guid InstanceId, string DefinitionId, string SubjectType, Guid SubjectId, string? SubjectCode, string? SubjectTitle, long? Amount,
    string State, string StateName, string Title, string Role, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, bool Overdue, int? WorkingDaysLeft,
    IReadOnlyList<ActionView> Actions, TaskHolder? ClaimedBy = null, string? OnBehalfOf = null);

public sealed class ListInboxHandler(WorkflowDbContext db, DefinitionCatalog catalog, ICurrentUser user, InstanceAccess access,
    WorkingCalendar calendar, TimeProvider clock) : IRequestHandler<ListInboxQuery, InboxPage>
{
    public const int MaxPageSize = 100;

    public async Task<InboxPage> Handle(ListInboxQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // the caller's roles, and those colleagues delegated to them for today
        var actor = await access.ActorAsync(cancellationToken);
        var roles = user.Roles.Concat(actor.Mandates.Select(m => m.Role)).Distinct().ToList();
        var unit = user.UnitCode;
        var agency = user.AgencyCode;
        var tasks = db.Tasks.AsNoTracking().Where(t => t.ClosedAt == null && roles.Contains(t.Role) && t.TargetUnitCode == unit
                                                       && (t.TargetAgencyCode == null || t.TargetAgencyCode == agency));
        if (!string.IsNullOrWhiteSpace(request.SubjectType)) tasks = tasks.Where(t => t.SubjectType == request.SubjectType);
        if (request.Overdue == true) tasks = tasks.Where(t => t.DueAt != null && t.DueAt < now);
        if (request.Overdue == false) tasks = tasks.Where(t => t.DueAt == null || t.DueAt >= now);
        tasks = Narrow(tasks, request.Filter);

        var total = await tasks.CountAsync(cancellationToken);
        var page = await Ordered(tasks, request.Filter.Sort)
            .Skip(ListPaging.Offset(request.Page, request.PageSize)).Take(request.PageSize)
            .ToListAsync(cancellationToken);

        var instanceIds = page.Select(t => t.InstanceId).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var histories = await db.PastActionsAsync(instanceIds, cancellationToken);
        var today = DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        var parts = await db.UnitPartsAsync(instances.Values.Select(i => i.UnitCode).Distinct().ToList(), today, cancellationToken);

        var subjects = await SubjectsAsync(page, cancellationToken);
        var items = page.Select(t =>
        {
            var instance = instances[t.InstanceId];
            var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
            var history = histories[t.InstanceId].ToList();
            var unitParts = parts.GetValueOrDefault(instance.UnitCode, UnitParts.Unassigned);
            var actions = WorkflowRules.AvailableActions(definition, instance, actor, history, unitParts, t.Claim);
            int? left = t.DueAt is { } due ? calendar.WorkingDaysBetween(today, DateOnly.FromDateTime(due.ToOffset(WorkingCalendar.VietnamOffset).DateTime)) : null;
            var subject = subjects.GetValueOrDefault(t.SubjectId);
            return new InboxItem(t.Id, t.InstanceId, instance.DefinitionId, t.SubjectType, t.SubjectId, subject?.Code, subject?.Title, subject?.Amount,
                t.State, definition.State(t.State).DisplayName, t.Title, t.Role, t.OpenedAt, t.DueAt, t.IsOverdue(now), left,
                actions.Select(GetInstanceHandler.ActionOf).ToList(), TaskHolder.Of(t.Claim),
                WorkflowRules.ActingFor(definition, instance, actor, history, unitParts, t.Claim)?.PrincipalName
                    ?? (user.Roles.Contains(t.Role) ? null : actor.Mandates.FirstOrDefault(m => m.Role == t.Role)?.PrincipalName));
        }).ToList();
        return new InboxPage(items, request.Page, request.PageSize, total);
    }

    private IQueryable<WorkflowTask> Narrow(IQueryable<WorkflowTask> tasks, InboxFilter filter)
    {
        if (filter.State is { } state) tasks = tasks.Where(t => t.State == state);
        if (filter.Action is { } action)
        {
            // the states, per kind of dossier, that some version of its process leaves by this action
            var from = catalog.All.SelectMany(d => d.Transitions.Where(x => x.Action == action).Select(x => d.SubjectType + "/" + x.From)).Distinct().ToList();
            tasks = tasks.Where(t => from.Contains(t.SubjectType + "/" + t.State));
        }
        if (filter.Search is { } search)
        {
            var proposals = search.Proposals(db.Proposals.AsNoTracking());
            IQueryable<Guid> disbursements, settlements;
            if (search.NarrowsProposals)
            {
                // a payment or a settlement is found by its proposal's code or words
                disbursements = db.Disbursements.Where(d => proposals.Any(p => p.Id == d.ProposalId)).Select(d => d.Id);
                settlements = db.Settlements.Where(x => proposals.Any(p => p.Id == x.ProposalId)).Select(x => x.Id);
            }
            else
            {
                var disbursementCode = search.OwnCode(DossierCode.Disbursement);
                var settlementCode = search.OwnCode(DossierCode.Settlement);
                disbursements = db.Disbursements.Where(d => d.Code == disbursementCode).Select(d => d.Id);
                settlements = db.Settlements.Where(x => x.Code == settlementCode).Select(x => x.Id);
            }
            var proposalIds = proposals.Select(p => p.Id);
            tasks = tasks.Where(t => (t.SubjectType == ProposalProcess.SubjectType && proposalIds.Contains(t.SubjectId))
                                     || (t.SubjectType == DisbursementProcess.SubjectType && disbursements.Contains(t.SubjectId))
                                     || (t.SubjectType == SettlementProcess.SubjectType && settlements.Contains(t.SubjectId)));
        }
        return tasks;
    }

    private IQueryable<WorkflowTask> Ordered(IQueryable<WorkflowTask> tasks, InboxSort sort)
    {
        if (sort == InboxSort.Amount)
            return tasks
                .OrderByDescending(t => t.SubjectType == ProposalProcess.SubjectType
                    ? db.Proposals.Where(p => p.Id == t.SubjectId).Select(p => (long?)p.StateSupport).FirstOrDefault()
                    : t.SubjectType == DisbursementProcess.SubjectType
                        ? db.Disbursements.Where(d => d.Id == t.SubjectId)
                            .Select(d => (long?)(d.Amounts.Central + d.Amounts.Provincial + d.Amounts.District + d.Amounts.Commune)).FirstOrDefault()
                        : db.Settlements.Where(x => x.Id == t.SubjectId)
                            .Select(x => (long?)(x.ActualCost.Central + x.ActualCost.Provincial + x.ActualCost.District + x.ActualCost.Commune)).FirstOrDefault())
                .ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id);
        return tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.OpenedAt).ThenBy(t => t.Id);
    }

    private sealed record Subject(string Code, string Title, long? Amount);

    /// <summary>The dossiers of one page of tasks, by id: a look-up by primary key for each kind of dossier the page holds.</summary>
    private async Task<Dictionary<Guid, Subject>> SubjectsAsync(IReadOnlyList<WorkflowTask> page, CancellationToken ct)
    {
        List<Guid> Of(string subjectType) => page.Where(t => t.SubjectType == subjectType).Select(t => t.SubjectId).ToList();
        var subjects = new Dictionary<Guid, Subject>();
        if (Of(ProposalProcess.SubjectType) is { Count: > 0 } proposals)
            foreach (var p in await db.Proposals.AsNoTracking().Where(p => proposals.Contains(p.Id)).ToListAsync(ct))
                subjects[p.Id] = new Subject(p.Code, p.Title, p.StateSupport);
        if (Of(DisbursementProcess.SubjectType) is { Count: > 0 } disbursements)
            foreach (var x in await (from d in db.Disbursements.AsNoTracking() where disbursements.Contains(d.Id)
                                     join p in db.Proposals on d.ProposalId equals p.Id select new { d, p.Title }).ToListAsync(ct))
                subjects[x.d.Id] = new Subject(x.d.Code, x.Title, x.d.Total);
        if (Of(SettlementProcess.SubjectType) is { Count: > 0 } settlements)
            foreach (var x in await (from s in db.Settlements.AsNoTracking() where settlements.Contains(s.Id)
                                     join p in db.Proposals on s.ProposalId equals p.Id select new { s, p.Title }).ToListAsync(ct))
                subjects[x.s.Id] = new Subject(x.s.Code, x.Title, x.s.ActualTotal);
        if (Of(MonitoringReportProcess.SubjectType) is { Count: > 0 } reports)
            foreach (var r in await db.MonitoringReports.AsNoTracking().Where(r => reports.Contains(r.Id))
                         .Select(r => new { r.Id, r.TemplateId, r.Period, r.Version, r.UnitName }).ToListAsync(ct))
                subjects[r.Id] = new Subject($"{r.TemplateId}/{r.Period}/v{r.Version}", $"Báo cáo {r.TemplateId} kỳ {r.Period} – {r.UnitName}", null);
        return subjects;
    }
}
