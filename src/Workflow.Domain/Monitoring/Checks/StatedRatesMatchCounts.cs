namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// A rate a document states is what its own counts give, at the precision it printed: poor and near-poor over all
/// households, a deprivation over the poor (or near-poor) households. When not, the system shows the computed rate and
/// keeps the stated one as a note (the Quảng Minh plan prints 58,8 % for 3 of 17 poor households).
/// </summary>
public static class StatedRatesMatchCounts
{
    public static IEnumerable<ConsistencyWarning> Check(PovertyCensus census)
    {
        for (var i = 0; i < census.StatedRates.Count; i++)
        {
            var stated = census.StatedRates[i];
            if (Counts(census, stated.Of, stated.Per) is not ({ } part, { } whole, var label)) continue;
            if (PovertyRate.Agrees(stated.Rate, part, whole)) continue;
            yield return new(nameof(StatedRatesMatchCounts), $"{FlowsBalance.Where(census)}statedRates[{i}]",
                $"Văn bản ghi {label} {Figures.AsStated(stated.Rate)} %, nhưng {Figures.N(part)}/{Figures.N(whole)} = {PovertyRate.Format(PovertyRate.Percent(part, whole)!.Value)}; hệ thống dùng tỷ lệ tính từ số hộ.");
        }
    }

    private static (long? Part, long? Whole, string Label) Counts(PovertyCensus c, string of, string? per)
    {
        if (of == "poor" && per is null or "totalHouseholds") return (c.Poor?.Households, c.TotalHouseholds, "tỷ lệ hộ nghèo");
        if (of == "nearPoor" && per is null or "totalHouseholds") return (c.NearPoor?.Households, c.TotalHouseholds, "tỷ lệ hộ cận nghèo");
        var dot = of.LastIndexOf('.');
        if (dot < 0) return (null, null, of);
        var (head, tail) = (of[..dot], of[(dot + 1)..]);
        if (head is "poor" or "nearPoor")
        {
            // a breakdown over its own group; a rate over a denominator the census does not hold cannot be checked
            if (per is not null && per != $"{head}.households") return (null, null, of);
            var group = head == "poor" ? c.Poor : c.NearPoor;
            int? part = tail switch
            {
                "unableToWork" => group?.UnableToWork, "socialProtection" => group?.SocialProtection, "ethnicMinority" => group?.EthnicMinority,
                "khmer" => group?.Khmer, "rural" => group?.Rural, "urban" => group?.Urban, "meritFamily" => group?.MeritFamily, _ => null,
            };
            return (part, group?.Households, $"tỷ lệ {tail} trong {(head == "poor" ? "hộ nghèo" : "hộ cận nghèo")}");
        }
        var indicator = head;
        var d = c.Deprivations.FirstOrDefault(x => x.Indicator == indicator);
        return tail switch
        {
            "poor" => (d?.Poor, c.Poor?.Households, $"tỷ lệ hộ nghèo thiếu hụt '{indicator}'"),
            "nearPoor" => (d?.NearPoor, c.NearPoor?.Households, $"tỷ lệ hộ cận nghèo thiếu hụt '{indicator}'"),
            _ => (null, null, of),
        };
    }
}
