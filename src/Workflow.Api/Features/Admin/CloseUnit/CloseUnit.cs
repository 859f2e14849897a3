using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.CloseUnit;

/// <summary>The body of <c>POST /api/admin/units/{code}/close</c>.</summary>
public sealed record CloseUnitRequest(DateOnly? ValidTo, string? SuccessorCode);

/// <summary>
/// Closes a unit on its last day; a unit merged into another (as on 1/7/2025) names its successor. The unit stays as
/// history. Units below it must be closed first (on or before that day).
/// </summary>
public sealed record CloseUnitCommand(string Code, DateOnly? ValidTo, string? SuccessorCode) : IRequest<AdminUnitView>;

public sealed class CloseUnitValidator : AbstractValidator<CloseUnitCommand>
{
    public CloseUnitValidator()
    {
        RuleFor(c => c.ValidTo).NotNull().WithMessage("Nêu ngày cuối cùng đơn vị còn hiệu lực (validTo, yyyy-MM-dd).");
    }
}

public sealed class CloseUnitHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal) : IRequestHandler<CloseUnitCommand, AdminUnitView>
{
    public async Task<AdminUnitView> Handle(CloseUnitCommand request, CancellationToken cancellationToken)
    {
        var unit = await scope.UnitAsync(request.Code, cancellationToken);
        var before = AdminUnitView.Of(unit);
        var successor = await scope.FindManagedUnitAsync(request.SuccessorCode, cancellationToken);

        var lastDay = request.ValidTo!.Value;
        var openChildren = await db.AdminUnits.AsNoTracking()
            .Where(u => u.ParentCode == unit.Code && (u.ValidTo == null || u.ValidTo > lastDay))
            .OrderBy(u => u.Code).Select(u => u.Code).ToListAsync(cancellationToken);
        if (openChildren.Count > 0 && !unit.IsClosed)
            throw new ConflictException(
                $"Đơn vị {unit.Code} còn {openChildren.Count} đơn vị trực thuộc hiệu lực sau {lastDay:dd/MM/yyyy} ({string.Join(", ", openChildren.Take(10))}{(openChildren.Count > 10 ? ", …" : "")}): giải thể hoặc sáp nhập chúng trước.",
                "unit.children-open") { Violations = [new("validTo", "Còn đơn vị trực thuộc đang hiệu lực.")] };

        unit.Close(request.ValidTo, successor, request.SuccessorCode);
        var after = AdminUnitView.Of(unit);
        journal.Record(AdminObjectTypes.Unit, unit.Code, unit.Code, "close", before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }
}
