using System.Globalization;

namespace Workflow.Domain.Money;

/// <summary>An amount of Vietnamese đồng. Whole đồng only; arithmetic throws on overflow instead of wrapping.</summary>
public readonly record struct Vnd(long Value) : IComparable<Vnd>
{
    public static readonly Vnd Zero = new(0);
    public const long OneMillion = 1_000_000;

    /// <summary>
    /// The largest amount one field may hold, everywhere a person types money: 10^15 đồng (a million billion). Far
    /// above any real plan, and low enough that thousands of such amounts still add up without overflow.
    /// </summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Vnd operator +(Vnd a, Vnd b) => new(checked(a.Value + b.Value));
    public static Vnd operator -(Vnd a, Vnd b) => new(checked(a.Value - b.Value));
    public static Vnd operator -(Vnd a) => new(checked(-a.Value));
    public static bool operator <(Vnd a, Vnd b) => a.Value < b.Value;
    public static bool operator >(Vnd a, Vnd b) => a.Value > b.Value;
    public static bool operator <=(Vnd a, Vnd b) => a.Value <= b.Value;
    public static bool operator >=(Vnd a, Vnd b) => a.Value >= b.Value;

    public int CompareTo(Vnd other) => Value.CompareTo(other.Value);

    public static Vnd Sum(IEnumerable<Vnd> amounts) => amounts.Aggregate(Zero, (a, b) => a + b);

    /// <summary>vi-VN grouping with the đồng sign: <c>1.521.000.000 ₫</c>.</summary>
    public override string ToString() => Format(Value);

    public static string Format(long value) => value.ToString("#,0", Vietnamese) + " ₫";

    /// <summary>In words where a sign would be out of place, as in a letter or an e-mail: <c>1.521.000.000 đồng</c>.</summary>
    public static string FormatDong(long value) => value.ToString("#,0", Vietnamese) + " đồng";

    /// <summary>Millions of đồng, as plans are written: <c>1.521 triệu</c>, with decimals only when needed.</summary>
    public string ToMillions() => FormatMillions(Value);

    public static string FormatMillions(long value) =>
        ((decimal)value / OneMillion).ToString("#,0.######", Vietnamese) + " triệu";

    /// <summary>
    /// Millions rounded to <paramref name="decimals"/> places (half away from zero, in decimal arithmetic), trailing
    /// zeros dropped, for tables and charts: <c>674,1 triệu</c>. The number alone (no unit) when <paramref name="unit"/> is false.
    /// </summary>
    public static string FormatMillions(long value, int decimals, bool unit = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        var rounded = Math.Round((decimal)value / OneMillion, decimals, MidpointRounding.AwayFromZero);
        var text = rounded.ToString("#,0." + new string('#', decimals), Vietnamese);
        return unit ? text + " triệu" : text;
    }

    /// <summary>
    /// Parts rounded to <paramref name="decimals"/> places of a million so that, as printed, they add up to their total
    /// rounded the same way (largest remainder: each part moves at most one last digit from its own rounding).
    /// Returns the rounded parts in đồng, for <see cref="FormatMillions(long, int, bool)"/>.
    /// </summary>
    public static long[] RoundMillionsAddingUp(IReadOnlyList<long> parts, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 6);
        if (parts.Count == 0) return [];
        var unit = OneMillion / Pow10(decimals);
        var sum = parts.Sum();
        var roundedTotal = (long)Math.Round((decimal)sum / unit, MidpointRounding.AwayFromZero) * unit;
        if (sum == 0) return new long[parts.Count];
        return Apportion.ByRatio(roundedTotal, parts, unit);
    }

    private static long Pow10(int n)
    {
        long result = 1;
        for (var i = 0; i < n; i++) result *= 10;
        return result;
    }
}
