namespace Workflow.Domain.Identity;

/// <summary>What a user may do (DESIGN.md §7). Stored and carried in tokens by name.</summary>
public static class Roles
{
    public const string LeadAgency = nameof(LeadAgency);
    public const string FinanceOffice = nameof(FinanceOffice);
    public const string Approver = nameof(Approver);
    public const string Treasury = nameof(Treasury);
    public const string Monitor = nameof(Monitor);

    /// <summary>A unit's standing office for monitoring and evaluation: enters baselines and targets, compiles and submits the reports (TT 10/2022).</summary>
    public const string MonitoringOfficer = nameof(MonitoringOfficer);
    public const string Admin = nameof(Admin);

    /// <summary>The application itself (escalations, one process moving another). No user holds it; a transition allowed only to it cannot be fired by hand.</summary>
    public const string System = nameof(System);

    public static readonly IReadOnlyList<string> All = [LeadAgency, FinanceOffice, Approver, Treasury, Monitor, MonitoringOfficer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
