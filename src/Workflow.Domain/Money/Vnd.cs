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
}
