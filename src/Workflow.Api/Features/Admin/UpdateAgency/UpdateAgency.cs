using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.UpdateAgency;

/// <summary>The body of <c>PUT /api/admin/agencies/{code}</c>: the agency's name and kind as they should be.</summary>
public sealed record UpdateAgencyRequest(string? Name, AgencyKind? Kind);

/// <summary>
/// Renames an agency and/or changes its kind. A kind change is refused (409) while the agency plays a part that
/// needs its present kind (an assignment in force) or leads plan lines and the new kind could not lead.
/// </summary>
public sealed record UpdateAgencyCommand(string Code, string? Name, AgencyKind? Kind) : IRequest<AdminAgencyView>;

public sealed class UpdateAgencyValidator : AbstractValidator<UpdateAgencyCommand>
{
    public UpdateAgencyValidator()
    {
        RuleFor(c => c).Custom((c, context) =>
        {
            var v = new List<Violation>();
            AdminUnit.CheckName(c.Name, "name", v);
            if (c.Kind is null || !Enum.IsDefined(c.Kind.Value))
                v.Add(new("kind", $"Chọn loại cơ quan: {string.Join(", ", Enum.GetNames<AgencyKind>())}."));
            foreach (var violation in v) context.AddFailure(violation.Path, violation.Message);
        });
    }
}

public sealed class UpdateAgencyHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal) : IRequestHandler<UpdateAgencyCommand, AdminAgencyView>
{
    public async Task<AdminAgencyView> Handle(UpdateAgencyCommand request, CancellationToken cancellationToken)
    {
        var agency = await scope.AgencyAsync(request.Code, cancellationToken);
        var before = AdminAgencyView.Of(agency);
        var kindChanges = request.Kind != agency.Kind;
        if (kindChanges) await EnsureKindMayChangeAsync(agency, request.Kind!.Value, cancellationToken);

        agency.Rename(request.Name);
        agency.ChangeKind(request.Kind);
        var after = AdminAgencyView.Of(agency);
        if (after == before) return after;

        var renamed = after.Name != before.Name;
        var action = renamed && kindChanges ? "update" : renamed ? "rename" : "change-kind";
        journal.Record(AdminObjectTypes.Agency, agency.Code, agency.UnitCode, action, before, after);
        await db.SaveChangesAsync(cancellationToken);
        return after;
    }

    private async Task EnsureKindMayChangeAsync(Agency agency, AgencyKind kind, CancellationToken ct)
    {
        // the assignments in force: the latest row of each unit and part
        var rows = await db.UnitAssignments.AsNoTracking()
            .Where(a => db.UnitAssignments.Any(x => x.AgencyCode == agency.Code && x.UnitCode == a.UnitCode && x.Part == a.Part))
            .ToListAsync(ct);
        var held = rows.GroupBy(a => (a.UnitCode, a.Part)).Select(g => g.MaxBy(a => a.ValidFrom)!)
            .Where(a => a.AgencyCode == agency.Code && UnitAssignment.ExpectedKind(a.Part) != kind).ToList();
        if (held.Count > 0)
        {
            var parts = string.Join(", ", held.Select(a => $"{UnitAssignment.PartName(a.Part).ToLowerInvariant()} cho {a.UnitCode}"));
            throw new ConflictException($"Cơ quan {agency.Code} đang được phân công {parts}; phân công cơ quan khác trước khi đổi loại.", "agency.assigned")
                { Violations = [new("kind", $"Đang được phân công {parts}.")] };
        }

        var probe = new Agency(agency.Code, agency.Name, kind, agency.UnitCode);
        if (agency.CanLead && !probe.CanLead && await db.PlanLines.AnyAsync(l => l.LeadAgencyCode == agency.Code, ct))
            throw new ConflictException($"Cơ quan {agency.Code} đang chủ trì dòng kế hoạch; loại {Agency.KindName(kind)} không được chủ trì.", "agency.leads")
                { Violations = [new("kind", "Cơ quan đang chủ trì dòng kế hoạch.")] };
    }
}
