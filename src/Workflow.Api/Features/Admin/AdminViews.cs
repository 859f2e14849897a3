using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin;

/// <summary>A unit as administrators see it; also its snapshot in the journal. <c>kind</c> is given for communes only.</summary>
public sealed record AdminUnitView(string Code, string Name, AdminLevel Level, string LevelName, CommuneKind? Kind, string? KindName,
    string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? SuccessorCode)
{
    public static AdminUnitView Of(AdminUnit u) => new(u.Code, u.Name, u.Level, AdminUnit.LevelName(u.Level),
        u.Level == AdminLevel.Commune ? u.Kind : null, u.Level == AdminLevel.Commune ? AdminUnit.KindName(u.Kind) : null,
        u.ParentCode, u.ValidFrom, u.ValidTo, u.SuccessorCode);
}

/// <summary>An agency as administrators see it; also its snapshot in the journal.</summary>
public sealed record AdminAgencyView(string Code, string Name, AgencyKind Kind, string KindName, string UnitCode)
{
    public static AdminAgencyView Of(Agency a) => new(a.Code, a.Name, a.Kind, Agency.KindName(a.Kind), a.UnitCode);
}

/// <summary>Saving an administration change: a duplicate key that slipped past the check (two requests at once) is a 409.</summary>
internal static class AdminChanges
{
    public static async Task SaveAsync(WorkflowDbContext db, string duplicateMessage, string code, CancellationToken ct, string path = "code")
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(duplicateMessage, code) { Violations = [new(path, duplicateMessage)] };
        }
    }

    /// <summary>The journal's object id of a unit's assignments.</summary>
    public static string AssignmentId(string unitCode) => unitCode;

    public static readonly UnitPart[] Parts = Enum.GetValues<UnitPart>();
}
