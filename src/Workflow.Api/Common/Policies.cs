using Workflow.Domain.Identity;

namespace Workflow.Api.Common;

public static class Policies
{
    public const string ManagePlans = nameof(ManagePlans);
    public const string Audit = nameof(Audit);
    /// <summary>Administration of units, agencies and assignments, within the administrator's unit (Features/Admin/AdminScope).</summary>
    public const string Administer = nameof(Administer);
    /// <summary>Reading the administration journal: administrators and monitors, within their unit.</summary>
    public const string ReadAdminJournal = nameof(ReadAdminJournal);

    /// <summary>Province policies: administrators within their scope and the province's finance office (Features/Admin/Policies/PolicyAccess).</summary>
    public const string ManageProvincePolicies = nameof(ManageProvincePolicies);

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(ManagePlans, p => p.RequireRole(Roles.FinanceOffice, Roles.Admin));
        options.AddPolicy(Audit, p => p.RequireRole(Roles.Admin, Roles.Monitor, Roles.FinanceOffice));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(ManageProvincePolicies, p => p.RequireRole(Roles.Admin, Roles.FinanceOffice));
        options.AddPolicy(ReadAdminJournal, p => p.RequireRole(Roles.Admin, Roles.Monitor));
    }
}
