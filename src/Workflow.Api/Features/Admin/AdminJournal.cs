using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Api.Common;
using Workflow.Domain.Administration;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin;

/// <summary>
/// The one writer of the administration journal (<see cref="AdminJournalEntry"/>, table <c>admin_journal</c>).
/// </summary>
/// <remarks>
/// Call <see cref="Record"/> in the same request as the change and before its <c>SaveChangesAsync</c>: the entry is
/// added to the same <see cref="WorkflowDbContext"/>, so the change and its entry commit together or not at all.
/// <c>before</c> and <c>after</c> are serialized to JSON when <see cref="Record"/> is called (camelCase, enums by
/// name), so pass a snapshot (a view record) taken before changing the object, and one after; null before a
/// creation or after a deletion. The actor is the signed-in user.
/// </remarks>
public sealed class AdminJournal(WorkflowDbContext db, ICurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="objectType">What changed: <see cref="AdminObjectTypes"/> (<c>Unit</c>, <c>Agency</c>, <c>Assignment</c>, <c>User</c>).</param>
    /// <param name="objectId">Its code or id.</param>
    /// <param name="unitCode">The unit the change concerns; who manages that unit (or a unit above it) may read the entry.</param>
    /// <param name="action">What was done, lower-case: <c>create</c>, <c>rename</c>, <c>close</c>, <c>update</c>, <c>assign</c>, …</param>
    /// <param name="before">The object before the change, or null.</param>
    /// <param name="after">The object after the change, or null.</param>
    public void Record(string objectType, string objectId, string unitCode, string action, object? before, object? after) =>
        db.AdminJournal.Add(new AdminJournalEntry(Guid.NewGuid(), clock.GetUtcNow(), user.Id, user.UserName, unitCode, objectType, objectId,
            action, ToJson(before), ToJson(after)));

    /// <summary>A change the system made on its own (a report opened as it came due): journaled as <c>system</c>.</summary>
    public void RecordBySystem(string objectType, string objectId, string unitCode, string action, object? before, object? after) =>
        db.AdminJournal.Add(new AdminJournalEntry(Guid.NewGuid(), clock.GetUtcNow(), Domain.Workflows.Actor.System.Id, Domain.Workflows.Actor.System.UserName, unitCode,
            objectType, objectId, action, ToJson(before), ToJson(after)));

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);
}
