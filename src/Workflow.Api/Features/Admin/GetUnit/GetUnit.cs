using MediatR;

namespace Workflow.Api.Features.Admin.GetUnit;

/// <summary>One unit the caller manages; 404 when unknown or outside their scope.</summary>
public sealed record GetAdminUnitQuery(string Code) : IRequest<AdminUnitView>;

public sealed class GetAdminUnitHandler(AdminScope scope) : IRequestHandler<GetAdminUnitQuery, AdminUnitView>
{
    public async Task<AdminUnitView> Handle(GetAdminUnitQuery request, CancellationToken cancellationToken) =>
        AdminUnitView.Of(await scope.UnitAsync(request.Code, cancellationToken));
}
