using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Admin.GetAssignments;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin.SetAssignments;

/// <summary>The body of <c>PUT /api/admin/units/{code}/assignments</c>: the agency of each part, from <c>validFrom</c> on.</summary>
public sealed record SetAssignmentsRequest(DateOnly? ValidFrom, string? Appraiser, string? Approver, string? Treasury);

/// <summary>
/// Sets the three parts of a unit from a day on. A part whose agency stays the same is left alone; one already
/// assigned from that very day is corrected; otherwise a new assignment is added and the earlier one stays as
/// history. No part may be set from a day earlier than its latest assignment. All three are checked before any
/// is written, and the change is journaled as one <c>assign</c> entry.
/// </summary>
public sealed record SetAssignmentsCommand(string Code, DateOnly? ValidFrom, string? Appraiser, string? Approver, string? Treasury)
    : IRequest<UnitAssignmentsView>
{
    public string? AgencyOf(UnitPart part) => part switch
    {
        UnitPart.Appraiser => Appraiser,
        UnitPart.Approver => Approver,
        _ => Treasury,
    };

    public static string PathOf(UnitPart part) => part switch
    {
        UnitPart.Appraiser => "appraiser",
        UnitPart.Approver => "approver",
        _ => "treasury",
    };
}

public sealed class SetAssignmentsValidator : AbstractValidator<SetAssignmentsCommand>
{
    public SetAssignmentsValidator()
    {
        RuleFor(c => c.ValidFrom).NotNull().WithMessage("Nêu ngày phân công có hiệu lực (validFrom, yyyy-MM-dd).");
        foreach (var part in AdminChanges.Parts)
            RuleFor(c => c.AgencyOf(part)).NotEmpty().OverridePropertyName(SetAssignmentsCommand.PathOf(part))
                .WithMessage($"Chọn cơ quan {UnitAssignment.PartName(part).ToLowerInvariant()} (mã cơ quan).");
    }
}

public sealed class SetAssignmentsHandler(WorkflowDbContext db, AdminScope scope, AdminJournal journal, TimeProvider clock)
    : IRequestHandler<SetAssignmentsCommand, UnitAssignmentsView>
{
    public async Task<UnitAssignmentsView> Handle(SetAssignmentsCommand request, CancellationToken cancellationToken)
    {
        var unit = await scope.UnitAsync(request.Code, cancellationToken);
        var validFrom = request.ValidFrom!.Value;
        if (unit.Level == AdminLevel.National)
            throw new ConflictException("Đơn vị gốc cấp quốc gia không có phân công thẩm định, phê duyệt, kho bạc.", "assignment.root");
        if (!unit.IsOpenOn(validFrom))
            throw new ValidationFailedException("validFrom", $"Đơn vị {unit.Code} không có hiệu lực vào ngày {validFrom:dd/MM/yyyy}.");

        var ancestors = await scope.AncestorsAsync(unit.Code, cancellationToken);
        var violations = new List<Violation>();
        var agencies = new Dictionary<UnitPart, Agency>();
        foreach (var part in AdminChanges.Parts)
        {
            var code = request.AgencyOf(part)!.Trim();
            var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
            // an agency neither in the caller's scope nor above the unit reads as unknown
            if (agency is not null && !ancestors.Contains(agency.UnitCode) && !await scope.ManagesAsync(agency.UnitCode, cancellationToken))
                agency = null;
            if (UnitAssignment.Check(part, SetAssignmentsCommand.PathOf(part), unit, code, agency, ancestors) is { } violation)
                violations.Add(violation);
            else
                agencies[part] = agency!;
        }
        if (violations.Count > 0) throw new ValidationFailedException(violations);

        var rows = await db.UnitAssignments.Where(a => a.UnitCode == unit.Code).ToListAsync(cancellationToken);
        var latest = rows.GroupBy(a => a.Part).ToDictionary(g => g.Key, g => g.MaxBy(a => a.ValidFrom)!);
        var late = latest.Values.Where(a => a.ValidFrom > validFrom).OrderBy(a => a.Part).ToList();
        if (late.Count > 0)
            throw new ConflictException($"Đã có phân công từ ngày sau {validFrom:dd/MM/yyyy}; không ghi phân công lùi ngày.", "assignment.backdated")
            {
                Violations = late.Select(a => new Violation("validFrom",
                    $"{UnitAssignment.PartName(a.Part)}: đã phân công {a.AgencyCode} từ {a.ValidFrom:dd/MM/yyyy}.")).ToList(),
            };

        var before = Snapshot(latest.Values);
        foreach (var part in AdminChanges.Parts)
        {
            var code = agencies[part].Code;
            if (latest.TryGetValue(part, out var current) && current.AgencyCode == code) continue;
            if (current is not null && current.ValidFrom == validFrom)
                current.Reassign(code);
            else
            {
                current = new UnitAssignment(unit.Code, part, code, validFrom);
                db.UnitAssignments.Add(current);
            }
            latest[part] = current;
        }
        var after = Snapshot(latest.Values);

        if (!before.SequenceEqual(after))
        {
            journal.Record(AdminObjectTypes.Assignment, AdminChanges.AssignmentId(unit.Code), unit.Code, "assign", before.Count == 0 ? null : before, after);
            await AdminChanges.SaveAsync(db, $"Phân công của {unit.Code} từ {validFrom:dd/MM/yyyy} vừa được người khác ghi; tải lại rồi thực hiện lại.",
                "assignment.concurrent", cancellationToken, "validFrom");
        }
        return await GetAssignmentsHandler.ViewAsync(db, unit.Code, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private sealed record PartSnapshot(UnitPart Part, string AgencyCode, DateOnly ValidFrom);

    private static List<PartSnapshot> Snapshot(IEnumerable<UnitAssignment> rows) =>
        rows.OrderBy(a => a.Part).Select(a => new PartSnapshot(a.Part, a.AgencyCode, a.ValidFrom)).ToList();
}
