namespace Workflow.Domain.Money;

/// <summary>
/// An amount in words as payment orders and decisions write it beside the figures (số tiền bằng chữ):
/// <c>1.320.005.000</c> → "Một tỷ ba trăm hai mươi triệu không trăm lẻ năm nghìn đồng". Groups of three digits read
/// with nghìn / triệu / tỷ (and "nghìn tỷ", "triệu tỷ" above); a group after a larger one reads its hundreds even when
/// zero ("không trăm"); a zero ten before a unit reads "lẻ"; after "mười" five is "lăm", after "hai mươi" and up one
/// is "mốt" and five "lăm". Written here rather than taken from a library so the wording is the one treasury forms use.
/// </summary>
public static class VndInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] GroupNames = ["", "nghìn", "triệu"];

    /// <summary>The amount in words with "đồng", first letter capital: "Không đồng" for zero, "Âm …" below zero.</summary>
    public static string Of(long amount)
    {
        if (amount == 0) return "Không đồng";
        // long.MinValue has no positive counterpart in long: read its magnitude as an unsigned number
        var magnitude = amount < 0 ? (ulong)(-(amount + 1)) + 1 : (ulong)amount;
        var words = Read(magnitude) + " đồng";
        if (amount < 0) words = "âm " + words;
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Read(ulong value)
    {
        var groups = new List<int>();
        for (var rest = value; rest > 0; rest /= 1000) groups.Add((int)(rest % 1000));

        var parts = new List<string>();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0) continue;
            var leading = i == groups.Count - 1;
            parts.Add(ReadGroup(groups[i], readZeroHundreds: !leading));
            var unit = GroupUnit(i);
            if (unit.Length > 0) parts.Add(unit);
        }
        return string.Join(' ', parts);
    }

    /// <summary>0 → "", 1 → "nghìn", 2 → "triệu", 3 → "tỷ", 4 → "nghìn tỷ", 5 → "triệu tỷ", 6 → "tỷ tỷ".</summary>
    private static string GroupUnit(int index)
    {
        var words = new List<string>();
        if (GroupNames[index % 3].Length > 0) words.Add(GroupNames[index % 3]);
        for (var b = 0; b < index / 3; b++) words.Add("tỷ");
        return string.Join(' ', words);
    }

    private static string ReadGroup(int group, bool readZeroHundreds)
    {
        int hundreds = group / 100, tens = group / 10 % 10, ones = group % 10;
        var words = new List<string>();
        if (hundreds > 0 || readZeroHundreds) words.Add($"{Digits[hundreds]} trăm");

        if (tens == 0)
        {
            if (ones > 0)
            {
                if (words.Count > 0) words.Add("lẻ");
                words.Add(Digits[ones]);
            }
        }
        else
        {
            words.Add(tens == 1 ? "mười" : $"{Digits[tens]} mươi");
            if (ones == 5) words.Add("lăm");
            else if (ones == 1 && tens > 1) words.Add("mốt");
            else if (ones > 0) words.Add(Digits[ones]);
        }
        return string.Join(' ', words);
    }
}
