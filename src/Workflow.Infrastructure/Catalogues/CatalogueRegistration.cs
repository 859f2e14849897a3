using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Catalogues;

/// <summary>
/// Records programme periods by (period, version) with their content hash: at start-up from the <c>catalogues/</c>
/// folder (a broken file, or a changed one without a version bump, stops start-up), and when an administrator loads
/// one. Afterwards <see cref="ProgrammeCatalogues"/> holds every recorded period, files and uploads alike.
/// </summary>
public sealed class CatalogueRegistration(
    WorkflowDbContext db, ProgrammeCatalogues catalogues, CatalogueOptions options, TimeProvider clock, ILogger<CatalogueRegistration> logger)
{
    public async Task RegisterAsync(CancellationToken ct = default)
    {
        var folder = options.ResolvePath();
        var (loaded, problems) = CatalogueLoader.LoadFolder(folder);
        var list = problems.ToList();
        var records = await db.ProgrammePeriods.ToListAsync(ct);

        foreach (var c in loaded)
        {
            var violations = CheckAgainstRecords(c, records);
            list.AddRange(violations.Select(v => new CatalogueProblem(c.File, v.Path, v.Message)));
            if (violations.Count == 0 && !records.Any(r => r.PeriodId == c.Period.Id && r.Version == c.Period.Version))
                db.ProgrammePeriods.Add(new ProgrammePeriodRecord(c.Period, c.Content, c.ContentHash, ProgrammePeriodRecord.FromFile, null, clock.GetUtcNow()));
        }
        // a file must not overlap a period an administrator loaded either
        var uploaded = Periods(records.Where(r => !loaded.Any(l => l.Period.Id == r.PeriodId)));
        foreach (var c in loaded)
            list.AddRange(ProgrammeCatalogue.CheckOverlap(c.Period, uploaded).Select(v => new CatalogueProblem(c.File, v.Path, v.Message)));
        if (list.Count > 0) throw new CatalogueException(list);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // another server recorded the same version first; its content hash was checked the same way
        }

        var all = Periods(records).Concat(loaded.Select(l => l.Period)).ToList();
        catalogues.Replace(new ProgrammeCatalogue(all));
        logger.LogInformation("Programme catalogues loaded from {Folder}: {Periods}", folder,
            string.Join(", ", catalogues.Current.Periods.Select(p => $"{p.Id} v{p.Version}")));
    }

    /// <summary>
    /// An administrator's file: checked like a file in the folder, recorded, and in use at once on this server.
    /// Violations (400) are keyed by the file's JSON paths; the same version with the same content is a 409.
    /// </summary>
    public async Task<LoadedCatalogue> AddAsync(string content, string registeredBy, Action<ProgrammePeriodRecord> beforeSave, CancellationToken ct = default)
    {
        var (period, violations) = CatalogueReader.Read(content);
        if (period is null) throw new ValidationFailedException(violations);
        var loaded = new LoadedCatalogue(period, "upload", content, CatalogueLoader.Hash(content));

        var records = await db.ProgrammePeriods.ToListAsync(ct);
        if (records.Any(r => r.PeriodId == period.Id && r.Version == period.Version && r.ContentHash == loaded.ContentHash))
            throw new ConflictException($"Danh mục giai đoạn {period.Years} phiên bản {period.Version} đã được nạp với đúng nội dung này.", "catalogue.exists");
        var problems = CheckAgainstRecords(loaded, records).ToList();
        problems.AddRange(ProgrammeCatalogue.CheckOverlap(period, Periods(records)));
        if (problems.Count > 0) throw new ValidationFailedException(problems);

        var record = new ProgrammePeriodRecord(period, content, loaded.ContentHash, ProgrammePeriodRecord.FromAdministrator, registeredBy, clock.GetUtcNow());
        db.ProgrammePeriods.Add(record);
        beforeSave(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"Danh mục giai đoạn {period.Years} phiên bản {period.Version} vừa được nạp bởi người khác.", "catalogue.exists");
        }
        catalogues.Replace(new ProgrammeCatalogue(catalogues.Current.Periods.Append(period)));
        logger.LogInformation("Programme catalogue {Period} v{Version} loaded by {User}", period.Id, period.Version, registeredBy);
        return loaded;
    }

    /// <summary>The version must be new (or the very content recorded under it) and not below a recorded one.</summary>
    private static IReadOnlyList<Violation> CheckAgainstRecords(LoadedCatalogue c, IReadOnlyList<ProgrammePeriodRecord> records)
    {
        var same = records.FirstOrDefault(r => r.PeriodId == c.Period.Id && r.Version == c.Period.Version);
        if (same is not null)
            return same.ContentHash == c.ContentHash ? [] :
            [
                new("version", $"Nội dung danh mục giai đoạn {c.Period.Years} phiên bản {c.Period.Version} đã khác so với khi nạp lần đầu ngày " +
                               $"{same.RegisteredAt:dd/MM/yyyy}; các kế hoạch đã đối chiếu với phiên bản đó — tăng \"version\" để công bố thay đổi."),
            ];
        var newer = records.Where(r => r.PeriodId == c.Period.Id && r.Version > c.Period.Version).Max(r => (int?)r.Version);
        return newer is null ? [] :
        [
            new("version", $"Phiên bản {c.Period.Version} cũ hơn phiên bản {newer} của giai đoạn {c.Period.Years} đã nạp; phiên bản chỉ tăng."),
        ];
    }

    /// <summary>The newest readable version of each recorded period.</summary>
    private List<ProgrammePeriod> Periods(IEnumerable<ProgrammePeriodRecord> records)
    {
        var periods = new List<ProgrammePeriod>();
        foreach (var record in records.GroupBy(r => r.PeriodId).Select(g => g.MaxBy(r => r.Version)!))
        {
            var (period, problems) = CatalogueReader.Read(record.Content);
            if (period is not null) periods.Add(period);
            else logger.LogError("Recorded catalogue {Period} v{Version} no longer loads: {Problems}", record.PeriodId, record.Version, string.Join("; ", problems));
        }
        return periods;
    }
}
