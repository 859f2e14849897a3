using FluentValidation;
using MediatR;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.RenameUnit;

/// <summary>The body of <c>PUT /api/admin/units/{code}</c>.</summary>
public sealed record RenameUnitRequest(string? Name);

/// <summary>A new name for a unit the caller manages; the code stays. The same name again changes nothing and is not journaled.</summary>
public sealed record RenameUnitCommand(string Code, string? Name) : IRequest<AdminUnitView>;

public sealed class RenameUnitValidator : AbstractValidator<RenameUnitCommand>
{
    public RenameUnitValidator()
    {
        RuleFor(c => c).Custom((c, context) =>
        {
            var v = new List<Violation>();
            AdminUnit.CheckName(c.Name, "name", v);
            foreach (var violation in v) context.AddFailure(violation.Path, violation.Message);
        });
    }
}

public sealed class RenameUnitHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal) : IRequestHandler<RenameUnitCommand, AdminUnitView>
{
    public async Task<AdminUnitView> Handle(RenameUnitCommand request, CancellationToken cancellationToken)
    {
        var unit = await scope.UnitAsync(request.Code, cancellationToken);
        var before = AdminUnitView.Of(unit);
        unit.Rename(request.Name);
        var after = AdminUnitView.Of(unit);
        if (after == before) return after;

        journal.Record(AdminObjectTypes.Unit, unit.Code, unit.Code, "rename", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }
}
