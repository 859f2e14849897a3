namespace Workflow.Domain.Monitoring;

/// <summary>
/// A share of money as whole thousandths (‰), computed from the đồng amounts — never from a floating-point rate — so the
/// dashboard's 658 ‰ is exactly what 658/1000 of the amounts is, rounded half away from zero.
/// </summary>
public static class PerMille
{
    /// <summary><paramref name="part"/> of <paramref name="whole"/> in thousandths; 0 when nothing is allocated.</summary>
    public static int Of(long part, long whole) =>
        whole <= 0 ? 0 : (int)Math.Round(1000m * part / whole, 0, MidpointRounding.AwayFromZero);

    /// <summary>"65,8 %" as the pages print a per-mille share.</summary>
    public static string Format(int perMille) =>
        (perMille / 10m).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " %";
}
