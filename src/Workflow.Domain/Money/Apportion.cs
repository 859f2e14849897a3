namespace Workflow.Domain.Money;

/// <summary>Splits an amount by weights with the largest-remainder method, so the parts always add up to the whole.</summary>
public static class Apportion
{
    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/>. Every part is a multiple of
    /// <paramref name="granularity"/> except that the sub-granularity rest of a total that is not itself a
    /// multiple goes to one part. Each part stays within one granularity unit of its exact share; remainders
    /// are handed out largest first, ties to the earlier weight.
    /// </summary>
    public static long[] ByRatio(long total, IReadOnlyList<long> weights, long granularity = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(granularity, 1);
        if (weights.Count == 0) throw new ArgumentException("At least one weight is needed.", nameof(weights));
        if (weights.Any(w => w < 0)) throw new ArgumentException("Weights cannot be negative.", nameof(weights));

        Int128 weightSum = 0;
        foreach (var w in weights) weightSum += w;
        if (weightSum == 0)
        {
            if (total == 0) return new long[weights.Count];
            throw new ArgumentException("All weights are zero; a positive total cannot be split.", nameof(weights));
        }

        var parts = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        long assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            // exact share in granularity units = total * w / (sum * g); keep the remainder to rank the rests
            var numerator = (Int128)total * weights[i];
            var denominator = weightSum * granularity;
            var units = numerator / denominator;
            remainders[i] = numerator % denominator;
            parts[i] = (long)(units * granularity);
            assigned += parts[i];
        }

        var order = Enumerable.Range(0, weights.Count)
            .Where(i => weights[i] > 0)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .ToArray();

        var left = total - assigned;
        for (var k = 0; left > 0; k = (k + 1) % order.Length)
        {
            var step = Math.Min(granularity, left);
            parts[order[k]] += step;
            left -= step;
        }

        return parts;
    }
}
