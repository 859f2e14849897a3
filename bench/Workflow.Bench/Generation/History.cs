using System.Text.Json;
using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Plans;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;

namespace Workflow.Bench.Generation;

/// <summary>The rows one plan's year leaves behind, in the order they were written.</summary>
public sealed class History
{
    public List<BudgetBalance> Balances { get; } = [];
    public List<LedgerEntry> Ledger { get; } = [];
    public List<Proposal> Proposals { get; } = [];
    public List<Disbursement> Disbursements { get; } = [];
    public List<Settlement> Settlements { get; } = [];
    public List<WorkflowInstance> Instances { get; } = [];
    public List<WorkflowTask> Tasks { get; } = [];
    public List<JournalEntry> Journal { get; } = [];
}

/// <summary>
/// Plays transitions the way the server's runtime does (Infrastructure/Workflows/WorkflowRuntime) and seals them the way
/// its save does (Infrastructure/Audit/EntrySealer), on objects of the application's own domain: the instance moves and
/// its revision rises, the task of the state left is closed and the next one opened with the province's deadline, the
/// effects change the subject and the balances, and the journal entry is sealed over the subject as the effects left
/// it and the ledger movements they made. Ledger entries are sealed as they are applied, so each balance row's chain
/// follows the order of time.
/// </summary>
public sealed class Recorder(History history, JournalKey key, UnitParts parts, ProvincePolicy policy, WorkingCalendar calendar)
{
    private static readonly string EmptyData = CanonicalJson.Serialize(JsonDocument.Parse("{}").RootElement);

    private readonly Dictionary<Guid, string> _lastHash = [];
    private readonly Dictionary<Guid, WorkflowTask> _openTask = [];
    private readonly Dictionary<Guid, object> _subjects = [];
    private readonly Dictionary<Guid, WorkflowDefinition> _definitions = [];

    /// <summary>The movements of the transition being fired, attested by its journal entry.</summary>
    private List<LedgerEntry>? _movements;

    /// <summary>Starts a subject's process (journal entry 0, the initial state's task), as <c>IWorkflowRuntime.StartAsync</c>.</summary>
    public WorkflowInstance Start(WorkflowDefinition definition, Guid instanceId, object subject, WorkflowSubject of, Actor actor, DateTimeOffset at)
    {
        var instance = new WorkflowInstance(instanceId, definition, of, actor.UserName, at);
        history.Instances.Add(instance);
        _definitions[instance.Id] = definition;
        _subjects[instance.Id] = subject;
        var entry = new JournalEntry(instance, 0, at, actor, actor.Roles.FirstOrDefault() ?? "", null, "start", definition.InitialState, null, EmptyData, JournalEntry.Genesis);
        Seal(instance, entry, []);
        OpenTask(instance, definition.State(definition.InitialState), at);
        return instance;
    }

    /// <summary>
    /// Fires <paramref name="action"/>; <paramref name="effects"/> runs first, as the transition's effects do, and may move
    /// money with <see cref="Move"/>. Where the action leads to more than one state (the runtime chooses by guards, which
    /// this copy does not run), <paramref name="to"/> names the one the generated data takes.
    /// </summary>
    public void Fire(WorkflowInstance instance, string action, Actor actor, DateTimeOffset at, string? comment = null, object? data = null, Action? effects = null,
        string? to = null)
    {
        var definition = _definitions[instance.Id];
        var transition = definition.Transitions.FirstOrDefault(t => t.From == instance.State && t.Action == action && (to is null || t.To == to))
            ?? throw new InvalidOperationException($"{definition.Id} has no action '{action}' from {instance.State}{(to is null ? "" : $" to {to}")}.");
        var from = definition.State(instance.State);
        var outer = _movements;
        var movements = _movements = [];
        effects?.Invoke();
        _movements = outer;

        var role = actor.IsSystem ? "System" : WorkflowRules.RoleFor(transition, from, instance, actor, parts)
            ?? throw new InvalidOperationException($"{actor.UserName} may not '{action}' on {definition.Id} in {from.Name}.");
        if (_openTask.Remove(instance.Id, out var task)) task.Close(actor.UserName, action, at);
        instance.MoveTo(definition.State(transition.To), at);
        var payload = data is null ? EmptyData : CanonicalJson.Serialize(JsonSerializer.SerializeToElement(data));
        var entry = new JournalEntry(instance, instance.Revision, at, actor, role, from.Name, action, transition.To, comment, payload, _lastHash[instance.Id]);
        Seal(instance, entry, movements);
        OpenTask(instance, definition.State(transition.To), at);
    }

    /// <summary>Moves each balance of the line by its source's amount, skipping zeros, as <c>LifecycleData.Move</c>; inside <see cref="Fire"/> only.</summary>
    public void Move(IReadOnlyDictionary<FundingSource, BudgetBalance> balances, LedgerEntryKind kind, SourceAmounts amounts, LedgerReference reference)
    {
        foreach (var (source, amount) in amounts.Entries.Where(e => e.Amount > 0))
            Apply(balances[source], kind, amount, reference);
    }

    /// <summary>One movement of one balance row, sealed as the next link of that row's chain.</summary>
    public void Apply(BudgetBalance balance, LedgerEntryKind kind, long amount, LedgerReference reference)
    {
        var entry = balance.Apply(kind, amount, reference);
        balance.Seal(entry, key);
        history.Ledger.Add(entry);
        _movements?.Add(entry);
    }

    /// <summary>The reference of a movement made by the transition being fired on <paramref name="instance"/>.</summary>
    public static LedgerReference Reference(WorkflowInstance instance, Actor actor, DateTimeOffset at, string note,
        Guid? proposalId = null, Guid? disbursementId = null, Guid? settlementId = null) =>
        new(at, actor.UserName, note, proposalId, disbursementId, settlementId, instance.Id, instance.Revision + 1);

    private void Seal(WorkflowInstance instance, JournalEntry entry, List<LedgerEntry> movements)
    {
        entry.Seal(key, entry.PreviousHash, SubjectDigest.TextOf(instance.SubjectType, instance.SubjectId, _subjects[instance.Id]),
            LedgerMovements.TextOf(movements));
        _lastHash[instance.Id] = entry.Hash;
        history.Journal.Add(entry);
    }

    private void OpenTask(WorkflowInstance instance, StateDefinition state, DateTimeOffset at)
    {
        if (state.Task is not { } definition) return;
        var (unit, agency) = WorkflowRules.TargetOf(definition.Scope, definition.Role, instance, parts);
        var deadline = policy.Values.DeadlineFor(instance.DefinitionId, state.Name) ?? definition.DeadlineDays;
        var task = new WorkflowTask(Guid.NewGuid(), instance, definition, unit, agency, at, deadline is { } days ? calendar.DueAt(at, days) : null);
        history.Tasks.Add(task);
        _openTask[instance.Id] = task;
    }
}
