using System.Globalization;

namespace Workflow.Api.Pages;

/// <summary>Whole đồng as people type them into a form: 1.521.000.000, 1 521 000 000 or 1521000000.</summary>
public static class MoneyInput
{
    /// <summary>False when the text is not a whole number of đồng; a blank is a valid null.</summary>
    public static bool TryParse(string? text, out long? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var digits = text.Trim().Replace(".", "").Replace(",", "").Replace(" ", "").Replace("\u00A0", "");
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
        amount = value;
        return true;
    }

    public static string NotWholeDong(string? text) => $"'{text}' không phải số đồng nguyên.";
}
