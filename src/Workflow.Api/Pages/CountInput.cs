using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Api.Pages;

/// <summary>
/// Counts and figures typed into the monitoring forms, read the way Vietnamese documents print them: households as
/// 3.120 or 3120, a rate or target as 0,5 (a decimal comma) or 0.5. What cannot be read is refused under its field,
/// naming it, before any rule runs: a guessed number in a census is worse than a question.
/// </summary>
public static partial class CountInput
{
    /// <summary>A whole number from 0; a blank is a valid null.</summary>
    public static bool TryParseCount(string? text, out int? count)
    {
        count = null;
        if (!MoneyInput.TryParse(text, out var value)) return false;
        if (value is null) return true;
        if (value is < 0 or > int.MaxValue) return false;
        count = (int)value.Value;
        return true;
    }

    /// <summary>
    /// A decimal with a comma ("0,5", "1.234,5"), or with a dot where the dots are not groups of three ("0.5"); dots in
    /// groups of three are thousands ("3.000" is three thousand, as a plan writes its jobs). A blank is a valid null.
    /// </summary>
    public static bool TryParseDecimal(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim().Replace("%", "").Trim();
        string invariant;
        if (t.Contains(','))
        {
            if (!WithComma().IsMatch(t)) return false;
            invariant = t.Replace(".", "").Replace(',', '.');
        }
        else if (Grouped().IsMatch(t)) invariant = t.Replace(".", "");
        else if (WithDot().IsMatch(t)) invariant = t;
        else return false;
        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    public static string NotACount(string label, string? text) => $"{label}: '{text}' không phải số nguyên từ 0 (viết như 3.120).";

    public static string NotANumber(string label, string? text) => $"{label}: '{text}' không phải số (viết như 0,5 hoặc 3.000).";

    /// <summary>A count as the input shows it: dot-grouped.</summary>
    public static string Text(int? count) => count is { } c ? Fmt.Number(c) : "";

    /// <summary>A decimal as the input shows it: decimal comma, no trailing zeros.</summary>
    public static string Text(decimal? value) => value?.ToString("#,0.####", CultureInfo.GetCultureInfo("vi-VN")) ?? "";

    [GeneratedRegex(@"^(\d+|\d{1,3}(\.\d{3})+),\d+$")]
    private static partial Regex WithComma();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^\d+(\.\d+)?$")]
    private static partial Regex WithDot();
}
