using MediatR;
using Workflow.Api.Common;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Attachments.PurgePersonalData;

/// <summary>
/// Removes the content of personal-data files past their retention period (<c>POST /api/admin/personal-data/purge</c>,
/// the same as the <c>purge-personal-data</c> command); <paramref name="DryRun"/> only lists them. The administrator is
/// named on each tombstone and in the administration journal.
/// </summary>
public sealed record PurgeExpiredPersonalDataCommand(bool DryRun) : IRequest<PurgeReport>;

public sealed class PurgeExpiredPersonalDataHandler(PersonalDataRetention retention, ICurrentUser user, WorkflowDbContext db)
    : IRequestHandler<PurgeExpiredPersonalDataCommand, PurgeReport>
{
    /// <summary>A province's administrator purges the files of the province and its communes; the national administrator, every unit's.</summary>
    public async Task<PurgeReport> Handle(PurgeExpiredPersonalDataCommand request, CancellationToken cancellationToken)
    {
        var scope = user.SeesEveryUnit() ? null : (await ReferenceSnapshot.OfAsync(db, cancellationToken)).UnitAndBelow(user.UnitCode);
        return await retention.PurgeAsync(user.Id, user.UserName, request.DryRun, cancellationToken, scope);
    }
}
