using Workflow.Domain.Identity;

namespace Workflow.Api.Common;

public static class Policies
{
    public const string ManagePlans = nameof(ManagePlans);
    public const string Audit = nameof(Audit);

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(ManagePlans, p => p.RequireRole(Roles.FinanceOffice, Roles.Admin));
        options.AddPolicy(Audit, p => p.RequireRole(Roles.Admin, Roles.Monitor, Roles.FinanceOffice));
    }
}
