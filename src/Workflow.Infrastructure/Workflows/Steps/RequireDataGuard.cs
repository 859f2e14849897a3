using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Workflows.Steps;

/// <summary>
/// <c>{"guard":"requireData","args":{"fields":{"decisionNumber":"Số quyết định"}}}</c>: the action's data must carry
/// each field, non-empty; fields ending in <c>Date</c> or <c>On</c> must be dates (yyyy-MM-dd).
/// </summary>
public sealed class RequireDataGuard : IWorkflowGuard
{
    public string Name => "requireData";

    public IEnumerable<Violation> ValidateArgs(JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Object || !args.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object)
            yield return new("fields", "requireData needs \"fields\": an object of field name → Vietnamese label");
        else if (!fields.EnumerateObject().Any())
            yield return new("fields", "name at least one field");
        else
            foreach (var f in fields.EnumerateObject().Where(f => f.Value.ValueKind != JsonValueKind.String))
                yield return new($"fields.{f.Name}", "the label must be a string");
    }

    public Task<GuardOutcome> CheckAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var violations = new List<Violation>();
        foreach (var field in args.GetProperty("fields").EnumerateObject())
        {
            var label = field.Value.GetString()!;
            var path = $"data.{field.Name}";
            if (context.Data.ValueKind != JsonValueKind.Object || !context.Data.TryGetProperty(field.Name, out var value)
                || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()))
                violations.Add(new(path, $"Cần nhập {label.ToLowerInvariant()} để '{context.Transition.DisplayName}'."));
            else if ((field.Name.EndsWith("Date", StringComparison.Ordinal) || field.Name.EndsWith("On", StringComparison.Ordinal))
                     && (value.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _)))
                violations.Add(new(path, $"{label} phải là ngày theo dạng yyyy-MM-dd."));
            else if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 256)
                violations.Add(new(path, $"{label} dài quá 256 ký tự."));
        }
        return Task.FromResult(violations.Count == 0 ? GuardOutcome.Pass : new GuardOutcome(violations));
    }
}
