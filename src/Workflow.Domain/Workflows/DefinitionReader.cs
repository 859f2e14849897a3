using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;

namespace Workflow.Domain.Workflows;

/// <summary>A problem in a definition file: which file, where in it (JSON path) and what.</summary>
public sealed record DefinitionProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}

/// <summary>
/// Reads a <c>*.workflow.json</c> file and checks it as a whole: syntax, names that must exist (states, roles,
/// guards, effects, actions), reachability, a way to finish, unique actions per state (or alternatives that say when
/// each is taken), and deadlines that escalate.
/// </summary>
public sealed class DefinitionReader(
    IReadOnlyDictionary<string, Func<JsonElement, IEnumerable<Violation>>> guards,
    IReadOnlyDictionary<string, Func<JsonElement, IEnumerable<Violation>>> effects)
{
    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Read(string file, string json)
    {
        var problems = new List<DefinitionProblem>();
        void Fail(string path, string message) => problems.Add(new(file, path, message));

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Fail(e.Path ?? "$", $"invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message}");
            return (null, problems);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            Fail("$", "a definition is a JSON object");
            return (null, problems);
        }

        var id = Text(root, "$", "id", Fail);
        var version = Int(root, "$", "version", Fail);
        var displayName = Text(root, "$", "displayName", Fail);
        var subjectType = Text(root, "$", "subjectType", Fail);
        var initial = Text(root, "$", "initialState", Fail);
        if (version is <= 0) Fail("$.version", "version must be a positive integer");

        var states = new List<StateDefinition>();
        foreach (var (state, path) in Array(root, "$", "states", Fail))
        {
            var name = Text(state, path, "name", Fail);
            var label = Text(state, path, "displayName", Fail);
            var terminal = state.TryGetProperty("terminal", out var t) && t.ValueKind == JsonValueKind.True;
            TaskDefinition? task = null;
            if (state.TryGetProperty("task", out var taskElement) && taskElement.ValueKind != JsonValueKind.Null)
                task = ReadTask(taskElement, $"{path}.task", Fail);
            if (name is null || label is null) continue;
            if (states.Any(s => s.Name == name)) Fail($"{path}.name", $"state '{name}' is defined twice");
            if (terminal && task is not null) Fail($"{path}.task", $"terminal state '{name}' cannot open a task");
            states.Add(new StateDefinition(name, label, terminal, task));
        }

        var transitions = new List<TransitionDefinition>();
        foreach (var (transition, path) in Array(root, "$", "transitions", Fail))
        {
            var from = Text(transition, path, "from", Fail);
            var action = Text(transition, path, "action", Fail);
            var to = Text(transition, path, "to", Fail);
            var label = Text(transition, path, "displayName", Fail);
            var roles = Strings(transition, path, "roles", Fail, required: true);
            var requiresComment = transition.TryGetProperty("requiresComment", out var rc) && rc.ValueKind == JsonValueKind.True;
            var separateFrom = Strings(transition, path, "separateFrom", Fail, required: false);
            var guardRefs = Steps(transition, path, "guards", "guard", guards, Fail);
            var effectRefs = Steps(transition, path, "effects", "effect", effects, Fail);
            TransitionCondition? when = null;
            if (transition.TryGetProperty("when", out var whenElement) && whenElement.ValueKind != JsonValueKind.Null)
            {
                if (whenElement.ValueKind != JsonValueKind.Object) Fail($"{path}.when", "'when' is an object with displayName and guards");
                else
                {
                    var whenLabel = Text(whenElement, $"{path}.when", "displayName", Fail);
                    var whenGuards = Steps(whenElement, $"{path}.when", "guards", "guard", guards, Fail);
                    if (whenGuards.Count == 0) Fail($"{path}.when.guards", "a condition needs at least one guard");
                    if (whenLabel is not null) when = new TransitionCondition(whenLabel, whenGuards);
                }
            }

            for (var i = 0; i < roles.Count; i++)
                if (!Roles.IsKnown(roles[i]) && roles[i] != Roles.System)
                    Fail($"{path}.roles[{i}]", $"unknown role '{roles[i]}' (known: {string.Join(", ", Roles.All)}, System)");
            if (roles.Count == 0) Fail($"{path}.roles", "at least one role must be allowed");
            if (from is not null && states.Count > 0 && states.All(s => s.Name != from)) Fail($"{path}.from", $"transition from missing state '{from}'");
            if (to is not null && states.Count > 0 && states.All(s => s.Name != to)) Fail($"{path}.to", $"transition to missing state '{to}'");
            if (from is not null && states.FirstOrDefault(s => s.Name == from) is { Terminal: true })
                Fail($"{path}.from", $"state '{from}' is terminal: nothing leaves it");
            // the same action twice from one state only as alternatives: each earlier one says when it is taken
            if (from is not null && action is not null && transitions.FirstOrDefault(x => x.From == from && x.Action == action && x.When is null) is not null)
                Fail($"{path}.action", $"state '{from}' already has an action '{action}'");
            if (from is null || action is null || to is null || label is null) continue;
            transitions.Add(new TransitionDefinition(from, action, to, label, roles, requiresComment, separateFrom, guardRefs, effectRefs, when));
        }

        for (var i = 0; i < transitions.Count; i++)
        {
            var t = transitions[i];
            var first = transitions.First(x => x.From == t.From && x.Action == t.Action);
            if (t.When is not null && !transitions.Skip(i + 1).Any(x => x.From == t.From && x.Action == t.Action && x.When is null))
                Fail($"$.transitions[{i}].when", $"'{t.Action}' from '{t.From}' needs a later alternative without 'when', taken when no condition holds");
            if (!ReferenceEquals(first, t) && (first.DisplayName != t.DisplayName || !first.Roles.SequenceEqual(t.Roles)
                || first.RequiresComment != t.RequiresComment || !first.SeparateFrom.SequenceEqual(t.SeparateFrom)))
                Fail($"$.transitions[{i}]", $"alternatives of '{t.Action}' from '{t.From}' must agree on displayName, roles, requiresComment and separateFrom: " +
                    "who may act is decided before the condition is");
        }

        if (problems.Count > 0) return (null, problems);

        if (states.Count == 0) Fail("$.states", "a definition needs states");
        if (initial is not null && states.All(s => s.Name != initial)) Fail("$.initialState", $"initial state '{initial}' is not defined");
        if (!states.Any(s => s.Terminal)) Fail("$.states", "no terminal state: every instance would run forever");

        var actions = transitions.Select(x => x.Action).ToHashSet();
        for (var i = 0; i < transitions.Count; i++)
            for (var j = 0; j < transitions[i].SeparateFrom.Count; j++)
                if (!actions.Contains(transitions[i].SeparateFrom[j]))
                    Fail($"$.transitions[{i}].separateFrom[{j}]", $"no transition has action '{transitions[i].SeparateFrom[j]}'");

        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i];
            if (!state.Terminal && transitions.All(x => x.From != state.Name))
                Fail($"$.states[{i}]", $"state '{state.Name}' is not terminal but no transition leaves it");
            if (state.Task?.Escalation?.Action is { } escalationAction && transitions.All(x => x.From != state.Name || x.Action != escalationAction))
                Fail($"$.states[{i}].task.escalation.action", $"state '{state.Name}' has no action '{escalationAction}' to escalate with");
        }

        if (initial is not null && states.Any(s => s.Name == initial))
        {
            var reached = new HashSet<string> { initial };
            var queue = new Queue<string>([initial]);
            while (queue.TryDequeue(out var current))
                foreach (var next in transitions.Where(x => x.From == current).Select(x => x.To))
                    if (reached.Add(next)) queue.Enqueue(next);
            for (var i = 0; i < states.Count; i++)
                if (!reached.Contains(states[i].Name))
                    Fail($"$.states[{i}]", $"state '{states[i].Name}' is unreachable from '{initial}'");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new WorkflowDefinition(id!, version!.Value, displayName!, subjectType!, initial!, states, transitions), problems);
    }

    private static TaskDefinition? ReadTask(JsonElement task, string path, Action<string, string> fail)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            fail(path, "a task is an object with role, scope and title");
            return null;
        }
        var role = Text(task, path, "role", fail);
        var scopeText = Text(task, path, "scope", fail);
        var title = Text(task, path, "title", fail);
        int? deadline = null;
        if (task.TryGetProperty("deadlineDays", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out var days) && days > 0) deadline = days;
            else fail($"{path}.deadlineDays", "deadlineDays must be a positive whole number of working days");
        }

        EscalationDefinition? escalation = null;
        if (task.TryGetProperty("escalation", out var e) && e.ValueKind != JsonValueKind.Null)
        {
            var notify = Strings(e, $"{path}.escalation", "notifyRoles", fail, required: false);
            for (var i = 0; i < notify.Count; i++)
                if (!Roles.IsKnown(notify[i])) fail($"{path}.escalation.notifyRoles[{i}]", $"unknown role '{notify[i]}'");
            var action = e.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            if (notify.Count == 0 && action is null) fail($"{path}.escalation", "an escalation notifies roles, fires an action, or both");
            escalation = new EscalationDefinition(notify, action);
        }
        if (deadline is not null && escalation is null)
            fail($"{path}.escalation", "a task with a deadline needs an escalation: what happens when it is overdue?");

        if (role is not null && !Roles.IsKnown(role)) fail($"{path}.role", $"unknown role '{role}' (known: {string.Join(", ", Roles.All)})");
        TaskScope scope = default;
        if (scopeText is not null && !Enum.TryParse(scopeText, false, out scope) || scopeText is not null && int.TryParse(scopeText, out _))
            fail($"{path}.scope", $"unknown scope '{scopeText}' (known: {string.Join(", ", Enum.GetNames<TaskScope>())})");
        return role is null || scopeText is null || title is null ? null : new TaskDefinition(role, scope, title, deadline, escalation);
    }

    private static List<StepReference> Steps(JsonElement parent, string path, string property, string kind,
        IReadOnlyDictionary<string, Func<JsonElement, IEnumerable<Violation>>> known, Action<string, string> fail)
    {
        var steps = new List<StepReference>();
        foreach (var (step, stepPath) in Array(parent, path, property, fail, required: false))
        {
            var name = Text(step, stepPath, kind, fail);
            var args = step.TryGetProperty("args", out var a) ? a.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
            if (name is null) continue;
            if (!known.TryGetValue(name, out var validate))
            {
                fail($"{stepPath}.{kind}", $"unknown {kind} '{name}' (known: {string.Join(", ", known.Keys.Order())})");
                continue;
            }
            foreach (var violation in validate(args))
                fail($"{stepPath}.args{(violation.Path.Length > 0 ? "." + violation.Path : "")}", violation.Message);
            steps.Add(new StepReference(name, args));
        }
        return steps;
    }

    private static IEnumerable<(JsonElement Element, string Path)> Array(JsonElement parent, string path, string property, Action<string, string> fail, bool required = true)
    {
        if (!parent.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required) fail($"{path}.{property}", $"missing '{property}'");
            yield break;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            fail($"{path}.{property}", $"'{property}' must be an array");
            yield break;
        }
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.{property}[{i++}]";
            if (item.ValueKind == JsonValueKind.Object) yield return (item, itemPath);
            else fail(itemPath, "must be an object");
        }
    }

    private static List<string> Strings(JsonElement parent, string path, string property, Action<string, string> fail, bool required)
    {
        var list = new List<string>();
        if (!parent.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            if (required) fail($"{path}.{property}", $"missing '{property}'");
            return list;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            fail($"{path}.{property}", $"'{property}' must be an array of strings");
            return list;
        }
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
            else fail($"{path}.{property}[{i}]", "must be a string");
            i++;
        }
        return list;
    }

    private static string? Text(JsonElement parent, string path, string property, Action<string, string> fail)
    {
        if (parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
            return value.GetString()!.Trim();
        fail($"{path}.{property}", value.ValueKind == JsonValueKind.Undefined ? $"missing '{property}'" : $"'{property}' must be a non-empty string");
        return null;
    }

    private static int? Int(JsonElement parent, string path, string property, Action<string, string> fail)
    {
        if (parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        fail($"{path}.{property}", $"'{property}' must be a whole number");
        return null;
    }
}
