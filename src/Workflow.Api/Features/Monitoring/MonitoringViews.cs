using Workflow.Domain.Monitoring;
using Workflow.Domain.Monitoring.Checks;

namespace Workflow.Api.Features.Monitoring;

/// <summary>A census as read back: the counts as entered, the rates computed from them, who recorded it.</summary>
/// <param name="Year">The year of the review; its figures are the baseline of the year after.</param>
/// <param name="PoorRate">Poor households over all households in percent, two decimals; null when the total is unknown.</param>
public sealed record CensusView(
    Guid Id, string Unit, string UnitName, string? SubUnit, int Year, DateOnly? AsOf, string Standard, string? Basis, int? TotalHouseholds,
    HouseholdCounts? Poor, HouseholdCounts? NearPoor, PovertyFlows? Flows, IReadOnlyList<DeprivationCount> Deprivations,
    IReadOnlyList<StatedRate> StatedRates, decimal? PoorRate, decimal? NearPoorRate, IReadOnlyList<string> Notes,
    string RecordedBy, DateTimeOffset RecordedAt, int Revision)
{
    public static CensusView Of(PovertyCensus c) => new(
        c.Id, c.UnitCode, c.UnitName, c.SubUnitCode, c.Year, c.AsOf, c.StandardCode, c.Basis, c.TotalHouseholds, c.Poor, c.NearPoor, c.Flows,
        c.Deprivations, c.StatedRates, c.PoorRate, c.NearPoorRate, c.Notes, c.RecordedBy, c.RecordedAt, c.Revision);
}

/// <param name="Value">A count, or a rate in percent (0.3 is 0,3 %).</param>
public sealed record TargetView(
    Guid Id, string Unit, string UnitName, string? SubUnit, int Year, TargetKind Kind, string Subject, decimal Value, string? Group,
    decimal? Of, string? Per, string? Basis, string? Text, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static TargetView From(MonitoringTarget t) => new(
        t.Id, t.UnitCode, t.UnitName, t.SubUnitCode, t.Year, t.Kind, t.Subject, t.Value, t.Group, t.Of, t.Per, t.Basis, t.Text, t.RecordedBy, t.RecordedAt);
}

/// <summary>What was recorded and what the unit's figures now warn of (docs/monitoring.md, "Consistency checks").</summary>
public sealed record CensusResult(CensusView Census, IReadOnlyList<ConsistencyWarning> Warnings);

public sealed record TargetResult(TargetView Target, IReadOnlyList<ConsistencyWarning> Warnings);

/// <summary>A unit's monitoring position: its censuses and targets and every consistency warning they raise.</summary>
/// <param name="EscapedAfterSupport">Households escaped after a sub-project's support, by the review year they were counted at.</param>
public sealed record MonitoringPosition(string Unit, IReadOnlyList<CensusView> Baselines, IReadOnlyList<TargetView> Targets, IReadOnlyList<ConsistencyWarning> Warnings,
    IReadOnlyList<RecordEscapedAfterSupport.EscapedAfterSupportView>? EscapedAfterSupport = null);
