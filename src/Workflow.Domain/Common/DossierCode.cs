using System.Globalization;

namespace Workflow.Domain.Common;

/// <summary>
/// The number a dossier carries on paper and on screen: its kind, fiscal year and place in its unit's sequence for that
/// year (<c>ĐX-2026-0001</c>), as an office numbers its own documents. Unique within a unit; the unit tells two
/// communes' <c>ĐX-2026-0001</c> apart.
/// </summary>
public static class DossierCode
{
    /// <summary>Đề xuất: a sub-project proposal.</summary>
    public const string Proposal = "ĐX";

    /// <summary>Giải ngân: an advance or a payment.</summary>
    public const string Disbursement = "GN";

    /// <summary>Quyết toán: a proposal's acceptance and settlement.</summary>
    public const string Settlement = "QT";

    public static string Format(string kind, int fiscalYear, long number) => $"{kind}-{fiscalYear}-{number:D4}";

    /// <summary>
    /// A code as someone types it into a search box — any case, "DX" for "ĐX", spaces for dashes, the number without
    /// its leading zeros (<c>dx 2026 7</c>) — as it is stored (<c>ĐX-2026-0007</c>); null when the text is not a code.
    /// </summary>
    public static (string Kind, string Code)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Trim().ToUpperInvariant().Replace('Đ', 'D').Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3) return null;
        var kind = parts[0] switch { "DX" => Proposal, "GN" => Disbursement, "QT" => Settlement, _ => null };
        if (kind is null || parts[1].Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || parts[2].Length > 9 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            return null;
        return (kind, Format(kind, year, number));
    }
}
