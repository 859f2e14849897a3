using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Persistence;
using Workflow.Api.Common;

namespace Workflow.Api.Features.Admin.Users.ListUsers;

/// <summary>The users of the units the caller manages, filtered; <c>userName</c> matches exactly (to find an id), <c>q</c> a part of the name.</summary>
public sealed record ListUsersQuery(string? UserName, string? Q, string? Unit, string? Agency, string? Role, bool? Active, int Page = 1) : IRequest<UserPage>;

public sealed record UserPage(IReadOnlyList<AdminUserView> Items, int Page, int PageSize, int Total);

public sealed class ListUsersHandler(WorkflowDbContext db, AdminScope scope) : IRequestHandler<ListUsersQuery, UserPage>
{
    private const int PageSize = 50;

    public async Task<UserPage> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var units = (await scope.ManagedUnitsAsync(cancellationToken)).ToList();
        var query = db.Users.AsNoTracking().Where(u => units.Contains(u.UnitCode));
        if (!string.IsNullOrWhiteSpace(request.UserName)) query = query.Where(u => u.UserName == Infrastructure.Identity.User.NormalizeName(request.UserName));
        if (!string.IsNullOrWhiteSpace(request.Q)) query = query.Where(u => u.UserName!.Contains(request.Q.Trim().ToLower()) || u.DisplayName.Contains(request.Q.Trim()));
        if (!string.IsNullOrWhiteSpace(request.Unit)) query = query.Where(u => u.UnitCode == request.Unit);
        if (!string.IsNullOrWhiteSpace(request.Agency)) query = query.Where(u => u.AgencyCode == request.Agency);
        if (!string.IsNullOrWhiteSpace(request.Role)) query = query.Where(u => ("," + u.RoleNames + ",").Contains("," + request.Role + ","));
        if (request.Active is { } active) query = query.Where(u => u.IsActive == active);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, request.Page);
        var rows = await query.OrderBy(u => u.UnitCode).ThenBy(u => u.UserName).Skip(ListPaging.Offset(page, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        return new UserPage(rows.Select(AdminUserView.Of).ToList(), page, PageSize, total);
    }
}
