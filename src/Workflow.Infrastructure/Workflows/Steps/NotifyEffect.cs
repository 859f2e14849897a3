using System.Text.Json;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Workflows.Steps;

/// <summary><c>{"effect":"notify","args":{"roles":["LeadAgency"],"message":"…"}}</c>: tells these roles of the subject's unit (the lead agency: its own officers).</summary>
public sealed class NotifyEffect : IWorkflowEffect
{
    public string Name => "notify";

    public IEnumerable<Violation> ValidateArgs(JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Object) { yield return new("", "notify needs roles and message"); yield break; }
        if (!args.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array || roles.GetArrayLength() == 0)
            yield return new("roles", "name the roles to notify");
        else
            foreach (var (role, i) in roles.EnumerateArray().Select((r, i) => (r, i)))
                if (role.ValueKind != JsonValueKind.String || !Roles.IsKnown(role.GetString()!))
                    yield return new($"roles[{i}]", $"unknown role {role}");
        if (!args.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String || message.GetString()!.Length == 0)
            yield return new("message", "give the message text (Vietnamese)");
    }

    public Task ApplyAsync(TransitionContext context, JsonElement args, CancellationToken ct)
    {
        var roles = args.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList();
        var instance = context.Instance;
        context.Publish(new NotificationRequested(instance.Id, instance.SubjectType, instance.SubjectId, roles,
            instance.UnitCode, instance.AgencyCode, args.GetProperty("message").GetString()!));
        return Task.CompletedTask;
    }
}
