using System.Globalization;
using System.Text;

namespace Workflow.Domain.Common;

/// <summary>
/// Text folded the way people type a search: lower case, without Vietnamese tone and vowel marks, đ as d — so "hỗ trợ
/// sinh kế", "HO TRO SINH KE" and "ho tro sinh ke" find the same proposal. A dossier stores its folded code and title;
/// a query is folded the same way and matched word by word.
/// </summary>
public static class SearchKey
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) folded.Append(' ');
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            folded.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return folded.ToString();
    }

    /// <summary>The words of a query, folded, each of which a match must contain (at most <paramref name="max"/>).</summary>
    public static IReadOnlyList<string> Words(string? query, int max = 8) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(max).ToList();

    /// <summary>A dossier's key: its code and title, folded.</summary>
    public static string Of(string code, string title) => Fold($"{code} {title}");
}
