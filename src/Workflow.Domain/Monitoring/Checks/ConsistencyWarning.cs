namespace Workflow.Domain.Monitoring.Checks;

/// <summary>
/// Figures that can each be true but do not agree with one another: shown beside the figures, naming the check and the
/// numbers, never a refusal — approved documents carry such slips, and the system keeps what they say.
/// </summary>
/// <param name="Check">The check's name (its class), for the docs and for filtering.</param>
/// <param name="Path">Where the figure is: the sub-unit, group or field it concerns.</param>
public sealed record ConsistencyWarning(string Check, string Path, string Message);

/// <summary>Numbers in warnings as Vietnamese documents print them: 2.211 hộ, 0,15 %.</summary>
internal static class Figures
{
    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Up to four decimals, none when whole: a target read back from PostgreSQL's numeric(18,4) says 0,5, not 0,5000.</summary>
    public static string N(decimal? value) => value?.ToString("#,0.####", Vi) ?? "—";

    /// <summary>A rate with the decimals its document printed ("0,10" stays "0,10").</summary>
    public static string AsStated(decimal value) => value.ToString(Vi);

    public static string Signed(decimal value) => value.ToString("+#,0.##;-#,0.##;0", Vi);
}
