using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Plans.ImportOpeningPosition;
using Workflow.Api.Features.Plans.OpeningPositionTemplate;
using Workflow.Api.Features.Plans.ExportPlan;
using Workflow.Api.Features.Plans.ExportPlanWorkbook;
using Workflow.Api.Features.Plans.GetPlan;
using Workflow.Api.Features.Reports.PlanReport;
using Workflow.Domain.Identity;

namespace Workflow.Api.Pages.Plans;

public sealed class DetailsModel(IMediator mediator, ICurrentUser user, OpeningPositionAccess opening) : AppPageModel(mediator)
{
    public PlanDetail Plan { get; private set; } = null!;
    public PlanReport Report { get; private set; } = null!;

    /// <summary>A lead-agency officer may propose on the lines their agency leads.</summary>
    public bool CanPropose(string agencyCode) => user.IsIn(Roles.LeadAgency) && user.AgencyCode == agencyCode;

    /// <summary>The finance office (and administrators) revise plans and carry lines over.</summary>
    public bool CanManage => user.IsIn(Roles.FinanceOffice) || user.IsIn(Roles.Admin);

    /// <summary>The plan as an Excel workbook in the import layout (amounts=trieu for triệu đồng).</summary>
    public async Task<IActionResult> OnGetXlsxAsync(Guid id, string? amounts, CancellationToken ct)
    {
        var file = await Mediator.Send(new ExportPlanWorkbookQuery(id, amounts), ct);
        return File(file.Content, PlanWorkbook.ContentType, file.FileName);
    }

    /// <summary>The plan file (JSON), as the API exports it.</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken ct)
    {
        var export = await Mediator.Send(new ExportPlanQuery(id), ct);
        return File(System.Text.Encoding.UTF8.GetBytes(export.Json), "application/json", export.FileName);
    }


    /// <summary>The finance office of the plan's unit (or an administrator) may bring the opening position in, once.</summary>
    public bool CanImportOpening { get; private set; }

    /// <summary>How many proposals the opening position opened (0: not imported yet).</summary>
    public int OpenedProposals { get; private set; }

    [BindProperty] public IFormFile? OpeningFile { get; set; }

    /// <summary>The opening position's errors, in the order of the file: sheet, row, column.</summary>
    public IReadOnlyList<(string Path, string Message)> OpeningErrors { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Plan = await Mediator.Send(new GetPlanQuery(id), ct);
        Report = await Mediator.Send(new GetPlanReportQuery(id), ct);
        CanImportOpening = (user.IsIn(Roles.FinanceOffice) && user.UnitCode == Plan.Unit.Code) || user.IsIn(Roles.Admin);
        OpenedProposals = CanImportOpening ? await opening.OpenedProposalsAsync(id, ct) : 0;
    }

    /// <summary>The template to fill, with the plan's lines as choices.</summary>
    public async Task<IActionResult> OnGetOpeningTemplateAsync(Guid id, CancellationToken ct)
    {
        var template = await Mediator.Send(new GetOpeningPositionTemplateQuery(id), ct);
        return File(template.Content, OpeningPositionWorkbook.ContentType, template.FileName);
    }

    public async Task<IActionResult> OnPostOpeningPositionAsync(Guid id, CancellationToken ct)
    {
        if (OpeningFile is not { Length: > 0 })
            Problem = "Chọn tệp số dư đầu kỳ (.xlsx) đã điền theo mẫu.";
        else if (OpeningFile.Length > OpeningPositionWorkbook.MaxBytes)
            Problem = $"Tệp quá lớn (tối đa {OpeningPositionWorkbook.MaxBytes / 1024 / 1024} MiB).";
        else
        {
            using var memory = new MemoryStream();
            await OpeningFile.CopyToAsync(memory, ct);
            OpeningPositionImported? imported = null;
            if (await TryAsync(async () => imported = await Mediator.Send(new ImportOpeningPositionCommand(id, memory.ToArray()), ct), "opening"))
            {
                Flash = $"Đã nhập số dư đầu kỳ: {imported!.Proposals} đề xuất, {imported.Disbursements} lần giải ngân, {imported.Settlements} hồ sơ quyết toán.";
                return Redirect($"/ke-hoach/{id}");
            }
            string[] order = ["opening.file", "opening.proposals", "opening.disbursements", "opening.settlements"];
            OpeningErrors = ErrorsUnder("opening")
                .OrderBy(e => Array.FindIndex(order, o => e.Path.StartsWith(o, StringComparison.Ordinal)))
                .ThenBy(e => int.TryParse(System.Text.RegularExpressions.Regex.Match(e.Path, @"rows\[(\d+)\]").Groups[1].Value, out var row) ? row : 0)
                .ToList();
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Width in percent of allocated, for the stacked bar.</summary>
    public static string Share(long part, long whole) => whole <= 0 ? "0" : Math.Min(100m, 100m * part / whole).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
