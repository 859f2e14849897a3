using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Domain.Administration;

/// <summary>A part an agency plays for a unit's proposals.</summary>
public enum UnitPart
{
    /// <summary>Thẩm định: appraises proposals (the finance office).</summary>
    Appraiser,
    /// <summary>Phê duyệt: approves them (the People's Committee).</summary>
    Approver,
    /// <summary>Kho bạc kiểm soát chi: checks and pays disbursements (the State Treasury).</summary>
    Treasury,
}

/// <summary>
/// Which agency plays <see cref="Part"/> for <see cref="UnitCode"/> from <see cref="ValidFrom"/> on; the latest row per
/// unit and part is the one in force, earlier ones are history. The appraiser and the approver are agencies of the
/// unit itself; one regional treasury serves many communes, so the treasury may also be an agency of a unit above
/// (the province). The workflow reads the assignment in force (<c>UnitParts</c>): its tasks land with that agency and
/// only its officers act in that part; a unit without one falls back to the officers of the role in the unit itself.
/// </summary>
public sealed class UnitAssignment
{
    private UnitAssignment() { UnitCode = AgencyCode = ""; }

    public UnitAssignment(string unitCode, UnitPart part, string agencyCode, DateOnly validFrom)
    {
        UnitCode = unitCode;
        Part = part;
        AgencyCode = agencyCode;
        ValidFrom = validFrom;
    }

    public string UnitCode { get; private set; }
    public UnitPart Part { get; private set; }
    public string AgencyCode { get; private set; }
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Corrects the agency of an assignment that starts on the same day as the new one.</summary>
    public void Reassign(string agencyCode) => AgencyCode = agencyCode;

    public static AgencyKind ExpectedKind(UnitPart part) => part switch
    {
        UnitPart.Appraiser => AgencyKind.FinanceOffice,
        UnitPart.Approver => AgencyKind.PeoplesCommittee,
        _ => AgencyKind.Treasury,
    };

    public static string PartName(UnitPart part) => part switch
    {
        UnitPart.Appraiser => "Thẩm định",
        UnitPart.Approver => "Phê duyệt",
        _ => "Kho bạc kiểm soát chi",
    };

    /// <summary>
    /// Whether <paramref name="agency"/> (null: no such agency) may play <paramref name="part"/> for <paramref name="unit"/>,
    /// whose chain of units above is <paramref name="ancestors"/>; the violation is reported at <paramref name="path"/>.
    /// </summary>
    public static Violation? Check(UnitPart part, string path, AdminUnit unit, string? agencyCode, Agency? agency, IReadOnlyCollection<string> ancestors)
    {
        if (string.IsNullOrWhiteSpace(agencyCode))
            return new(path, $"Chọn cơ quan {PartName(part).ToLowerInvariant()} cho {unit.Code}.");
        if (agency is null)
            return new(path, $"Không có cơ quan {agencyCode}.");
        if (agency.Kind != ExpectedKind(part))
            return new(path, $"Phần việc '{PartName(part)}' do {Agency.KindName(ExpectedKind(part))} đảm nhận; {agency.Code} là {Agency.KindName(agency.Kind)}.");
        var ownUnit = agency.UnitCode == unit.Code;
        if (part == UnitPart.Treasury
                ? !ownUnit && !(ancestors.Contains(agency.UnitCode) && agency.UnitCode != AdminUnit.NationalCode)
                : !ownUnit)
            return new(path, part == UnitPart.Treasury
                ? $"Kho bạc kiểm soát chi phải thuộc {unit.Code} hoặc đơn vị cấp trên của nó (tỉnh); {agency.Code} thuộc {agency.UnitCode}."
                : $"Cơ quan {PartName(part).ToLowerInvariant()} phải thuộc chính đơn vị {unit.Code}; {agency.Code} thuộc {agency.UnitCode}.");
        return null;
    }
}
