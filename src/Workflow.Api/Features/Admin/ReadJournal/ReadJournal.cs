using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Infrastructure.Persistence;
using Workflow.Api.Common;

namespace Workflow.Api.Features.Admin.ReadJournal;

/// <summary>
/// The administration journal of the units within the caller's unit (administrators and monitors), newest first,
/// <see cref="PageSize"/> entries a page. <c>Unit</c> narrows to one unit and those below it; <c>Actor</c> is a user
/// name or a user id; <c>From</c> and <c>To</c> are inclusive bounds on the moment.
/// </summary>
public sealed record ReadAdminJournalQuery(string? ObjectType, string? ObjectId, string? Unit, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Page)
    : IRequest<AdminJournalPage>
{
    public const int PageSize = 50;
}

/// <param name="ActorName">The login name of who made the change.</param>
/// <param name="ActorDisplayName">Their full name and position, as people read the journal.</param>
public sealed record AdminJournalEntryView(Guid Id, DateTimeOffset At, Guid ActorId, string ActorName, string ActorDisplayName, string UnitCode, string ObjectType,
    string ObjectId, string Action, string? Before, string? After);

/// <param name="Total">Entries matching the filter, on every page.</param>
public sealed record AdminJournalPage(int Page, int PageSize, int Total, IReadOnlyList<AdminJournalEntryView> Items);

public sealed class ReadAdminJournalValidator : AbstractValidator<ReadAdminJournalQuery>
{
    private static readonly string[] ObjectTypes = [.. AdminObjectTypes.All];

    public ReadAdminJournalValidator()
    {
        RuleFor(q => q.ObjectType).Must(t => string.IsNullOrWhiteSpace(t) || ObjectTypes.Contains(t))
            .WithMessage($"Loại đối tượng là một trong: {string.Join(", ", ObjectTypes)}.");
        RuleFor(q => q.Page).InclusiveBetween(1, 1_000_000).WithMessage("Trang là số từ 1 đến 1.000.000.");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("'to' phải không trước 'from'.");
    }
}

public sealed class ReadAdminJournalHandler(WorkflowDbContext db, AdminScope scope) : IRequestHandler<ReadAdminJournalQuery, AdminJournalPage>
{
    public async Task<AdminJournalPage> Handle(ReadAdminJournalQuery request, CancellationToken cancellationToken)
    {
        IEnumerable<string> units = await scope.ManagedUnitsAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.Unit))
            units = units.Intersect(await scope.SubtreeAsync(request.Unit.Trim(), cancellationToken));
        var unitList = units.ToList();

        var entries = db.AdminJournal.AsNoTracking().Where(e => unitList.Contains(e.UnitCode));
        if (!string.IsNullOrWhiteSpace(request.ObjectType)) entries = entries.Where(e => e.ObjectType == request.ObjectType);
        if (!string.IsNullOrWhiteSpace(request.ObjectId)) entries = entries.Where(e => e.ObjectId == request.ObjectId.Trim());
        if (!string.IsNullOrWhiteSpace(request.Actor))
        {
            var actor = request.Actor.Trim();
            entries = Guid.TryParse(actor, out var actorId)
                ? entries.Where(e => e.ActorId == actorId)
                : entries.Where(e => e.ActorName == actor.ToLowerInvariant());
        }
        if (request.From is { } from) entries = entries.Where(e => e.At >= from);
        if (request.To is { } to) entries = entries.Where(e => e.At <= to);

        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(ListPaging.Offset(request.Page, ReadAdminJournalQuery.PageSize)).Take(ReadAdminJournalQuery.PageSize)
            .ToListAsync(cancellationToken);
        var people = await Workflows.History.PeopleNames.OfAsync(db, page.Select(e => e.ActorName), cancellationToken);
        return new AdminJournalPage(request.Page, ReadAdminJournalQuery.PageSize, total, page
            .Select(e => new AdminJournalEntryView(e.Id, e.At, e.ActorId, e.ActorName, people.GetValueOrDefault(e.ActorName, e.ActorName), e.UnitCode,
                e.ObjectType, e.ObjectId, e.Action, e.Before, e.After))
            .ToList());
    }
}
