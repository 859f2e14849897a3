using System.Globalization;
using System.Text;
using Workflow.Domain.Catalog;

namespace Workflow.Domain.Documents;

/// <summary>The signer's lines under a decision: the authority line(s) in capitals, then the signer's title and name.</summary>
/// <param name="AuthorityLines">"KT. CHỦ TỊCH" when a deputy signs for the chairman; empty when the chairman signs in person.</param>
/// <param name="Title">"CHỦ TỊCH" or "PHÓ CHỦ TỊCH".</param>
public sealed record SignatureBlock(IReadOnlyList<string> AuthorityLines, string Title, string? Name, bool SignedByDeputy);

/// <summary>
/// The parts of an administrative document that NĐ 30/2020/NĐ-CP fixes (Điều 8, 13 and Phụ lục I): number and
/// symbol, place and date, the issuing body's lines, and the signature. An approval of a sub-project is the commune
/// chairman's own power, so the authority line reads "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …" and the chairman signs as
/// "CHỦ TỊCH"; a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (ký thay, Điều 13). "TM." is for a collective decision of
/// the committee, which this is not.
/// </summary>
public static class AdministrativeDocument
{
    /// <summary>Ký hiệu of a decision of a People's Committee (Phụ lục III: QĐ; the body's abbreviation UBND).</summary>
    public const string DecisionSymbol = "QĐ-UBND";

    /// <summary>
    /// "Số: 125/QĐ-UBND": the number as recorded when it already carries its symbol (it contains "/"), else the
    /// number with the committee's decision symbol.
    /// </summary>
    public static string NumberAndSymbol(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return $"Số:       /{DecisionSymbol}";
        var text = number.Trim();
        return text.Contains('/') ? $"Số: {text}" : $"Số: {text}/{DecisionSymbol}";
    }

    /// <summary>
    /// "Tân Khai, ngày 05 tháng 02 năm 2026": the day below 10 and the months January and February written with a
    /// leading zero (Phụ lục I), so a later hand cannot add a digit.
    /// </summary>
    public static string PlaceAndDate(string place, DateOnly? date)
    {
        if (date is not { } d) return $"{place}, ngày      tháng      năm";
        var day = d.Day < 10 ? d.Day.ToString("00", CultureInfo.InvariantCulture) : d.Day.ToString(CultureInfo.InvariantCulture);
        var month = d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture);
        return $"{place}, ngày {day} tháng {month} năm {d.Year}";
    }

    /// <summary>The place name of a commune-level unit: its name without "Xã", "Phường" or "Đặc khu" ("Xã Tân Khai" → "Tân Khai").</summary>
    public static string PlaceName(string unitName)
    {
        var name = unitName.Trim();
        foreach (var prefix in new[] { "Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Huyện ", "Tỉnh ", "Thành phố " })
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return name[prefix.Length..].Trim();
        return name;
    }

    /// <summary>"XÃ TÂN KHAI": the issuing unit as the heading writes it, with its kind when the name does not carry one.</summary>
    public static string IssuingUnitLine(string unitName, AdminLevel level, CommuneKind kind)
    {
        var name = unitName.Trim();
        if (PlaceName(name) == name)
            name = level switch
            {
                AdminLevel.Commune => $"{AdminUnit.KindName(kind)} {name}",
                AdminLevel.Province => $"Tỉnh {name}",
                AdminLevel.District => $"Huyện {name}",
                _ => name,
            };
        return name.ToUpper(Vietnamese);
    }

    /// <summary>
    /// Who signs and how, from the approver's position (chức vụ): a "Phó Chủ tịch" signs for the chairman (KT.);
    /// anyone else who approves is taken to be the chairman. When the position is blank, the full name is read instead
    /// (demo accounts carry their title there).
    /// </summary>
    public static SignatureBlock Signature(string? position, string? displayName, string? name)
    {
        var title = string.IsNullOrWhiteSpace(position) ? displayName ?? "" : position;
        var deputy = Fold(title).Contains("pho chu tich", StringComparison.Ordinal);
        return deputy
            ? new SignatureBlock(["KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", name, true)
            : new SignatureBlock([], "CHỦ TỊCH", name, false);
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Lower case without diacritics, đ as d, spaces collapsed: "Phó  Chủ tịch" → "pho chu tich".</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            b.Append(c is 'đ' or 'Đ' ? 'd' : char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }
        return string.Join(' ', b.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>The proposal process's action whose firing records the approval decision (number and date).</summary>
public static class ProposalDecision
{
    public const string ApproveAction = "approve";
}
