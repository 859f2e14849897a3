using System.Text;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Plans.ImportPlan;
using Workflow.Api.Features.Plans.ImportPlanWorkbook;
using Workflow.Api.Features.Plans.PlanWorkbookTemplate;

namespace Workflow.Api.Pages.Plans;

/// <summary>
/// The finance office imports a plan file (.json) or workbook (.xlsx); every problem shows next to the line and field
/// it concerns, or, for a workbook, with the cell (G25) it is in.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ImportModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Text { get; set; }

    /// <summary>The file's lines, to show each with its errors.</summary>
    public IReadOnlyList<string> Components { get; private set; } = [];

    /// <summary>Set when the upload was a workbook: its errors are keyed by cell.</summary>
    public bool IsWorkbook { get; private set; }

    public void OnGet() { }

    /// <summary>The empty plan workbook.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var file = await Mediator.Send(new PlanWorkbookTemplateQuery(), ct);
        return File(file.Content, PlanWorkbook.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var json = Text;
        if (Upload is { Length: > 0 } && Upload.Length <= PlanWorkbook.MaxBytes
            && RequestInput.IsWorkbook(await HeadAsync(Upload, ct), Upload.FileName, Upload.ContentType))
        {
            IsWorkbook = true;
            Text = null;
            using var memory = new MemoryStream();
            await Upload.CopyToAsync(memory, ct);
            PlanCreated? fromWorkbook = null;
            if (await TryAsync(async () => fromWorkbook = await Mediator.Send(new ImportPlanWorkbookCommand(memory.ToArray()), ct)))
            {
                Flash = $"Đã nhập kế hoạch vốn năm {fromWorkbook!.FiscalYear} của {fromWorkbook.UnitCode} từ sổ tính {Upload.FileName}.";
                return Redirect($"/ke-hoach/{fromWorkbook.Id}");
            }
            return Page();
        }
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > RequestInput.MaxJsonBytes)
            {
                Problem = "Tệp quá lớn (tối đa 1 MiB).";
                return Page();
            }
            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
            json = await reader.ReadToEndAsync(ct);
            Text = json;
        }
        if (string.IsNullOrWhiteSpace(json))
        {
            Problem = "Chọn tệp kế hoạch (.json hoặc .xlsx) hoặc dán nội dung tệp JSON.";
            return Page();
        }

        PlanCreated? created = null;
        if (await TryAsync(async () => created = await Mediator.Send(new ImportPlanCommand(PlanFile.ParseJson(json)), ct)))
        {
            Flash = $"Đã nhập kế hoạch vốn năm {created!.FiscalYear} của {created.UnitCode}.";
            return Redirect($"/ke-hoach/{created.Id}");
        }
        Components = ComponentsOf(json);
        return Page();
    }

    private static async Task<byte[]> HeadAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        var head = new byte[4];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return head[..read];
    }

    private static IReadOnlyList<string> ComponentsOf(string json)
    {
        try
        {
            var root = System.Text.Json.JsonDocument.Parse(json).RootElement;
            return root.TryGetProperty("lines", out var lines) && lines.ValueKind == System.Text.Json.JsonValueKind.Array
                ? lines.EnumerateArray().Select(l => l.TryGetProperty("component", out var c) ? c.ToString() : "?").ToList()
                : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
