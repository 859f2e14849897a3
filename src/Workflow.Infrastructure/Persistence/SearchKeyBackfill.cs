using System.Text;
using Workflow.Domain.Common;

namespace Workflow.Infrastructure.Persistence;

/// <summary>
/// <see cref="SearchKey.Fold"/> as an SQL expression both engines evaluate, for a migration to fill the search key of
/// rows written before the key existed: <c>lower()</c> for ASCII, then one <c>replace()</c> per Vietnamese letter with
/// a mark (precomposed, as forms send it), each to the letter <see cref="SearchKey.Fold"/> gives it.
/// </summary>
public static class SearchKeyBackfill
{
    private const string Vowels = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
    private static readonly char[] Tones = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

    public static string FoldSql(string expression)
    {
        var sql = new StringBuilder($"lower({expression})");
        foreach (var letter in MarkedLetters())
            sql.Insert(0, "replace(").Append($", '{letter}', '{SearchKey.Fold(letter.ToString())}')");
        return sql.ToString();
    }

    private static IEnumerable<char> MarkedLetters()
    {
        yield return 'đ';
        yield return 'Đ';
        foreach (var vowel in Vowels)
        {
            if (vowel > 127) yield return vowel;
            foreach (var tone in Tones)
                yield return $"{vowel}{tone}".Normalize(NormalizationForm.FormC).Single();
        }
    }
}
