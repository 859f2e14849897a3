using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.CreateAgency;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Pages.Admin;

/// <summary>The agencies of the units the administrator manages, filtered by unit and kind, and the form to create one.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class AgenciesModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    /// <summary>Today in Việt Nam: units closed before it take no new agency.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    [BindProperty(SupportsGet = true, Name = "don-vi")] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "loai")] public string? Kind { get; set; }
    [BindProperty] public NewAgency Input { get; set; } = new();

    public IReadOnlyList<AdminUnitView> Units { get; private set; } = [];
    public IReadOnlyList<AdminAgencyView> Agencies { get; private set; } = [];

    public string UnitName(string code) => Units.FirstOrDefault(u => u.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.UnitCode ??= Unit;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AdminAgencyView? created = null;
        var kind = Enum.TryParse<AgencyKind>(Input.Kind, out var k) && Enum.IsDefined(k) ? k : (AgencyKind?)null;
        if (await TryAsync(async () => created = await Mediator.Send(new CreateAgencyCommand(Input.Code?.Trim(), Input.Name, kind, Input.UnitCode), ct)))
        {
            Flash = $"Đã tạo cơ quan {created!.Name} ({created.Code}).";
            return Redirect($"/quan-tri/co-quan?don-vi={Uri.EscapeDataString(created.UnitCode)}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await Mediator.Send(new ListAdminUnitsQuery(null, null), ct);
        var kind = Enum.TryParse<AgencyKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (AgencyKind?)null;
        Agencies = await Mediator.Send(new ListAdminAgenciesQuery(string.IsNullOrWhiteSpace(Unit) ? null : Unit, kind), ct);
    }

    public sealed class NewAgency
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? UnitCode { get; set; }
    }
}
