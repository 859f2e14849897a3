using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflow.Api.Pages;

/// <summary>
/// Whole đồng as people type them into a form: 1.521.000.000, 1 521 000 000 or 1521000000. Dots and spaces are only
/// read as thousands separators (groups of three), so "1.5" or "1,521" is refused rather than guessed at: a decimal
/// comma in a đồng amount is a typing slip, and reading it either way would move money by a factor of a thousand.
/// </summary>
public static partial class MoneyInput
{
    /// <summary>False when the text is not a whole number of đồng; a blank is a valid null.</summary>
    public static bool TryParse(string? text, out long? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var trimmed = text.Trim();
        if (!Grouped().IsMatch(trimmed)) return false;
        var digits = Separators().Replace(trimmed, "");
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
        amount = value;
        return true;
    }

    /// <summary>The amount as the input shows it: dot-grouped, as the script groups it while the user types.</summary>
    public static string Text(long? amount) => amount is { } a ? Fmt.Figures(a) : "";

    public static string NotWholeDong(string? text) => $"'{text}' không phải số đồng nguyên (viết như 1.521.000.000).";

    /// <summary>The refusal naming the field, e.g. "Tổng kinh phí: '1,5' không phải số đồng nguyên …".</summary>
    public static string NotWholeDong(string label, string? text) => $"{label}: {NotWholeDong(text)}";

    // digits alone, or groups of three after a first group of one to three, separated by dots or (non-breaking) spaces
    [GeneratedRegex(@"^-?(\d+|\d{1,3}([.\u0020\u00A0\u202F]\d{3})+)$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"[.\u0020\u00A0\u202F]")]
    private static partial Regex Separators();
}

/// <summary>
/// Dates as officials write them, dd/MM/yyyy, whatever the browser's language: the pages use text inputs, not the
/// browser's date picker, whose order (mm/dd/yyyy in an English browser) silently swaps day and month.
/// </summary>
public static class DateInput
{
    public const string Placeholder = "dd/mm/yyyy";

    /// <summary>The pattern the inputs carry: one or two digits for day and month, four for the year.</summary>
    public const string Pattern = @"\d{1,2}/\d{1,2}/\d{4}";

    // yyyy-MM-dd is read too, as links and older bookmarks carry it; no one is asked to type it
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>False when the text is not a date; a blank is a valid null.</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        date = day;
        return true;
    }

    public static string Text(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The ISO form the commands and the API take.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string NotADate(string label, string? text) => $"{label} phải theo dạng dd/MM/yyyy (ví dụ 15/03/2026); '{text}' không phải ngày như vậy.";
}
