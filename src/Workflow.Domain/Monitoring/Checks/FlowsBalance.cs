namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// RULES 20 (monitoring): the poor at the end of a year are those at its start less those who escaped plus the newly poor and
/// the re-poor (cuối kỳ = đầu kỳ − thoát nghèo + phát sinh mới + tái nghèo); the same for the near-poor.
/// </summary>
public static class FlowsBalance
{
    public static IEnumerable<ConsistencyWarning> Check(PovertyCensus start, PovertyCensus end)
    {
        if (end.Flows is not { } f) yield break;
        if (start.Poor is { } p0 && end.Poor is { } p1 && f.EscapedPoor is not null)
        {
            var expected = p0.Households - f.EscapedPoor.Value + (f.NewlyPoor ?? 0) + (f.RePoor ?? 0);
            if (expected != p1.Households)
                yield return new(nameof(FlowsBalance), $"{Where(end)}poor.households",
                    $"Hộ nghèo cuối năm {end.Year} là {p1.Households}, nhưng đầu kỳ {p0.Households} − thoát nghèo {f.EscapedPoor} + nghèo phát sinh {f.NewlyPoor ?? 0} + tái nghèo {f.RePoor ?? 0} = {expected}.");
        }
        if (start.NearPoor is { } n0 && end.NearPoor is { } n1 && f.EscapedNearPoor is not null)
        {
            var expected = n0.Households - f.EscapedNearPoor.Value + (f.NewlyNearPoor ?? 0);
            if (expected != n1.Households)
                yield return new(nameof(FlowsBalance), $"{Where(end)}nearPoor.households",
                    $"Hộ cận nghèo cuối năm {end.Year} là {n1.Households}, nhưng đầu kỳ {n0.Households} − thoát cận nghèo {f.EscapedNearPoor} + cận nghèo phát sinh {f.NewlyNearPoor ?? 0} = {expected}.");
        }
    }

    internal static string Where(PovertyCensus c) => c.SubUnitCode is null ? "" : $"subUnits[{c.SubUnitCode}].";
}
