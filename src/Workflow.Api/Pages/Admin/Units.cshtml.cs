using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.CreateUnit;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Pages.Admin;

/// <summary>The units the administrator manages, filtered by parent and level, and the form to create one.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UnitsModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "cap-tren")] public string? Parent { get; set; }
    [BindProperty(SupportsGet = true, Name = "cap")] public string? Level { get; set; }
    [BindProperty] public NewUnit Input { get; set; } = new();

    /// <summary>Every unit in scope (for the filter, the parent and the names).</summary>
    public IReadOnlyList<AdminUnitView> All { get; private set; } = [];
    public IReadOnlyList<AdminUnitView> Units { get; private set; } = [];

    public string NameOf(string? code) => code is null ? "—" : All.FirstOrDefault(u => u.Code == code)?.Name is { } name ? $"{name} ({code})" : code;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AdminUnitView? created = null;
        var command = new CreateUnitCommand(Input.Code?.Trim(), Input.Name, Parse<AdminLevel>(Input.Level),
            Input.Level == nameof(AdminLevel.Commune) ? Parse<CommuneKind>(Input.Kind) : null,
            string.IsNullOrWhiteSpace(Input.ParentCode) ? null : Input.ParentCode, Input.ValidFrom, Input.ValidTo);
        if (await TryAsync(async () => created = await Mediator.Send(command, ct)))
        {
            Flash = $"Đã tạo {created!.LevelName.ToLowerInvariant()} {created.Name} ({created.Code}).";
            return Redirect($"/quan-tri/don-vi/{Uri.EscapeDataString(created.Code)}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await Mediator.Send(new ListAdminUnitsQuery(null, null), ct);
        var level = Parse<AdminLevel>(Level);
        Units = All.Where(u => (string.IsNullOrEmpty(Parent) || u.ParentCode == Parent) && (level is null || u.Level == level)).ToList();
    }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public sealed class NewUnit
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Level { get; set; } = nameof(AdminLevel.Commune);
        public string? Kind { get; set; } = nameof(CommuneKind.Commune);
        public string? ParentCode { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
    }
}
