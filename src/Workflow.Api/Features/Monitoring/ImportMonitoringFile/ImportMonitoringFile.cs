using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Monitoring.ReadPosition;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Identity;
using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Checks;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.ImportMonitoringFile;

/// <summary>
/// <c>POST /api/monitoring/import</c>: a unit's baselines and targets from a monitoring file (catalogues/monitoring/README.md),
/// all or nothing. The unit's censuses of the review years and its targets of the years the file holds are replaced, so
/// loading the same file twice changes nothing; its sub-units are declared. An administrator loads it — for a unit of the
/// catalogue in their scope, or, for a unit abolished in 2025 (<c>unit.historical</c>), a national administrator.
/// </summary>
public sealed record ImportMonitoringFileCommand(MonitoringFile File) : IRequest<ImportResult>;

/// <param name="KnownDefects">The slips the file says its document has, for the reader to compare with <paramref name="Warnings"/>.</param>
public sealed record ImportResult(string Unit, int Baselines, int Targets, int SubUnits, IReadOnlyList<ConsistencyWarning> Warnings, IReadOnlyList<string> KnownDefects);

public sealed class ImportMonitoringFileHandler(WorkflowDbContext db, MonitoringAccess access, PovertyStandards standards, ICurrentUser user,
    AdminJournal journal, TimeProvider clock) : IRequestHandler<ImportMonitoringFileCommand, ImportResult>
{
    public async Task<ImportResult> Handle(ImportMonitoringFileCommand request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var file = request.File;
        if (!user.IsIn(Roles.Admin)) throw new ForbiddenException("Chỉ quản trị nạp tệp số liệu giám sát.");
        if (file.Unit is null || string.IsNullOrWhiteSpace(file.Unit.Code) || string.IsNullOrWhiteSpace(file.Unit.Name))
            throw new ValidationFailedException("unit", "Tệp cần nêu đơn vị: mã (code) và tên (name).");
        var snapshot = await ReferenceSnapshot.OfAsync(db, ct);
        var known = snapshot.Units.TryGetValue(file.Unit.Code, out var unit);
        if (known && !await access.MaySeeAsync(unit!.Code, ct))
            throw new ValidationFailedException("unit.code", $"Đơn vị '{file.Unit.Code}' không thuộc phạm vi của bạn.");
        if (!known && !(file.Unit.Historical && user.SeesEveryUnit()))
            throw new ValidationFailedException("unit.code", file.Unit.Historical
                ? $"Đơn vị '{file.Unit.Code}' không có trong danh mục: số liệu của đơn vị đã giải thể chỉ quản trị cấp quốc gia nạp."
                : $"Không có đơn vị '{file.Unit.Code}' trong danh mục (đơn vị đã giải thể: ghi \"historical\": true).");
        var unitName = known ? unit!.Name : file.Unit.Name;

        var (censuses, targets, problems) = MonitoringFiles.Load(file with { Unit = file.Unit with { Name = unitName } }, standards, user.UserName, clock.GetUtcNow());
        var duplicate = censuses.GroupBy(c => (c.Year, c.Scope)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            problems = [.. problems, new("baselines", $"Tệp có {duplicate.Count()} kết quả rà soát năm {duplicate.Key.Year}{(duplicate.Key.Scope == "" ? "" : $" của {duplicate.Key.Scope}")}.")];
        if (problems.Count > 0) throw new ValidationFailedException(problems);

        var reviewYears = censuses.Select(c => c.Year).Distinct().ToList();
        var targetYears = targets.Select(t => t.Year).Distinct().ToList();
        var code = file.Unit.Code;
        var oldCensuses = await db.PovertyCensuses.Where(c => c.UnitCode == code && reviewYears.Contains(c.Year)).ToListAsync(ct);
        var oldTargets = await db.MonitoringTargets.Where(t => t.UnitCode == code && targetYears.Contains(t.Year)).ToListAsync(ct);
        db.PovertyCensuses.RemoveRange(oldCensuses);
        db.MonitoringTargets.RemoveRange(oldTargets);
        // the removals go first: the new censuses take the same unique (unit, year, part) keys
        await db.SaveChangesAsync(ct);

        var subUnits = file.SubUnits ?? [];
        var existing = await db.MonitoringSubUnits.Where(s => s.UnitCode == code).ToDictionaryAsync(s => s.Code, ct);
        db.MonitoringSubUnits.AddRange(MonitoringSubUnit.Declare(code, subUnits, existing));
        db.PovertyCensuses.AddRange(censuses);
        db.MonitoringTargets.AddRange(targets);
        journal.Record(AdminObjectTypes.MonitoringFile, code, code, "import",
            oldCensuses.Count + oldTargets.Count == 0 ? null : new { Baselines = oldCensuses.Count, Targets = oldTargets.Count },
            new { file.Seed, file.Document, Baselines = censuses.Count, Targets = targets.Count, SubUnits = subUnits.Count });
        await db.SaveChangesAsync(ct);

        var position = await MonitoringPositions.OfAsync(db, code, null, ct);
        return new ImportResult(code, censuses.Count, targets.Count, subUnits.Count, position.Warnings, file.KnownDefects ?? []);
    }
}
