using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Monitoring.Indicators;
using Workflow.Domain.Proposals;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.Indicators;

/// <summary>One indicator's planned and accepted totals; a ratio carries its recomputed percent.</summary>
public sealed record OutputTotal(string Indicator, string Name, string Unit, string? Component, IndicatorLevel Level,
    long? Planned, long? Actual, decimal? PlannedPercent = null, decimal? ActualPercent = null);

/// <summary>Households escaped after support, at each proposal's latest review, with the rate recomputed from the sums.</summary>
public sealed record EscapedTotal(int Proposals, long Households, long Of, decimal? Percent);

/// <summary>What a unit's sub-projects of a fiscal year planned and reached (docs/monitoring.md, "Indicators and outputs").</summary>
/// <param name="Units">The units counted: the unit, and the units below it when asked.</param>
/// <param name="Proposals">Proposals counted: approved, settling or settled (<see cref="ProposalProcess.Committed"/>).</param>
/// <param name="Settlements">Settlements of those proposals, whose acceptance records give the actual figures.</param>
public sealed record OutputTotalsReport(
    string Unit, int FiscalYear, string? Period, IReadOnlyList<string> Units, int Proposals, int Settlements,
    IReadOnlyList<OutputTotal> Outputs, Beneficiaries ParticipantsPlanned, Beneficiaries ParticipantsReached, EscapedTotal EscapedAfterSupport);

/// <summary>
/// Totals of outputs, participants and escapes for a unit and fiscal year, for reports to compile. Planned outputs and
/// participants add over the committed proposals; actual ones over those proposals' settlements (the acceptance
/// record); ratios are recomputed from the summed counts (<see cref="IndicatorAggregation"/>). It checks no access:
/// callers do (<see cref="MonitoringAccess"/>).
/// </summary>
public sealed class OutputTotals(WorkflowDbContext db, IndicatorCatalogues catalogues)
{
    public async Task<OutputTotalsReport> OfAsync(string unitCode, int fiscalYear, bool includeChildUnits, CancellationToken ct)
    {
        var units = new HashSet<string>(StringComparer.Ordinal) { unitCode };
        if (includeChildUnits) units.UnionWith((await ReferenceSnapshot.OfAsync(db, ct)).UnitAndBelow(unitCode));
        var committed = ProposalProcess.Committed.ToList();
        var proposals = await (from p in db.Proposals.AsNoTracking()
                               join i in db.WorkflowInstances.AsNoTracking() on p.InstanceId equals i.Id
                               where p.FiscalYear == fiscalYear && units.Contains(p.UnitCode) && committed.Contains(i.State)
                               select p).ToListAsync(ct);
        var ids = proposals.Select(p => p.Id).ToList();
        var settlements = await db.Settlements.AsNoTracking().Where(s => ids.Contains(s.ProposalId)).ToListAsync(ct);
        var escapes = await db.EscapedAfterSupport.AsNoTracking().Where(e => ids.Contains(e.ProposalId)).ToListAsync(ct);
        // the latest review tells where the supported households stand now
        var latest = escapes.GroupBy(e => e.ProposalId).Select(g => g.MaxBy(e => e.ReviewYear)!).ToList();

        var catalogue = catalogues.ForYear(fiscalYear);
        var outputs = new List<OutputTotal>();
        if (catalogue is not null)
        {
            var planned = IndicatorAggregation.Aggregate(catalogue, proposals.Select(p => Counts(p.PlannedOutputs))).ToDictionary(v => v.Indicator);
            var actual = IndicatorAggregation.Aggregate(catalogue, settlements.Select(s => Counts(s.ActualOutputs))).ToDictionary(v => v.Indicator);
            foreach (var indicator in catalogue.Indicators.Where(i => planned.ContainsKey(i.Code) || actual.ContainsKey(i.Code)))
            {
                var p = planned.GetValueOrDefault(indicator.Code);
                var a = actual.GetValueOrDefault(indicator.Code);
                outputs.Add(new(indicator.Code, indicator.Name, indicator.Unit, indicator.Component, indicator.Level, p?.Count, a?.Count, p?.Percent, a?.Percent));
            }
        }
        var households = latest.Sum(e => (long)e.Households);
        var of = latest.Sum(e => (long)e.Of);
        return new OutputTotalsReport(unitCode, fiscalYear, catalogue?.Period, [.. units.Order(StringComparer.Ordinal)], proposals.Count, settlements.Count, outputs,
            Add(proposals.Select(p => p.Beneficiaries)), Add(settlements.Select(s => s.Reached)),
            new EscapedTotal(latest.Count, households, of, Domain.Monitoring.PovertyRate.Percent(households, of)));
    }

    private static IReadOnlyDictionary<string, long> Counts(IReadOnlyList<OutputQuantity> outputs) =>
        outputs.GroupBy(o => o.Indicator).ToDictionary(g => g.Key, g => g.Sum(o => o.Quantity));

    private static Beneficiaries Add(IEnumerable<Beneficiaries> all) => all.Aggregate(Beneficiaries.None, (a, b) => new(
        a.Poor + b.Poor, a.NearPoor + b.NearPoor, a.NewlyEscaped + b.NewlyEscaped, a.EthnicMinority + b.EthnicMinority, a.Disabled + b.Disabled,
        a.TotalParticipants + b.TotalParticipants));
}
