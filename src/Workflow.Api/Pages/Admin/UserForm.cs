using Workflow.Api.Features.Admin;

namespace Workflow.Api.Pages.Admin;

/// <summary>The fields an administrator sets on a person, shared by the create and edit pages (<c>_UserFields</c>).</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }
    public string? DisplayName { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? AgencyCode { get; set; }
    public List<string> Roles { get; set; } = [];

    /// <summary>Head of their agency (edit page only): may take over tasks colleagues claimed.</summary>
    public bool IsHead { get; set; }
}

/// <summary>What the shared fields partial needs: the form, the agencies to choose from, and the page for its errors.</summary>
public sealed record UserFieldsView(UserForm Form, IReadOnlyList<AdminAgencyView> Agencies, IReadOnlyList<AdminUnitView> Units, AppPageModel Page);
