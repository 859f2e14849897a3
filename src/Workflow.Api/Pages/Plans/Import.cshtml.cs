using System.Text;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Plans.ImportPlan;

namespace Workflow.Api.Pages.Plans;

/// <summary>The finance office imports a plan file; every problem shows next to the line and field it concerns.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ImportModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Text { get; set; }

    /// <summary>The file's lines, to show each with its errors.</summary>
    public IReadOnlyList<string> Components { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var json = Text;
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
            Problem = "Chọn tệp kế hoạch (.json) hoặc dán nội dung tệp.";
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
