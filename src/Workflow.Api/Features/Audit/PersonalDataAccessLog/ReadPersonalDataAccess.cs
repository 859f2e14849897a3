using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Audit.PersonalDataAccessLog;

/// <summary>
/// The personal-data access log (<c>GET /api/audit/personal-data-access</c>, page <c>/nhat-ky/du-lieu-ca-nhan</c>): every
/// opening of a file marked as personal data, served or refused, newest first, for the administrator and the Monitor,
/// of the dossiers in the units below their own.
/// </summary>
/// <param name="User">A login name: only that person's openings.</param>
public sealed record ReadPersonalDataAccessQuery(DateTimeOffset? From, DateTimeOffset? To, string? User, int Page = 1) : IRequest<PersonalDataAccessPage>
{
    public const int PageSize = 50;
}

/// <param name="UserDisplayName">Full name and position, as people read it.</param>
/// <param name="UnitCode">The dossier's unit.</param>
/// <param name="Route">How the file was asked for: the API or the dossier page's link.</param>
/// <param name="Outcome"><c>served</c>, <c>refused</c> (no need to know) or <c>gone</c> (removed under the retention policy).</param>
public sealed record PersonalDataAccessView(Guid Id, DateTimeOffset At, string UserName, string UserDisplayName, string Roles, string UnitCode,
    string Sha256, string FileName, string SubjectType, Guid SubjectId, string Route, string Outcome);

public sealed record PersonalDataAccessPage(int Page, int PageSize, int Total, IReadOnlyList<PersonalDataAccessView> Items);

public sealed class ReadPersonalDataAccessHandler(WorkflowDbContext db, AdminScope scope) : IRequestHandler<ReadPersonalDataAccessQuery, PersonalDataAccessPage>
{
    public async Task<PersonalDataAccessPage> Handle(ReadPersonalDataAccessQuery request, CancellationToken cancellationToken)
    {
        var units = (await scope.ManagedUnitsAsync(cancellationToken)).ToList();
        var entries = db.PersonalDataAccesses.AsNoTracking().Where(e => units.Contains(e.UnitCode));
        if (!string.IsNullOrWhiteSpace(request.User))
        {
            var user = request.User.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.UserName == user);
        }
        if (request.From is { } from) entries = entries.Where(e => e.At >= from);
        if (request.To is { } to) entries = entries.Where(e => e.At <= to);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(ListPaging.Offset(request.Page, ReadPersonalDataAccessQuery.PageSize)).Take(ReadPersonalDataAccessQuery.PageSize)
            .ToListAsync(cancellationToken);
        var people = await Workflows.History.PeopleNames.OfAsync(db, page.Select(e => e.UserName), cancellationToken);
        return new PersonalDataAccessPage(request.Page, ReadPersonalDataAccessQuery.PageSize, total, page
            .Select(e => new PersonalDataAccessView(e.Id, e.At, e.UserName, people.GetValueOrDefault(e.UserName, e.UserName), e.Roles, e.UnitCode,
                e.Sha256, e.FileName, e.SubjectType, e.SubjectId, e.Route, e.Outcome))
            .ToList());
    }
}
