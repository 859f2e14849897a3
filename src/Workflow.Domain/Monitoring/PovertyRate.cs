namespace Workflow.Domain.Monitoring;

/// <summary>
/// Rates are computed from counts, never stored as inputs and never averaged: a parent's rate is its summed numerator over
/// its summed denominator. Percent with two decimals, half away from zero, as the documents print them.
/// </summary>
public static class PovertyRate
{
    public const int Decimals = 2;

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in percent, or null when the whole is unknown or zero.</summary>
    public static decimal? Percent(long? part, long? whole) =>
        part is { } p && whole is { } w && w > 0 ? Math.Round(100m * p / w, Decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>Whether a stated rate is what the counts give, at the precision the document printed it with.</summary>
    public static bool Agrees(decimal stated, long part, long whole)
    {
        if (whole <= 0) return false;
        var shown = Math.Max(0, DecimalPlaces(stated));
        return Math.Round(100m * part / whole, shown, MidpointRounding.AwayFromZero) == stated;
    }

    /// <summary>"0,57 %" as Vietnamese documents write a rate.</summary>
    public static string Format(decimal percent) =>
        percent.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " %";

    private static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
