using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.CreateUnit;

/// <summary>
/// A new unit under one the caller manages: a province under the root (national administrators), a commune (xã,
/// phường, đặc khu) under a province, or, as history, a district under a province or a commune under a district.
/// </summary>
public sealed record CreateUnitCommand(string? Code, string? Name, AdminLevel? Level, CommuneKind? Kind, string? ParentCode,
    DateOnly? ValidFrom, DateOnly? ValidTo) : IRequest<AdminUnitView>;

/// <summary>What can be checked without the database; the domain checks the same and the parent (<see cref="AdminUnit.Create"/>).</summary>
public sealed class CreateUnitValidator : AbstractValidator<CreateUnitCommand>
{
    public CreateUnitValidator()
    {
        RuleFor(c => c).Custom((c, context) =>
        {
            var v = new List<Violation>();
            AdminUnit.CheckCode(c.Code, "code", v);
            AdminUnit.CheckName(c.Name, "name", v);
            if (c.Level is null || !Enum.IsDefined(c.Level.Value))
                v.Add(new("level", "Chọn cấp hành chính: Province, District (chỉ để ghi lịch sử) hoặc Commune."));
            if (c.ValidFrom is { } from && c.ValidTo is { } to && from > to)
                v.Add(new("validTo", $"Ngày hết hiệu lực {to:dd/MM/yyyy} trước ngày có hiệu lực {from:dd/MM/yyyy}."));
            foreach (var violation in v) context.AddFailure(violation.Path, violation.Message);
        });
    }
}

public sealed class CreateUnitHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal) : IRequestHandler<CreateUnitCommand, AdminUnitView>
{
    public async Task<AdminUnitView> Handle(CreateUnitCommand request, CancellationToken cancellationToken)
    {
        var parent = await scope.FindManagedUnitAsync(request.ParentCode, cancellationToken);
        var unit = AdminUnit.Create(request.Code, request.Name, request.Level, request.Kind, request.ParentCode?.Trim(), parent, request.ValidFrom, request.ValidTo);

        var duplicate = $"Mã đơn vị {unit.Code} đã được dùng.";
        if (await db.AdminUnits.AnyAsync(u => u.Code == unit.Code, cancellationToken))
            throw new ConflictException(duplicate, "unit.duplicate") { Violations = [new("code", duplicate)] };

        db.AdminUnits.Add(unit);
        var view = AdminUnitView.Of(unit);
        journal.Record(AdminObjectTypes.Unit, unit.Code, unit.Code, "create", null, view);
        await AdminChanges.SaveAsync(db, duplicate, "unit.duplicate", cancellationToken);
        return view;
    }
}
