using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.CreateAgency;

/// <summary>A new agency of a unit the caller manages; its code is unique across the country.</summary>
public sealed record CreateAgencyCommand(string? Code, string? Name, AgencyKind? Kind, string? UnitCode) : IRequest<AdminAgencyView>;

public sealed class CreateAgencyValidator : AbstractValidator<CreateAgencyCommand>
{
    public CreateAgencyValidator()
    {
        RuleFor(c => c).Custom((c, context) =>
        {
            var v = new List<Violation>();
            AdminUnit.CheckCode(c.Code, "code", v);
            AdminUnit.CheckName(c.Name, "name", v);
            if (c.Kind is null || !Enum.IsDefined(c.Kind.Value))
                v.Add(new("kind", $"Chọn loại cơ quan: {string.Join(", ", Enum.GetNames<AgencyKind>())}."));
            if (string.IsNullOrWhiteSpace(c.UnitCode))
                v.Add(new("unitCode", "Chọn đơn vị của cơ quan (unitCode)."));
            foreach (var violation in v) context.AddFailure(violation.Path, violation.Message);
        });
    }
}

public sealed class CreateAgencyHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal, TimeProvider clock)
    : IRequestHandler<CreateAgencyCommand, AdminAgencyView>
{
    public async Task<AdminAgencyView> Handle(CreateAgencyCommand request, CancellationToken cancellationToken)
    {
        var unit = await scope.FindManagedUnitAsync(request.UnitCode, cancellationToken)
            ?? throw new ValidationFailedException("unitCode", $"Không có đơn vị {request.UnitCode} trong phạm vi quản lý của bạn.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (unit.ValidTo is { } end && end < today)
            throw new ValidationFailedException("unitCode", $"Đơn vị {unit.Code} đã hết hiệu lực từ sau {end:dd/MM/yyyy}; không thêm cơ quan mới.");

        var agency = Agency.Create(request.Code, request.Name, request.Kind, unit.Code);
        var duplicate = $"Mã cơ quan {agency.Code} đã được dùng.";
        if (await db.Agencies.AnyAsync(a => a.Code == agency.Code, cancellationToken))
            throw new ConflictException(duplicate, "agency.duplicate") { Violations = [new("code", duplicate)] };

        db.Agencies.Add(agency);
        var view = AdminAgencyView.Of(agency);
        journal.Record(AdminObjectTypes.Agency, agency.Code, agency.UnitCode, "create", null, view);
        await AdminChanges.SaveAsync(db, duplicate, "agency.duplicate", cancellationToken);
        return view;
    }
}
