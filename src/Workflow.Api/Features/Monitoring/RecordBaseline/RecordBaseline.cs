using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Monitoring.ReadPosition;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.RecordBaseline;

/// <summary>
/// The body of <c>POST /api/monitoring/baselines</c> (a new census) and <c>PUT /api/monitoring/baselines/{id}</c> (a correction,
/// with the <see cref="Revision"/> read): the unit (default: the caller's), the review year and the counts.
/// </summary>
public sealed record RecordBaselineCommand(
    string? Unit, string? SubUnit, int Year, DateOnly? AsOf, string? Standard, string? Basis, int? TotalHouseholds,
    HouseholdCounts? Poor, HouseholdCounts? NearPoor, PovertyFlows? Flows, IReadOnlyList<DeprivationCount>? Deprivations,
    IReadOnlyList<StatedRate>? StatedRates, IReadOnlyList<string>? Notes, int? Revision = null) : IRequest<CensusResult>
{
    /// <summary>Set from the route for a correction.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? CorrectionOf { get; init; }
}

public sealed class RecordBaselineHandler(WorkflowDbContext db, MonitoringAccess access, PovertyStandards standards, ICurrentUser user,
    AdminJournal journal, TimeProvider clock) : IRequestHandler<RecordBaselineCommand, CensusResult>
{
    public async Task<CensusResult> Handle(RecordBaselineCommand r, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var (unitCode, unitName) = await access.UnitToRecordAsync(r.Unit, ct);
        var subUnit = string.IsNullOrWhiteSpace(r.SubUnit) ? null : r.SubUnit.Trim();
        await access.EnsureSubUnitAsync(unitCode, subUnit, "subUnit", ct);
        var census = MonitoringFiles.ToCensus(
            new BaselineInput(subUnit, r.Year, r.AsOf, r.Standard, r.Basis, r.TotalHouseholds, r.Poor, r.NearPoor, r.Flows, r.Deprivations, r.StatedRates, r.Notes),
            unitCode, unitName, standards, user.UserName, clock.GetUtcNow());
        var scope = subUnit ?? "";
        var existing = await db.PovertyCensuses.SingleOrDefaultAsync(c => c.UnitCode == unitCode && c.Year == r.Year && c.Scope == scope, ct);
        if (r.CorrectionOf is { } id)
        {
            if (existing is null || existing.Id != id)
                throw new NotFoundException($"Không tìm thấy kết quả rà soát {id} của {unitName} năm {r.Year}{(subUnit is null ? "" : $", {subUnit}")}.");
            if (r.Revision != existing.Revision)
                throw new ConflictException($"Kết quả rà soát đã được sửa (lần {existing.Revision}) sau khi bạn mở; tải lại rồi sửa.", "baseline.stale");
            var before = CensusView.Of(existing);
            existing.Correct(census);
            journal.Record(AdminObjectTypes.PovertyCensus, existing.Id.ToString(), unitCode, "correct", before, CensusView.Of(existing));
            census = existing;
        }
        else
        {
            if (existing is not null)
                throw new ConflictException($"{unitName} đã có kết quả rà soát cuối năm {r.Year}{(subUnit is null ? "" : $" của {subUnit}")}; sửa bằng PUT /api/monitoring/baselines/{existing.Id}.", "baseline.exists");
            db.PovertyCensuses.Add(census);
            journal.Record(AdminObjectTypes.PovertyCensus, census.Id.ToString(), unitCode, "create", null, CensusView.Of(census));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw new ConflictException($"{unitName} vừa có kết quả rà soát cuối năm {r.Year} do người khác nhập; tải lại để xem.", "baseline.exists");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Kết quả rà soát vừa được người khác sửa; tải lại rồi sửa.", "baseline.stale");
        }
        var position = await MonitoringPositions.OfAsync(db, unitCode, null, ct);
        return new CensusResult(CensusView.Of(census), position.Warnings);
    }
}
