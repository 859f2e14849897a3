using Workflow.Domain.Money;

namespace Workflow.Domain.Tests;

public class ApportionTests
{
    private const int Seed = 20240327;
    private const int CaseCount = 4000;

    // ---- properties over random cases ------------------------------------------------------------------

    [Fact]
    public void ByRatio_WhenRandomInputs_PartsSumExactlyToTotal()
    {
        foreach (var c in RandomCases())
        {
            var parts = Apportion.ByRatio(c.Total, c.Weights, c.Granularity);

            Int128 sum = 0;
            foreach (var p in parts) sum += p;
            Check(sum == c.Total && parts.Length == c.Weights.Length, c, parts, "parts do not add up to the total");
        }
    }

    [Fact]
    public void ByRatio_WhenRandomInputs_EachPartIsWithinOneGranularityUnitOfItsExactShare()
    {
        foreach (var c in RandomCases())
        {
            var parts = Apportion.ByRatio(c.Total, c.Weights, c.Granularity);

            // |part − total·w/W| ≤ g  ⇔  |part·W − total·w| ≤ g·W, exact in Int128
            var weightSum = WeightSum(c.Weights);
            for (var i = 0; i < parts.Length; i++)
            {
                var deviation = Int128.Abs((Int128)parts[i] * weightSum - (Int128)c.Total * c.Weights[i]);
                Check(deviation <= c.Granularity * weightSum, c, parts, $"part {i} strays more than one granularity unit from its share");
            }
        }
    }

    [Fact]
    public void ByRatio_WhenRandomInputs_AllPartsButAtMostOneAreMultiplesOfGranularity()
    {
        foreach (var c in RandomCases())
        {
            var parts = Apportion.ByRatio(c.Total, c.Weights, c.Granularity);

            var offGrid = parts.Count(p => p % c.Granularity != 0);
            Check(offGrid <= 1, c, parts, $"{offGrid} parts are not multiples of the granularity");
            if (c.Total % c.Granularity == 0)
                Check(offGrid == 0, c, parts, "a total on the grid was split into parts off the grid");
        }
    }

    [Fact]
    public void ByRatio_WhenRandomInputs_ZeroWeightsGetNothingAndNoPartIsNegative()
    {
        foreach (var c in RandomCases())
        {
            var parts = Apportion.ByRatio(c.Total, c.Weights, c.Granularity);

            for (var i = 0; i < parts.Length; i++)
            {
                Check(parts[i] >= 0, c, parts, $"part {i} is negative");
                if (c.Weights[i] == 0) Check(parts[i] == 0, c, parts, $"zero weight {i} received {parts[i]}");
            }
        }
    }

    [Fact]
    public void ByRatio_WhenRandomInputs_RoundsUpTheLargestRemaindersWithTiesToTheEarlierIndex()
    {
        foreach (var c in RandomCases())
        {
            var parts = Apportion.ByRatio(c.Total, c.Weights, c.Granularity);

            if (WeightSum(c.Weights) == 0) continue; // total 0 over zero weights: nothing to rank

            // exact share in granularity units = floor + remainder / (W·g)
            var denominator = WeightSum(c.Weights) * c.Granularity;
            var floor = new Int128[parts.Length];
            var remainder = new Int128[parts.Length];
            var raised = new bool[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                var numerator = (Int128)c.Total * c.Weights[i];
                floor[i] = numerator / denominator;
                remainder[i] = numerator % denominator;
                var extra = parts[i] - floor[i] * c.Granularity;
                Check(extra >= 0 && extra <= c.Granularity, c, parts, $"part {i} is not its rounded-down share plus at most one unit");
                raised[i] = extra > 0;
            }

            for (var i = 0; i < parts.Length; i++)
            for (var j = 0; j < parts.Length; j++)
            {
                if (!raised[i] || raised[j] || c.Weights[j] == 0) continue;
                var ranksBefore = remainder[i] > remainder[j] || (remainder[i] == remainder[j] && i < j);
                Check(ranksBefore, c, parts, $"part {i} was rounded up before part {j}, which has a larger remainder or the earlier index");
            }
        }
    }

    [Fact]
    public void ByRatio_WhenCalledTwiceWithEqualInputs_ReturnsEqualParts()
    {
        foreach (var c in RandomCases().Take(500))
        {
            var first = Apportion.ByRatio(c.Total, c.Weights, c.Granularity);
            var second = Apportion.ByRatio(c.Total, c.Weights.ToArray(), c.Granularity);

            Assert.Equal(first, second);
        }
    }

    // ---- examples -------------------------------------------------------------------------------------

    [Fact]
    public void ByRatio_WhenSharesTie_GivesTheRemainderToTheEarlierIndex()
    {
        Assert.Equal([1000, 1000, 0], Apportion.ByRatio(2000, [1, 1, 1], 1000));
        Assert.Equal([34, 33, 33], Apportion.ByRatio(100, [1, 1, 1], 1));
    }

