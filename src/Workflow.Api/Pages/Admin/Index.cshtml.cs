using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Domain.Identity;

namespace Workflow.Api.Pages.Admin;

/// <summary>The administration pages' start: administrators see every section, monitors only the journal.</summary>
[Authorize(Policy = Policies.ReadAdminJournal)]
public sealed class IndexModel(IMediator mediator, ICurrentUser caller) : AppPageModel(mediator)
{
    public bool CanAdminister => caller.IsIn(Roles.Admin);
    public string UnitCode => caller.UnitCode;

    public IActionResult OnGet() => CanAdminister ? Page() : Redirect("/quan-tri/nhat-ky");
}
