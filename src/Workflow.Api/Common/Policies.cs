using Workflow.Domain.Identity;

namespace Workflow.Api.Common;

public static class Policies
{
    public const string ManagePlans = nameof(ManagePlans);

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(ManagePlans, p => p.RequireRole(Roles.FinanceOffice, Roles.Admin));
    }
}
