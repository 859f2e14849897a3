using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.CloseUnit;
using Workflow.Api.Features.Admin.GetAssignments;
using Workflow.Api.Features.Admin.GetUnit;
using Workflow.Api.Features.Admin.ListAgencies;
using Workflow.Api.Features.Admin.ListUnits;
using Workflow.Api.Features.Admin.RenameUnit;
using Workflow.Api.Features.Admin.SetAssignments;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;

namespace Workflow.Api.Pages.Admin;

/// <summary>One unit: its facts, its agencies, who plays which part for it (with the form to set them), renaming and closing.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class UnitModel(IMediator mediator, TimeProvider clock) : AppPageModel(mediator)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateOnly? ValidTo { get; set; }
    [BindProperty] public string? SuccessorCode { get; set; }
    [BindProperty] public DateOnly? ValidFrom { get; set; }
    [BindProperty] public string? Appraiser { get; set; }
    [BindProperty] public string? Approver { get; set; }
    [BindProperty] public string? Treasury { get; set; }

    public AdminUnitView Unit { get; private set; } = null!;
    public IReadOnlyList<AdminAgencyView> Agencies { get; private set; } = [];
    public UnitAssignmentsView Assignments { get; private set; } = null!;
    public IReadOnlyList<AdminUnitView> Children { get; private set; } = [];

    /// <summary>Units of the same level that could take this one over (for closing by merger).</summary>
    public IReadOnlyList<AdminUnitView> Successors { get; private set; } = [];

    /// <summary>Per part, the agencies in scope that may play it: of the unit itself, or for the treasury of a unit above it.</summary>
    public IReadOnlyDictionary<UnitPart, IReadOnlyList<AdminAgencyView>> Candidates { get; private set; } = new Dictionary<UnitPart, IReadOnlyList<AdminAgencyView>>();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>The part's agency chosen in the form: what was posted, else the one in force.</summary>
    public string? Chosen(UnitPart part) => part switch
    {
        UnitPart.Appraiser => Appraiser,
        UnitPart.Approver => Approver,
        _ => Treasury,
    } ?? Assignments.Current.FirstOrDefault(a => a.Part == part)?.AgencyCode;

    public static string FieldOf(UnitPart part) => SetAssignmentsCommand.PathOf(part);

    public async Task OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct);

    public async Task<IActionResult> OnPostRenameAsync(string code, CancellationToken ct)
    {
        AdminUnitView? after = null;
        if (await TryAsync(async () => after = await Mediator.Send(new RenameUnitCommand(code, Name), ct)))
        {
            Flash = $"Đã đổi tên đơn vị {code} thành “{after!.Name}”.";
            return Redirect(Request.Path);
        }
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(string code, CancellationToken ct)
    {
        var successor = string.IsNullOrWhiteSpace(SuccessorCode) ? null : SuccessorCode;
        if (await TryAsync(() => Mediator.Send(new CloseUnitCommand(code, ValidTo, successor), ct)))
        {
            Flash = successor is null
                ? $"Đã ghi đơn vị {code} hết hiệu lực sau ngày {Fmt.Date(ValidTo)}."
                : $"Đã ghi đơn vị {code} sáp nhập vào {successor}, hết hiệu lực sau ngày {Fmt.Date(ValidTo)}.";
            return Redirect(Request.Path);
        }
        await LoadAsync(code, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(string code, CancellationToken ct)
    {
        if (await TryAsync(() => Mediator.Send(new SetAssignmentsCommand(code, ValidFrom, Appraiser, Approver, Treasury), ct)))
        {
            Flash = $"Đã ghi phân công của đơn vị {code} từ ngày {Fmt.Date(ValidFrom)}.";
            return Redirect(Request.Path);
        }
        await LoadAsync(code, ct);
        return Page();
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Unit = await Mediator.Send(new GetAdminUnitQuery(code), ct); // 404 when unknown or outside the scope
        Name ??= Unit.Name;
        Assignments = await Mediator.Send(new GetAssignmentsQuery(Unit.Code), ct);
        var all = await Mediator.Send(new ListAdminUnitsQuery(null, null), ct);
        Children = all.Where(u => u.ParentCode == Unit.Code).ToList();
        Successors = all.Where(u => u.Level == Unit.Level && u.Code != Unit.Code && u.ValidTo is null).ToList();

        var agencies = await Mediator.Send(new ListAdminAgenciesQuery(null, null), ct);
        Agencies = agencies.Where(a => a.UnitCode == Unit.Code).ToList();
        var above = new List<string>();
        var parents = all.ToDictionary(u => u.Code, u => u.ParentCode);
        for (var p = Unit.ParentCode; p is not null && !above.Contains(p); p = parents.GetValueOrDefault(p)) above.Add(p);
        Candidates = new Dictionary<UnitPart, IReadOnlyList<AdminAgencyView>>
        {
            [UnitPart.Appraiser] = Agencies.Where(a => a.Kind == AgencyKind.FinanceOffice).ToList(),
            [UnitPart.Approver] = Agencies.Where(a => a.Kind == AgencyKind.PeoplesCommittee).ToList(),
            [UnitPart.Treasury] = agencies.Where(a => a.Kind == AgencyKind.Treasury && (a.UnitCode == Unit.Code || above.Contains(a.UnitCode))).ToList(),
        };
    }
}
