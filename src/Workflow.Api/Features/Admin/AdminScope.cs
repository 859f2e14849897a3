using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Admin;

/// <summary>
/// What an administrator manages: the unit they belong to (the <c>unit</c> claim) and every unit below it, found
/// by walking <see cref="AdminUnit.ParentCode"/>; a national administrator belongs to the root <c>VN</c> and so
/// manages every unit. The one place the administration features check scope. Objects outside it answer 404
/// exactly like unknown codes, so another province's units and agencies are not even confirmed to exist; codes
/// named in a request body that are outside it are treated as unknown (400 at that field).
/// </summary>
public sealed class AdminScope(WorkflowDbContext db, ICurrentUser user)
{
    private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);
    private HashSet<string>? _managed;

    /// <summary>The unit the caller belongs to: the top of what they manage.</summary>
    public string RootUnitCode => user.UnitCode;

    /// <summary>Whether <paramref name="unitCode"/> is the caller's unit or lies below it.</summary>
    public async Task<bool> ManagesAsync(string unitCode, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(unitCode) || string.IsNullOrEmpty(user.UnitCode)) return false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? code = unitCode; code is not null && seen.Add(code); code = await ParentOfAsync(code, ct))
        {
            if (code == user.UnitCode) return true;
        }
        return false;
    }

    /// <summary>Throws <see cref="NotFoundException"/> (404, like an unknown code) unless the caller manages <paramref name="unitCode"/>.</summary>
    public async Task EnsureManagesAsync(string unitCode, string notFoundMessage, CancellationToken ct = default)
    {
        if (!await ManagesAsync(unitCode, ct)) throw new NotFoundException(notFoundMessage);
    }

    /// <summary>A unit the caller manages, tracked for changing; 404 when unknown or outside the scope.</summary>
    public async Task<AdminUnit> UnitAsync(string code, CancellationToken ct = default)
    {
        var message = $"Không tìm thấy đơn vị {code}.";
        await EnsureManagesAsync(code, message, ct);
        return await db.AdminUnits.SingleOrDefaultAsync(u => u.Code == code, ct) ?? throw new NotFoundException(message);
    }

    /// <summary>An agency of a unit the caller manages, tracked for changing; 404 when unknown or outside the scope.</summary>
    public async Task<Agency> AgencyAsync(string code, CancellationToken ct = default)
    {
        var message = $"Không tìm thấy cơ quan {code}.";
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, ct) ?? throw new NotFoundException(message);
        await EnsureManagesAsync(agency.UnitCode, message, ct);
        return agency;
    }

    /// <summary>A unit named in a request body: null when unknown or outside the scope, so both read the same.</summary>
    public async Task<AdminUnit?> FindManagedUnitAsync(string? code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        code = code.Trim();
        return await ManagesAsync(code, ct) ? await db.AdminUnits.SingleOrDefaultAsync(u => u.Code == code, ct) : null;
    }

    /// <summary>The codes of the units above <paramref name="unitCode"/>, nearest first (whether or not the caller manages them).</summary>
    public async Task<IReadOnlyList<string>> AncestorsAsync(string unitCode, CancellationToken ct = default)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { unitCode };
        for (var code = await ParentOfAsync(unitCode, ct); code is not null && seen.Add(code); code = await ParentOfAsync(code, ct))
            result.Add(code);
        return result;
    }

    /// <summary>Every unit the caller manages: their own and all below it.</summary>
    public async Task<IReadOnlySet<string>> ManagedUnitsAsync(CancellationToken ct = default) =>
        _managed ??= await SubtreeAsync(user.UnitCode, ct);

    /// <summary><paramref name="unitCode"/> and every unit below it (empty when the code is unknown).</summary>
    public async Task<HashSet<string>> SubtreeAsync(string unitCode, CancellationToken ct = default)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(unitCode) || !await db.AdminUnits.AnyAsync(u => u.Code == unitCode, ct)) return all;
        all.Add(unitCode);
        var frontier = new List<string> { unitCode };
        while (frontier.Count > 0)
        {
            var parents = frontier;
            var children = await db.AdminUnits.AsNoTracking().Where(u => u.ParentCode != null && parents.Contains(u.ParentCode))
                .Select(u => u.Code).ToListAsync(ct);
            frontier = children.Where(all.Add).ToList();
        }
        return all;
    }

    private async Task<string?> ParentOfAsync(string code, CancellationToken ct)
    {
        if (_parents.TryGetValue(code, out var parent)) return parent;
        parent = await db.AdminUnits.AsNoTracking().Where(u => u.Code == code).Select(u => u.ParentCode).SingleOrDefaultAsync(ct);
        _parents[code] = parent;
        return parent;
    }
}