    [Fact]
    public void ByRatio_WhenTotalIsNotOnTheGrid_GivesTheSubGranularityRestToOnePart()
    {
        // shares 750 / 750: the earlier part is rounded up to 1000, the rest (500) goes to the next one
        Assert.Equal([1000, 500], Apportion.ByRatio(1500, [1, 1], 1000));
        Assert.Equal([123_456_789], Apportion.ByRatio(123_456_789, [7], 1_000_000));
    }

    [Fact]
    public void ByRatio_WhenSplittingByTheHonQuanDa2LineRatio_MatchesTheLargestRemainderSplit()
    {
        // DA2 line: Central 1.521, Provincial 76, District 152 triệu. Exact shares of 100.000.000 ₫:
        // 86.963.979,4 / 4.345.340,2 / 8.690.680,4 → rounded down to 1000: 86.963.000 / 4.345.000 / 8.690.000,
        // 2.000 left over go to the largest remainders: Central (979,4) then District (680,4).
        var parts = Apportion.ByRatio(100_000_000, [1521, 76, 152], 1000);

        Assert.Equal([86_964_000, 4_345_000, 8_691_000], parts);
    }

    [Fact]
    public void ByRatio_WhenSomeWeightsAreZero_GivesThemNothing()
    {
        Assert.Equal([0, 500, 0, 500], Apportion.ByRatio(1000, [0, 1, 0, 1], 1));
    }

    [Fact]
    public void ByRatio_WhenTotalIsZero_ReturnsZeros()
    {
        Assert.Equal([0, 0, 0], Apportion.ByRatio(0, [1521, 76, 152], 1000));
        Assert.Equal([0, 0], Apportion.ByRatio(0, [0, 0], 1000));
    }

    [Fact]
    public void ByRatio_WhenAmountsAreAtTheLimitOfLong_DoesNotOverflow()
    {
        // shares: (M/2 − 0.25, M/2 − 0.25, 0.5) for M = long.MaxValue; the single đồng left goes to the 0.5
        var parts = Apportion.ByRatio(long.MaxValue, [long.MaxValue, long.MaxValue, 1], 1);

        Assert.Equal([long.MaxValue / 2, long.MaxValue / 2, 1], parts);
    }

    // ---- errors ---------------------------------------------------------------------------------------

    [Fact]
    public void ByRatio_WhenTotalIsNegative_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>("total", () => Apportion.ByRatio(-1, [1, 1], 1));
    }

    [Fact]
    public void ByRatio_WhenAllWeightsAreZeroAndTotalIsPositive_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("weights", () => Apportion.ByRatio(1000, [0, 0, 0], 1));
    }

    [Fact]
    public void ByRatio_WhenWeightIsNegative_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("weights", () => Apportion.ByRatio(1000, [3, -1], 1));
    }

    [Fact]
    public void ByRatio_WhenNoWeights_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>("weights", () => Apportion.ByRatio(1000, [], 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void ByRatio_WhenGranularityIsNotPositive_ThrowsArgumentOutOfRange(long granularity)
    {
        Assert.Throws<ArgumentOutOfRangeException>("granularity", () => Apportion.ByRatio(1000, [1, 1], granularity));
    }

    // ---- random cases ---------------------------------------------------------------------------------

    public sealed record Case(int Index, long Total, long[] Weights, long Granularity)
    {
        public override string ToString() => $"case {Index}: ByRatio({Total}, [{string.Join(", ", Weights)}], {Granularity})";
    }

    private static readonly long[] Granularities = [1, 1000, 1_000_000];

    /// <summary>
    /// Seeded, so every run checks the same cases. Totals up to 10^13 (some tiny, some zero, some below the granularity);
    /// 1–6 weights up to 10^12, with zeros and small equal weights mixed in so ties and zero shares occur.
    /// </summary>
    private static IEnumerable<Case> RandomCases()
    {
        var random = new Random(Seed);
        for (var n = 0; n < CaseCount; n++)
        {
            var granularity = Granularities[random.Next(Granularities.Length)];
            var weights = new long[random.Next(1, 7)];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = random.Next(5) switch
                {
                    0 => 0,
                    1 => random.NextInt64(1, 4),
                    2 => random.NextInt64(1, 10_000),
                    _ => random.NextInt64(1, 1_000_000_000_001),
                };
            }

            long total = random.Next(8) switch
            {
                0 => 0,
                1 => random.NextInt64(0, granularity * 3),
                2 => random.NextInt64(0, 1_000_000),
                3 => random.NextInt64(0, 10_000) * granularity,
                _ => random.NextInt64(0, 10_000_000_000_001),
            };

            if (total > 0 && weights.All(w => w == 0))
                weights[random.Next(weights.Length)] = random.NextInt64(1, 1_000_000_000_001);

            yield return new Case(n, total, weights, granularity);
        }
    }

    private static Int128 WeightSum(long[] weights)
    {
        Int128 sum = 0;
        foreach (var w in weights) sum += w;
        return sum;
    }

    private static void Check(bool condition, Case c, long[] parts, string what) =>
        Assert.True(condition, $"{c} = [{string.Join(", ", parts)}]: {what}");
}
