using Workflow.Domain.Identity;

namespace Workflow.Domain.Workflows;

/// <summary>An agency administration assigned a part for a unit, with the unit it belongs to (a regional treasury belongs to the province).</summary>
public sealed record AssignedAgency(string Code, string UnitCode);

/// <summary>
/// Who plays the finance office's, the People's Committee's and the treasury's parts for one unit, as administration set
/// them (RULES.md 22: who appraises, approves and confirms is set per unit; <c>UnitAssignment</c>). A part without an
/// assignment falls back to the officers of that role in the unit itself — how the 2022–2025 district offices worked.
/// </summary>
public sealed record UnitParts(AssignedAgency? Appraiser, AssignedAgency? Approver, AssignedAgency? Treasury)
{
    public static readonly UnitParts Unassigned = new(null, null, null);

    /// <summary>The agency assigned the part a role plays for the unit; null when none is or the role has no such part.</summary>
    public AssignedAgency? For(string role) => role switch
    {
        Roles.FinanceOffice => Appraiser,
        Roles.Approver => Approver,
        Roles.Treasury => Treasury,
        _ => null,
    };
}
