using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.UpdateAgency;
using Workflow.Api.Features.Admin.SetAgencyBudgetIdentity;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;

namespace Workflow.Api.Pages.Admin;

/// <summary>One agency: its name and kind, to correct, and the codes the treasury knows it by.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AgencyModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public AgencyBudgetIdentityRequest? Budget { get; set; }

    public AdminAgencyView Agency { get; private set; } = null!;

    /// <summary>The treasury codes as saved (the form shows <see cref="Budget"/>, which keeps what was typed after a refusal).</summary>
    public AgencyBudgetIdentityView Saved { get; private set; } = null!;

    public async Task OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct);

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var kind = Enum.TryParse<AgencyKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (AgencyKind?)null;
        if (await TryAsync(() => Mediator.Send(new UpdateAgencyCommand(Agency.Code, Name, kind), ct)))
        {
            Flash = $"Đã lưu cơ quan {Agency.Code}.";
            return Redirect(Request.Path);
        }
        return Page();
    }

    /// <summary>The treasury codes form: errors come back keyed by field, shown beside each input.</summary>
    public async Task<IActionResult> OnPostBudgetAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        if (await TryAsync(() => Mediator.Send(new SetAgencyBudgetIdentityCommand(Agency.Code, Budget ?? new(null, null, null, null, null)), ct)))
        {
            Flash = $"Đã lưu mã ngân sách, tài khoản kho bạc của {Agency.Code}.";
            return Redirect(Request.Path);
        }
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        var all = await Mediator.Send(new ListAdminAgenciesQuery(null, null), ct);
        Agency = all.FirstOrDefault(a => a.Code == code) ?? throw new NotFoundException($"Không tìm thấy cơ quan {code}.");
        Name ??= Agency.Name;
        Kind ??= Agency.Kind.ToString();
        Saved = await Mediator.Send(new GetAgencyBudgetIdentityQuery(Agency.Code), ct);
        Budget ??= new(Saved.RelationshipCode, Saved.TreasuryAccount, Saved.TreasuryName, Saved.TreasuryCode, Saved.Chapter);
    }
}
