using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Notifications.ListNotifications;
using Workflow.Api.Features.Tasks.BulkAction;
using Workflow.Api.Features.Tasks.ListInbox;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Pages;

/// <summary>
/// The inbox: the caller's tasks as cards (dossier, amount, deadline), narrowed and ordered as the officer chooses, and
/// ticked to take one action on several at once (<see cref="BulkActionCommand"/>) — a plain form post, no script needed.
/// </summary>
public sealed class InboxModel(IMediator mediator, WorkflowDbContext db, DefinitionCatalog catalog) : AppPageModel(mediator)
{
    /// <summary>What an officer may do to several dossiers at once: the steps that take no judgement of each one's own.</summary>
    public static readonly IReadOnlyList<(string Kind, string Action)> BulkActions =
    [
        (ProposalProcess.SubjectType, "start-appraisal"),
        (ProposalProcess.SubjectType, "approve"),
        (DisbursementProcess.SubjectType, "approve"),
    ];

    public InboxPage Inbox { get; private set; } = new([], 1, 100, 0);
    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "loai")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang-thai")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "thao-tac")] public string? Action { get; set; }
    [BindProperty(SupportsGet = true, Name = "tu-khoa")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "qua-han")] public bool OverdueOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "sap-xep")] public string? Sort { get; set; }

    /// <summary>The ticked dossiers (workflow instances) and the bulk action chosen for them, as <c>Kind:action</c>.</summary>
    [BindProperty] public List<Guid> Chon { get; set; } = [];
    [BindProperty] public string? BulkAction { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Dictionary<string, string?> Data { get; set; } = [];

    /// <summary>What the last bulk action did, dossier by dossier.</summary>
    public IReadOnlyList<BulkOutcome>? Outcomes { get; private set; }
    public string? OutcomeAction { get; private set; }

    public sealed record BulkOutcome(string Code, string Title, string Link, bool Passed, string Message);

    public bool Filtered => !string.IsNullOrWhiteSpace(Kind) || !string.IsNullOrWhiteSpace(State) || !string.IsNullOrWhiteSpace(Action)
                            || !string.IsNullOrWhiteSpace(Q) || OverdueOnly;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var chosen = BulkActions.FirstOrDefault(b => $"{b.Kind}:{b.Action}" == BulkAction);
        if (chosen.Action is null) ModelState.AddModelError("BulkAction", "Chọn thao tác cho các hồ sơ đã đánh dấu.");
        if (Chon.Count == 0) ModelState.AddModelError("Chon", "Đánh dấu ít nhất một hồ sơ.");
        if (Chon.Count > BulkActionValidator.MaxItems) ModelState.AddModelError("Chon", $"Mỗi lần xử lý tối đa {BulkActionValidator.MaxItems} hồ sơ.");
        if (!ModelState.IsValid)
        {
            Problem = "Chưa xử lý: xem các lỗi được đánh dấu bên dưới.";
            await LoadAsync(ct);
            return Page();
        }

        var ids = Chon.Distinct().ToList();
        var dossiers = await DossiersAsync(ids, ct);
        // a dossier of another kind would be refused by its own process anyway; saying so here names the real reason
        var sent = ids.Where(id => dossiers.TryGetValue(id, out var d) && d.Kind == chosen.Kind).ToList();
        var results = new Dictionary<Guid, BulkActionItem>();
        if (sent.Count > 0)
        {
            var fields = catalog.CurrentOf(catalog.FindBySubjectType(chosen.Kind)!.Id).Transitions.Where(t => t.Action == chosen.Action)
                .SelectMany(t => GetInstanceHandler.ActionOf(t).RequiredData).Distinct().ToList();
            JsonElement? data = fields.Count == 0 ? null : ToJson(fields.ToDictionary(f => f, f => SubjectPageModel.Readable(ModelState, f, Data.GetValueOrDefault(f)?.Trim())));
            if (!ModelState.IsValid)
            {
                await LoadAsync(ct);
                return Page();
            }
            var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
            if (!await TryAsync(async () =>
                {
                    var result = await Mediator.Send(new BulkActionCommand(chosen.Action, sent, comment, data), ct);
                    foreach (var item in result.Items) results[item.InstanceId] = item;
                }))
            {
                await LoadAsync(ct);
                return Page();
            }
        }

        OutcomeAction = ActionName(chosen.Kind, chosen.Action!);
        Outcomes = ids.Select(id =>
        {
            var d = dossiers.GetValueOrDefault(id);
            if (d is null) return new BulkOutcome("—", "Hồ sơ không tồn tại hoặc bạn không được xem", "/", false, "Không tìm thấy hồ sơ.");
            if (!results.TryGetValue(id, out var item))
                return new BulkOutcome(d.Code, d.Title, d.Link, false, $"Đây là hồ sơ {SubjectLabel(d.Kind).ToLowerInvariant()}, không phải {SubjectLabel(chosen.Kind).ToLowerInvariant()}: chọn riêng.");
            if (item.Status == StatusCodes.Status200OK)
                return new BulkOutcome(d.Code, d.Title, d.Link, true, $"Đã chuyển sang: {StateName(d, item.To!)}.");
            var reasons = (item.Errors?.Values.SelectMany(m => m) ?? []).Prepend(item.Detail ?? item.Title ?? "Bị từ chối.").Distinct();
            return new BulkOutcome(d.Code, d.Title, d.Link, false, string.Join(" ", reasons));
        }).ToList();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        InboxFilter filter;
        string? kind;
        try
        {
            kind = InboxFilter.SubjectTypeOf(Kind);
            filter = InboxFilter.Parse(catalog, kind, State, Action, Q is { Length: > Features.Search.DossierSearch.MaxLength } ? Q[..Features.Search.DossierSearch.MaxLength] : Q, string.Equals(Sort, "tien", StringComparison.Ordinal) ? "amount" : null);
        }
        catch (ValidationFailedException e)
        {
            // the page's own selects send only known values; a hand-edited address is shown unfiltered with the reason
            Problem = string.Join(" ", e.Violations.Select(v => v.Message));
            kind = null;
            filter = InboxFilter.None;
            Kind = State = Action = Q = null;
        }
        Inbox = await Mediator.Send(new ListInboxQuery(kind, OverdueOnly ? true : null, 1, ListInboxHandler.MaxPageSize) { Filter = filter }, ct);
        Notifications = await Mediator.Send(new ListNotificationsQuery(10, Done: false), ct);
    }

    private sealed record Dossier(string Kind, string Code, string Title, string Link, string DefinitionId, int Version);

    /// <summary>The ticked dossiers by instance, to name each in the outcome — also those a colleague has meanwhile taken out of the inbox.</summary>
    private async Task<Dictionary<Guid, Dossier>> DossiersAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.SubjectType, i.SubjectId, i.DefinitionId, i.DefinitionVersion }).ToListAsync(ct);
        var subjectIds = instances.Select(i => i.SubjectId).ToList();
        var names = new Dictionary<Guid, (string Code, string Title)>();
        foreach (var p in await db.Proposals.AsNoTracking().Where(p => subjectIds.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Title }).ToListAsync(ct))
            names[p.Id] = (p.Code, p.Title);
        foreach (var d in await (from d in db.Disbursements.AsNoTracking() where subjectIds.Contains(d.Id)
                                 join p in db.Proposals on d.ProposalId equals p.Id select new { d.Id, d.Code, p.Title }).ToListAsync(ct))
            names[d.Id] = (d.Code, d.Title);
        foreach (var s in await (from s in db.Settlements.AsNoTracking() where subjectIds.Contains(s.Id)
                                 join p in db.Proposals on s.ProposalId equals p.Id select new { s.Id, s.Code, p.Title }).ToListAsync(ct))
            names[s.Id] = (s.Code, s.Title);
        return instances.ToDictionary(i => i.Id, i =>
        {
            var (code, title) = names.GetValueOrDefault(i.SubjectId, ("—", ""));
            return new Dossier(i.SubjectType, code, title, LinkTo(i.SubjectType, i.SubjectId), i.DefinitionId, i.DefinitionVersion);
        });
    }

    private string StateName(Dossier d, string state) => catalog.Get(d.DefinitionId, d.Version).FindState(state)?.DisplayName ?? state;

    /// <summary>The bulk actions the listed tasks offer, as the select's value and label.</summary>
    public IReadOnlyList<(string Value, string Label)> BulkChoices() => BulkActions
        .Where(b => Inbox.Items.Any(t => t.SubjectType == b.Kind && t.Actions.Any(a => a.Action == b.Action)))
        .Select(b => ($"{b.Kind}:{b.Action}", $"{SubjectLabel(b.Kind)}: {ActionName(b.Kind, b.Action)}")).ToList();

    /// <summary>The data the offered bulk actions ask for (a proposal's decision number and date), one input each.</summary>
    public IReadOnlyList<string> BulkDataFields() => Inbox.Items
        .SelectMany(t => t.Actions.Where(a => BulkActions.Contains((t.SubjectType, a.Action))).SelectMany(a => a.RequiredData)).Distinct().ToList();

    public static bool CanBulk(InboxItem task) => task.Actions.Any(a => BulkActions.Contains((task.SubjectType, a.Action)));

    private string ActionName(string kind, string action) =>
        catalog.CurrentOf(catalog.FindBySubjectType(kind)!.Id).Transitions.FirstOrDefault(t => t.Action == action)?.DisplayName ?? action;

    /// <summary>The states with a task, per kind of dossier, for the state filter.</summary>
    public IReadOnlyList<(string Kind, IReadOnlyList<(string Name, string Label)> States)> StateChoices() => InboxFilter.SubjectTypes
        .Select(k => (k, (IReadOnlyList<(string, string)>)catalog.All.Where(d => d.SubjectType == k).SelectMany(d => d.States)
            .Where(s => s.Task is not null).GroupBy(s => s.Name).Select(g => (g.Key, g.Last().DisplayName)).ToList()))
        .ToList();

    /// <summary>The actions a task can wait on, for the action filter: one entry per action, its labels across processes.</summary>
    public IReadOnlyList<(string Action, string Label)> ActionChoices() => catalog.Current
        .SelectMany(d => d.Transitions.Where(t => d.FindState(t.From)?.Task is not null).Select(t => (t.Action, t.DisplayName)))
        .GroupBy(a => a.Action).Select(g => (g.Key, string.Join(" / ", g.Select(a => a.DisplayName).Distinct()))).OrderBy(a => a.Item2).ToList();

    public string LinkTo(string subjectType, Guid id) => Workflow.Infrastructure.Workflows.Dossiers.PagePath(subjectType, id);

    public static string SubjectLabel(string subjectType) => subjectType switch
    {
        ProposalProcess.SubjectType => "Đề xuất",
        DisbursementProcess.SubjectType => "Giải ngân",
        SettlementProcess.SubjectType => "Quyết toán",
        MonitoringReportProcess.SubjectType => "Báo cáo giám sát",
        _ => subjectType,
    };
}
