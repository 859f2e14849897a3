using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;
using Workflow.Domain.Policies;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// The database's one-row mark of its reference data — units, agencies, their assignments, the province policies and
/// who is named substitute in a delegation.
/// Every save that changes any of them writes a new mark in the same transaction (<see cref="WorkflowDbContext"/>), so
/// a server that still holds the old mark knows its copy is stale, whichever server made the change.
/// </summary>
public sealed class ReferenceDataStamp
{
    public const int SingletonId = 1;

    /// <summary>The value the migration seeds: no change made since the database was created.</summary>
    public static readonly Guid Initial = Guid.Empty;

    public ReferenceDataStamp(int id, Guid value)
    {
        Id = id;
        Value = value;
    }

    public int Id { get; private set; }
    public Guid Value { get; private set; }

    /// <summary>The entity types whose rows the snapshot copies.</summary>
    internal static bool Covers(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && entry.Entity is AdminUnit or Agency or UnitAssignment or ProvincePolicy or Delegation;
}

/// <summary>
/// The reference data every firing consults — who plays each part for a unit, the province above it, the policy in
/// force — read once per change instead of several queries per request. A unit of work checks the database's
/// <see cref="ReferenceDataStamp"/> once (one indexed row) and reuses this process's copy while the mark is the same.
/// The objects are shared between requests: read them, never attach or change them.
/// </summary>
public sealed class ReferenceSnapshot
{
    /// <summary>One copy per database (tests run many databases in one process).</summary>
    private static readonly ConcurrentDictionary<string, ReferenceSnapshot> Copies = new(StringComparer.Ordinal);

    private ReferenceSnapshot(Guid stamp, List<AdminUnit> units, List<ProvincePolicy> policies, List<Assignment> assignments, List<Guid> substitutes)
    {
        Stamp = stamp;
        Units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        ChildrenOf = units.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!, u => u.Code, StringComparer.Ordinal);
        PoliciesByProvince = policies.ToLookup(p => p.ProvinceCode, StringComparer.Ordinal);
        PolicyVersions = policies.ToDictionary(p => p.Id);
        AssignmentsByUnit = assignments.ToLookup(a => a.UnitCode, StringComparer.Ordinal);
        Substitutes = substitutes.ToHashSet();
    }

    public Guid Stamp { get; }
    public IReadOnlyDictionary<string, AdminUnit> Units { get; }
    public ILookup<string, ProvincePolicy> PoliciesByProvince { get; }

    /// <summary>
    /// The people named substitute in a delegation not revoked (in force or not): everyone else acts with no mandate, and
    /// their firings skip the delegation query (<see cref="Workflows.DelegationQueries"/>). Delegations are made a few
    /// times a day; each one renews the copy on every server.
    /// </summary>
    public IReadOnlySet<Guid> Substitutes { get; }

    /// <summary>Every version by its id: a version is never changed once recorded, a new one is a new row.</summary>
    public IReadOnlyDictionary<int, ProvincePolicy> PolicyVersions { get; }

    /// <summary>The codes of the units directly under each unit.</summary>
    public ILookup<string, string> ChildrenOf { get; }

    /// <summary>A unit and every unit below it, at any depth.</summary>
    public HashSet<string> UnitAndBelow(string code)
    {
        var found = new HashSet<string>(StringComparer.Ordinal) { code };
        var next = new Queue<string>([code]);
        while (next.TryDequeue(out var parent))
            foreach (var child in ChildrenOf[parent])
                if (found.Add(child)) next.Enqueue(child);
        return found;
    }
    public ILookup<string, Assignment> AssignmentsByUnit { get; }

    /// <summary>An assignment with the unit of the agency it names (a regional treasury sits in the province).</summary>
    public sealed record Assignment(string UnitCode, UnitPart Part, DateOnly ValidFrom, string AgencyCode, string AgencyUnitCode);

    /// <summary>The copy that matches the database now; read at most once per unit of work.</summary>
    public static async Task<ReferenceSnapshot> OfAsync(WorkflowDbContext db, CancellationToken ct)
    {
        if (db.ReferenceDataSeen is { } seen) return seen;
        var stamp = await db.ReferenceDataStamps.AsNoTracking().Where(s => s.Id == ReferenceDataStamp.SingletonId)
            .Select(s => (Guid?)s.Value).SingleOrDefaultAsync(ct) ?? ReferenceDataStamp.Initial;
        var key = db.Database.GetConnectionString() ?? "";
        if (!Copies.TryGetValue(key, out var copy) || copy.Stamp != stamp)
        {
            // read after the mark: a change committed in between leaves newer rows under the older mark, and the next
            // unit of work, seeing the newer mark, reads them again
            copy = new ReferenceSnapshot(stamp,
                await db.AdminUnits.AsNoTracking().ToListAsync(ct),
                await db.ProvincePolicies.AsNoTracking().ToListAsync(ct),
                await (from a in db.UnitAssignments.AsNoTracking()
                       join agency in db.Agencies.AsNoTracking() on a.AgencyCode equals agency.Code
                       select new Assignment(a.UnitCode, a.Part, a.ValidFrom, a.AgencyCode, agency.UnitCode)).ToListAsync(ct),
                await db.Delegations.AsNoTracking().Where(d => d.RevokedAt == null).Select(d => d.SubstituteId).Distinct().ToListAsync(ct));
            Copies[key] = copy;
        }
        db.ReferenceDataSeen = copy;
        return copy;
    }
}
