using MediatR;

namespace Workflow.Api.Features.Admin.Users.GetUser;

/// <summary>One user of a unit the caller manages, by id; 404 when unknown or outside the scope (the administration pages).</summary>
public sealed record GetAdminUserQuery(Guid Id) : IRequest<AdminUserView>;

public sealed class GetAdminUserHandler(AdminUsers admin) : IRequestHandler<GetAdminUserQuery, AdminUserView>
{
    public async Task<AdminUserView> Handle(GetAdminUserQuery request, CancellationToken cancellationToken) =>
        AdminUserView.Of(await admin.FindAsync(request.Id, cancellationToken));
}
