using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Workflows.History;

/// <summary>The journal of a subject's workflow: who did what, when, with which comment and data.</summary>
public sealed record GetHistoryQuery(string SubjectType, Guid SubjectId) : IRequest<IReadOnlyList<HistoryEntry>>;

public sealed record GetInstanceHistoryQuery(Guid InstanceId) : IRequest<IReadOnlyList<HistoryEntry>>;

/// <param name="Actor">The login name of who acted.</param>
/// <param name="ActorName">Their full name and position, as people read the history ("Hệ thống" for the system).</param>
/// <param name="OnBehalfOf">The login name of the colleague the actor stood in for under a delegation ("B thay mặt A": A), or null.</param>
/// <param name="OnBehalfOfName">That colleague's full name and position.</param>
public sealed record HistoryEntry(
    int Sequence, DateTimeOffset At, string Actor, string ActorName, string Role, string AgencyCode, string? From, string? FromName,
    string Action, string ActionName, string To, string ToName, string? Comment, JsonElement Data, string DataHash, string Hash,
    string? OnBehalfOf = null, string? OnBehalfOfName = null);

public sealed class GetHistoryHandler(WorkflowDbContext db, DefinitionCatalog catalog, InstanceAccess access)
    : IRequestHandler<GetHistoryQuery, IReadOnlyList<HistoryEntry>>, IRequestHandler<GetInstanceHistoryQuery, IReadOnlyList<HistoryEntry>>
{
    public async Task<IReadOnlyList<HistoryEntry>> Handle(GetHistoryQuery request, CancellationToken cancellationToken) =>
        await HistoryOf(await access.FindBySubjectAsync(request.SubjectType, request.SubjectId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<HistoryEntry>> Handle(GetInstanceHistoryQuery request, CancellationToken cancellationToken) =>
        await HistoryOf(await access.FindAsync(request.InstanceId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<HistoryEntry>> HistoryOf(Domain.Workflows.WorkflowInstance instance, CancellationToken ct)
    {
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var entries = await db.Journal.AsNoTracking().Where(e => e.InstanceId == instance.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var people = await PeopleNames.OfAsync(db, entries.Select(e => e.ActorName).Concat(entries.Where(e => e.OnBehalfOfName != null).Select(e => e.OnBehalfOfName!)), ct);
        return entries.Select(e => new HistoryEntry(
            e.Sequence, e.At, e.ActorName, people.GetValueOrDefault(e.ActorName, e.ActorName), e.Role, e.AgencyCode,
            e.FromState, e.FromState is null ? null : definition.FindState(e.FromState)?.DisplayName,
            e.Action, e.Action == Domain.Opening.OpeningPosition.Action ? "Số dư đầu kỳ" : e.Action == Domain.Files.DossierFile.AttachAction ? "Đính kèm tệp" : e.FromState is null ? "Khởi tạo" : definition.Find(e.FromState, e.Action)?.DisplayName ?? e.Action,
            e.ToState, definition.FindState(e.ToState)?.DisplayName ?? e.ToState,
            e.Comment, JsonDocument.Parse(e.Data).RootElement.Clone(), e.DataHash, e.Hash,
            e.OnBehalfOfName, e.OnBehalfOfName is null ? null : people.GetValueOrDefault(e.OnBehalfOfName, e.OnBehalfOfName))).ToList();
    }
}

/// <summary>People as they are shown where they acted: full name and position instead of the login name.</summary>
public static class PeopleNames
{
    public static async Task<Dictionary<string, string>> OfAsync(WorkflowDbContext db, IEnumerable<string> userNames, CancellationToken ct)
    {
        var names = userNames.Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName, u.Position }).ToListAsync(ct);
        var result = users.ToDictionary(u => u.UserName!, u => string.IsNullOrEmpty(u.Position) ? u.DisplayName : $"{u.DisplayName} ({u.Position})");
        result[Domain.Workflows.Actor.System.UserName] = "Hệ thống";
        return result;
    }
}
