using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain.Files;
using Microsoft.Extensions.Logging;
using Workflow.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Administration;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Policies;
using Workflow.Domain.Policies;

namespace Workflow.Infrastructure.Workflows;

/// <summary>
/// Fires transitions in one database transaction. The instance's revision is the concurrency token: of two
/// firings that loaded the same revision, the second to commit fails and none of its changes (effects, tasks,
/// journal, outbox) are kept. Effects therefore only change the database or publish through the outbox.
/// </summary>
public sealed class WorkflowRuntime(
    WorkflowDbContext db, DefinitionCatalog catalog, IEnumerable<IWorkflowGuard> guards, IEnumerable<IWorkflowEffect> effects,
    WorkingCalendar calendar, TimeProvider clock, ILogger<WorkflowRuntime> logger) : IWorkflowRuntime
{
    public const int MaxCommentLength = 2000;

    public async Task<WorkflowInstance> StartAsync(string definitionId, WorkflowSubject subject, Actor actor, CancellationToken ct, Guid? instanceId = null, DateOnly? dueOn = null)
    {
        var definition = catalog.CurrentOf(definitionId);
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstance(instanceId ?? Guid.NewGuid(), definition, subject, actor.UserName, now);
        var parts = await PartsAsync(instance, now, ct);
        var policy = await PolicyAsync(instance, now, ct);
        db.WorkflowInstances.Add(instance);
        db.Journal.Add(new JournalEntry(instance, 0, now, actor, actor.Roles.FirstOrDefault() ?? "", null, "start",
            definition.InitialState, null, "{}", JournalEntry.Genesis));
        OpenTask(instance, definition.State(definition.InitialState), parts, policy, now, dueOn);
        OutboxWriter.Add(db, new WorkflowTransitioned(instance.Id, definition.Id, definition.Version, subject.Type, subject.Id,
            null, "start", instance.State, actor.UserName, instance.Revision), now);
        await SaveAsync(ct);
        return instance;
    }

    public WorkflowInstance OpenAt(string definitionId, WorkflowSubject subject, string state, Actor actor, string action, string comment, JsonElement data, Guid instanceId, UnitParts parts)
    {
        var definition = catalog.CurrentOf(definitionId);
        var target = definition.FindState(state) ?? throw new InvalidOperationException($"Process '{definitionId}' v{definition.Version} has no state '{state}'.");
        var now = clock.GetUtcNow();
        var instance = WorkflowInstance.OpenedAt(instanceId, definition, subject, target, actor.UserName, now);
        db.WorkflowInstances.Add(instance);
        var role = actor.Roles.FirstOrDefault() ?? "";
        db.Journal.Add(new JournalEntry(instance, 0, now, actor, role, null, action, target.Name, comment, CanonicalJson.Serialize(data), JournalEntry.Genesis));
        OpenTask(instance, target, parts, null, now);
        OutboxWriter.Add(db, new WorkflowTransitioned(instance.Id, definition.Id, definition.Version, subject.Type, subject.Id,
            null, action, instance.State, actor.UserName, instance.Revision), now);
        return instance;
    }

    /// <summary>
    /// Every lost attempt means another firing on the same shared rows committed, so a request only loses to its
    /// contenders: this bounds a pile-up of that many requests on one line's balance.
    /// </summary>
    public const int MaxAttempts = 32;

    /// <summary>
    /// Fires and commits. A conflict on a row the actor did not act on — a plan line's balance that another approval
    /// moved first — is not the user's problem: the whole transition runs again on fresh data (guards and rules
    /// included, so money that really ran out is still refused with its reason). Only a conflict on the dossier
    /// itself, someone else having acted on it, reaches the user as 409, naming who did what.
    /// </summary>
    public async Task<FireResult> FireAsync(Guid instanceId, string action, Actor actor, string? comment, JsonElement? data, CancellationToken ct)
    {
        // every log line of the firing names the dossier and who acted (docs/operations.md §7)
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = instanceId, ["Action"] = action, ["Actor"] = actor.UserName });
        using var activity = WorkflowTelemetry.Source.StartActivity("workflow.fire");
        activity?.SetTag("workflow.instance", instanceId).SetTag("workflow.action", action).SetTag("enduser.id", actor.UserName);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await FireCommittedAsync(instanceId, action, actor, comment, data, ct);
            outcome = "done";
            logger.LogInformation("{Definition} {Action}: {From} → {To} by {Actor}", DefinitionOf(instanceId), action, result.From, result.To, actor.UserName);
            return result;
        }
        catch (ConflictException c) when (c.Code is "workflow.concurrent" or "workflow.busy")
        {
            outcome = "conflict";
            throw;
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or ValidationFailedException or NotFoundException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            var tags = new TagList { { "workflow.definition", DefinitionOf(instanceId) }, { "workflow.action", action } };
            WorkflowTelemetry.TransitionDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
            tags.Add("workflow.outcome", outcome);
            WorkflowTelemetry.Transitions.Add(1, tags);
            activity?.SetTag("workflow.definition", DefinitionOf(instanceId)).SetTag("workflow.outcome", outcome);
        }
    }

    /// <summary>The process of each instance this unit of work fired, for the telemetry's tags.</summary>
    private readonly Dictionary<Guid, string> _definitions = [];

    private string DefinitionOf(Guid instanceId) => _definitions.GetValueOrDefault(instanceId, "unknown");

    private async Task<FireResult> FireCommittedAsync(Guid instanceId, string action, Actor actor, string? comment, JsonElement? data, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await FireWithoutSavingAsync(instanceId, action, actor, comment, data, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception e) when (IsConflict(e))
            {
                db.ChangeTracker.Clear();
                var sharedRow = LostRaceOnSharedRow(e, instanceId) || await LostOnSharedChainAsync(e, instanceId, result.Revision - 1, ct);
                if (sharedRow && attempt < MaxAttempts && db.Database.CurrentTransaction is null)
                {
                    WorkflowTelemetry.ConflictsRetried.Add(1, new KeyValuePair<string, object?>("workflow.definition", DefinitionOf(instanceId)));
                    continue;
                }
                throw await ActedByOtherAsync(instanceId, sharedRow, ct);
            }
        }
    }

    /// <summary>
    /// A save that lost to another firing on a row the actor did not act on: a revision other than the instance's, or —
    /// on PostgreSQL — a deadlock or serialization failure between two transactions, which the database resolves by
    /// giving one of them up whole. Either way nothing was kept and running again on fresh data is right.
    /// </summary>
    private static bool LostRaceOnSharedRow(Exception e, Guid instanceId) =>
        e is DbUpdateConcurrencyException c ? !c.Entries.Any(x => x.Entity is WorkflowInstance i && i.Id == instanceId) : DbErrors.IsTransientConflict(e);

    /// <summary>
    /// Two firings that append to one balance row's ledger chain take the same place in it. PostgreSQL runs a save's
    /// statements as one batch and stops at the first error, so the loser may hear of the taken place (a unique
    /// violation) before its stale revision on the balance row is counted. Such a violation is a lost race on a shared
    /// row exactly when the instance acted on is still at the revision the firing loaded: nobody else acted on it.
    /// </summary>
    private async Task<bool> LostOnSharedChainAsync(Exception e, Guid instanceId, int loadedRevision, CancellationToken ct) =>
        e is DbUpdateException u && DbErrors.IsUniqueViolation(u)
        && await db.WorkflowInstances.AsNoTracking().AnyAsync(i => i.Id == instanceId && i.Revision == loadedRevision, ct);

    private static bool IsConflict(Exception e) =>
        e is DbUpdateConcurrencyException || e is DbUpdateException u && DbErrors.IsUniqueViolation(u) || DbErrors.IsTransientConflict(e);

    /// <summary>The refusal when the dossier moved under the actor: who acted last, what they did and when.</summary>
    private async Task<ConflictException> ActedByOtherAsync(Guid instanceId, bool busy, CancellationToken ct)
    {
        if (busy)
            return new ConflictException("Hệ thống đang xử lý nhiều thao tác trên cùng dòng kế hoạch; thao tác của bạn chưa được ghi nhận, hãy thử lại.", "workflow.busy");
        var last = await db.Journal.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.Action, e.ToState, e.At }).FirstOrDefaultAsync(ct);
        var version = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.DefinitionId, i.DefinitionVersion }).FirstOrDefaultAsync(ct);
        var definition = version is null ? null : catalog.Get(version.DefinitionId, version.DefinitionVersion);
        return new ConflictException(last is null
            ? "Hồ sơ vừa được người khác xử lý. Hãy tải lại để xem trạng thái mới; thao tác của bạn chưa được ghi nhận."
            : $"Hồ sơ vừa được {LastActed(definition, last.ActorName, last.Action, last.ToState, last.At)}. Hãy tải lại để xem trạng thái mới; thao tác của bạn chưa được ghi nhận.",
            "workflow.concurrent");
    }

    /// <summary>
    /// Who last acted on a dossier, as a refusal names them, in the words of the process:
    /// "tk.kinhte xử lý ('start-appraisal': Bắt đầu thẩm định, sang 'Đang thẩm định') lúc …".
    /// </summary>
    private static string LastActed(WorkflowDefinition? definition, string actor, string action, string toState, DateTimeOffset at)
    {
        var step = definition?.Transitions.FirstOrDefault(t => t.Action == action && t.To == toState)?.DisplayName;
        var state = definition?.States.FirstOrDefault(st => st.Name == toState)?.DisplayName ?? toState;
        return $"{actor} xử lý ('{action}'{(step is null ? "" : $": {step}")}, sang '{state}') lúc {at.ToOffset(WorkingCalendar.VietnamOffset):HH:mm:ss dd/MM/yyyy}";
    }

    public async Task<FireResult> FireWithoutSavingAsync(Guid instanceId, string action, Actor actor, string? comment, JsonElement? data, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ quy trình {instanceId}.");
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        _definitions[instanceId] = definition.Id;
        // who did what (maker ≠ checker, and whom a refusal names) and the chain's last link, not the whole entries
        var journal = await db.Journal.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderBy(e => e.Sequence)
            .Select(e => new { e.ActorId, e.ActorName, e.Action, e.ToState, e.At, e.Hash }).ToListAsync(ct);
        var history = journal.Select(e => new PastAction(e.ActorId, e.Action)).ToList();

        var now = clock.GetUtcNow();
        var parts = await PartsAsync(instance, now, ct);
        // the task's holder, tracked: closing it below is refused by the database if someone claimed it meanwhile
        var open = await db.Tasks.Where(t => t.InstanceId == instanceId && t.ClosedAt == null).ToListAsync(ct);
        actor = await db.WithMandatesAsync(actor, DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.VietnamOffset).DateTime), ct);
        var (refusal, reason, acting) = WorkflowRules.Authorize(definition, instance, action, actor, history, parts, open.FirstOrDefault()?.Claim);
        switch (refusal)
        {
            // the dossier has moved on — often by someone who acted a moment earlier, on this server or another: say who
            case Refusal.NotAvailable when journal.Count > 1:
                var last = journal[^1];
                throw new ConflictException($"{reason} Hồ sơ đã được {LastActed(definition, last.ActorName, last.Action, last.ToState, last.At)}; thao tác của bạn chưa được ghi nhận.",
                    "workflow.notAvailable");
            case Refusal.NotAvailable: throw new ConflictException(reason, "workflow.notAvailable");
            case Refusal.Claimed: throw new ConflictException(reason, "task.claimed");
            case Refusal.NotAllowed:
            case Refusal.SameActor: throw new ForbiddenException(reason);
        }
        // in their own name, or standing in for the principal a delegation names ("B thay mặt A")
        actor = acting!;

        var transition = definition.Find(instance.State, action)!;
        var from = definition.State(instance.State);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var input = new List<Violation>();
        if (transition.RequiresComment && comment is null)
            input.Add(new("comment", $"Cần ghi ý kiến khi '{transition.DisplayName}'."));
        if (comment is { Length: > MaxCommentLength })
            input.Add(new("comment", $"Ý kiến dài quá {MaxCommentLength} ký tự."));
        var payload = data is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } d ? d : EmptyObject;
        if (payload.ValueKind != JsonValueKind.Object)
            input.Add(new("data", "Dữ liệu kèm thao tác phải là một đối tượng JSON { … }."));
        else if (payload.TryGetProperty(DossierFile.JournalKey, out _))
            input.Add(new($"data.{DossierFile.JournalKey}", "Hệ thống tự ghi các tệp đính kèm của hồ sơ vào nhật ký; không gửi trường này kèm thao tác."));
        if (input.Count > 0) throw new ValidationFailedException(input);

        var context = await ChooseAsync(definition.Alternatives(instance.State, action),
            alternative => new TransitionContext(instance, definition, alternative, actor, comment, payload, now), ct);
        transition = context.Transition;
        foreach (var step in transition.Guards)
        {
            var outcome = await guards.Single(g => g.Name == step.Name).CheckAsync(context, step.Args, ct);
            if (outcome.Passed) continue;
            throw outcome.IsConflict
                ? new ConflictException(string.Join(" ", outcome.Violations.Select(v => v.Message)), "workflow.guard") { Violations = outcome.Violations }
                : new ValidationFailedException(outcome.Violations);
        }
        foreach (var step in transition.Effects)
            await effects.Single(e => e.Name == step.Name).ApplyAsync(context, step.Args, ct);
        foreach (var followUp in context.FollowUps)
            await FireWithoutSavingAsync(followUp.InstanceId, followUp.Action, Actor.System, followUp.Comment, null, ct);

        var role = actor.IsSystem ? "System" : WorkflowRules.RoleFor(transition, from, instance, actor, parts)!;
        var to = definition.State(transition.To);
        foreach (var task in open) task.Close(actor.UserName, action, now);

        instance.MoveTo(to, now);
        // sealed with the journal key when the unit of work is saved (Audit/EntrySealer), over the state every effect left
        db.Journal.Add(new JournalEntry(instance, instance.Revision, now, actor, role, from.Name, action, to.Name, comment,
            CanonicalJson.Serialize(journal.Any(e => e.Action == DossierFile.AttachAction) ? await WithFilesAsync(instance, payload, ct) : payload), journal.Count > 0 ? journal[^1].Hash : JournalEntry.Genesis));
        OpenTask(instance, to, parts, to.Task is null ? null : await PolicyAsync(instance, now, ct), now);
        foreach (var message in context.Messages) OutboxWriter.Add(db, message, now);
        OutboxWriter.Add(db, new WorkflowTransitioned(instance.Id, definition.Id, definition.Version, instance.SubjectType, instance.SubjectId,
            from.Name, action, to.Name, actor.UserName, instance.Revision), now);
        return new FireResult(instance.Id, from.Name, action, to.Name, instance.Revision);
    }

    /// <summary>
    /// Of the transitions an action may take from a state, the first whose condition holds (every guard of its
    /// <c>when</c> passes); the loader makes sure the last has no condition. They agree on who may act, so the checks
    /// made before hold for whichever is taken.
    /// </summary>
    private async Task<TransitionContext> ChooseAsync(IReadOnlyList<TransitionDefinition> alternatives,
        Func<TransitionDefinition, TransitionContext> contextFor, CancellationToken ct)
    {
        foreach (var alternative in alternatives)
        {
            var context = contextFor(alternative);
            if (alternative.When is not { } when) return context;
            var holds = true;
            foreach (var step in when.Guards)
                if (!(await guards.Single(g => g.Name == step.Name).CheckAsync(context, step.Args, ct)).Passed) { holds = false; break; }
            if (holds) return context;
        }
        throw new InvalidOperationException($"'{alternatives[0].Action}' from '{alternatives[0].From}' has no alternative without a condition.");
    }

    /// <summary>
    /// The action's data with the SHA-256 of every file the dossier has, sorted (a set, the same however and whenever the
    /// files came): the entry's data hash, and so its seal, then covers what the decision relied on. Unchanged when the
    /// dossier has no files. Asked only when the instance's journal holds an attachment (every file is attached with a
    /// journaled <see cref="DossierFile.AttachAction"/>), so a transition of a dossier without files costs no query.
    /// </summary>
    private async Task<JsonElement> WithFilesAsync(WorkflowInstance instance, JsonElement payload, CancellationToken ct)
    {
        var files = await db.DossierFiles.AsNoTracking().Where(f => f.SubjectType == instance.SubjectType && f.SubjectId == instance.SubjectId)
            .Select(f => f.Sha256).OrderBy(f => f).ToListAsync(ct);
        if (files.Count == 0) return payload;
        var data = JsonNode.Parse(payload.GetRawText())!.AsObject();
        data[DossierFile.JournalKey] = new JsonArray(files.Select(f => (JsonNode)JsonValue.Create(f)).ToArray());
        return JsonSerializer.SerializeToElement(data);
    }

    public async Task RecordChangeAsync(Guid instanceId, string action, Actor actor, string role, JsonElement data, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct)
            ?? throw new NotFoundException($"Không tìm thấy hồ sơ quy trình {instanceId}.");
        if (instance.IsCompleted)
            throw new ConflictException("Hồ sơ đã kết thúc; không thay đổi được nữa.", "workflow.completed");
        var last = await db.Journal.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderByDescending(e => e.Sequence)
            .Select(e => e.Hash).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        instance.RecordChange(now);
        db.Journal.Add(new JournalEntry(instance, instance.Revision, now, actor, role, instance.State, action, instance.State, null,
            CanonicalJson.Serialize(data), last ?? JournalEntry.Genesis));
    }

    /// <summary>Who administration assigned to the instance's unit today (Vietnam): where its tasks land and who may act.</summary>
    private Task<UnitParts> PartsAsync(WorkflowInstance instance, DateTimeOffset now, CancellationToken ct) =>
        db.UnitPartsAsync(instance.UnitCode, DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.VietnamOffset).DateTime), ct);

    /// <summary>The policy of the instance's province in force today (Vietnam), for the deadlines it sets (RULES.md 21).</summary>
    private async Task<ProvincePolicy?> PolicyAsync(WorkflowInstance instance, DateTimeOffset now, CancellationToken ct) =>
        await db.PolicyInForceAsync(instance.UnitCode, now.ToOffset(WorkingCalendar.VietnamOffset).Year, now, ct);

    /// <param name="policy">The province's policy: its deadline for the state replaces the definition's; null keeps the definition's.</param>
    /// <param name="dueOn">The subject's own due day, which replaces both.</param>
    private void OpenTask(WorkflowInstance instance, StateDefinition state, UnitParts parts, ProvincePolicy? policy, DateTimeOffset now, DateOnly? dueOn = null)
    {
        if (state.Task is not { } definition) return;
        var (unit, agency) = WorkflowRules.TargetOf(definition.Scope, definition.Role, instance, parts);
        var deadline = policy?.Values.DeadlineFor(instance.DefinitionId, state.Name) ?? definition.DeadlineDays;
        DateTimeOffset? due = dueOn is { } day ? WorkingCalendar.EndOf(day) : deadline is { } days ? calendar.DueAt(now, days) : null;
        var task = new WorkflowTask(Guid.NewGuid(), instance, definition, unit, agency, now, due);
        db.Tasks.Add(task);
        OutboxWriter.Add(db, new TaskOpened(task.Id, instance.Id, instance.SubjectType, instance.SubjectId, state.Name, state.DisplayName,
            definition.Title, definition.Role, unit, agency, due), now);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsConflict(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("Hồ sơ vừa được người khác xử lý. Hãy tải lại để xem trạng thái mới; thao tác của bạn chưa được ghi nhận.", "workflow.concurrent");
        }
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
