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
}
