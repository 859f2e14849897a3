using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Plans.ExportPlan;
using Workflow.Api.Features.Plans.GetPlan;
using Workflow.Api.Features.Plans.RevisePlan;
using Workflow.Api.Features.Plans.RevisePlanWorkbook;
using Workflow.Domain.Catalog;
using Workflow.Domain.Plans;

namespace Workflow.Api.Pages.Plans;

/// <summary>
/// The finance office revises a plan (RULES.md 6): uploads the new version as .json or .xlsx, or edits the line
/// amounts here. Either way the whole plan goes through the revision command; each refusal shows next to its field.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ReviseModel(IMediator mediator) : AppPageModel(mediator)
{
    public sealed class LineInput
    {
        public string Component { get; set; } = "";
        public Dictionary<string, string?> Amounts { get; set; } = [];
    }

    [BindProperty(SupportsGet = false)] public List<LineInput> Lines { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public PlanDetail Plan { get; private set; } = null!;
    public PlanContent Current { get; private set; } = null!;

    /// <summary>Which form was sent, so its errors show with it.</summary>
    public string? Sent { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = Plan.Version;
        Lines = Current.Lines.Select(l => new LineInput
        {
            Component = l.Component,
            Amounts = FundingSources.Budget.ToDictionary(s => s.ToString(), s => l.AmountOf(s) == 0 ? null : l.AmountOf(s).ToString(CultureInfo.InvariantCulture)),
        }).ToList();
    }

    /// <summary>The amounts edited in the form: the current plan with these lines' amounts, totals added up again.</summary>
    public async Task<IActionResult> OnPostFormAsync(Guid id, CancellationToken ct)
    {
        Sent = "form";
        var export = await Mediator.Send(new ExportPlanQuery(id), ct);
        await LoadAsync(id, ct);
        if (Plan.Version != Version)
        {
            Problem = $"Kế hoạch vừa được điều chỉnh thành phiên bản {Plan.Version} trong khi anh/chị sửa; hãy mở lại trang để sửa trên bản mới nhất.";
            return Page();
        }
        var file = JsonNode.Parse(export.Json)!.AsObject();
        var lines = file["lines"]!.AsArray();
        var totals = new Dictionary<FundingSource, long>();
        for (var i = 0; i < lines.Count; i++)
        {
            var component = (string)lines[i]!["component"]!;
            var input = Lines.FirstOrDefault(l => l.Component == component);
            var amounts = new JsonObject();
            foreach (var source in FundingSources.Budget)
            {
                var text = input?.Amounts.GetValueOrDefault(source.ToString());
                var amount = Parse(text, $"lines[{i}].amounts.{source}", $"{component} – {Fmt.SourceName(source)}");
                if (amount is null or 0) continue;
                amounts[source.ToString()] = amount;
                totals[source] = totals.GetValueOrDefault(source) + amount.Value;
            }
            lines[i]!["amounts"] = amounts;
        }
        if (!ModelState.IsValid)
        {
            Problem = "Chưa thực hiện được: xem các lỗi được đánh dấu bên dưới.";
            return Page();
        }
        var totalNode = new JsonObject();
        foreach (var source in FundingSources.Budget.Where(s => totals.GetValueOrDefault(s) != 0)) totalNode[source.ToString()] = totals[source];
        file["totals"] = totalNode;
        if (!string.IsNullOrWhiteSpace(Reason)) file["reason"] = Reason;

        PlanRevised? revised = null;
        if (await TryAsync(async () => revised = await Mediator.Send(new RevisePlanCommand(id, JsonSerializer.SerializeToElement(file)), ct)))
            return Done(id, revised!);
        return Page();
    }

    /// <summary>A new version as a file: .json as the plan file, .xlsx in the workbook layout.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        Sent = "upload";
        await LoadAsync(id, ct);
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError("file", "Chọn tệp kế hoạch mới (.json hoặc .xlsx).");
            return Page();
        }
        if (Upload.Length > PlanWorkbook.MaxBytes)
        {
            ModelState.AddModelError("file", $"Tệp quá lớn (tối đa {PlanWorkbook.MaxBytes / 1024 / 1024} MiB).");
            return Page();
        }
        using var memory = new MemoryStream();
        await Upload.CopyToAsync(memory, ct);
        var bytes = memory.ToArray();

        PlanRevised? revised = null;
        var ok = await TryAsync(async () =>
        {
            if (RequestInput.IsWorkbook(bytes, Upload.FileName, Upload.ContentType))
            {
                revised = await Mediator.Send(new RevisePlanWorkbookCommand(id, bytes, Reason), ct);
                return;
            }
            var json = PlanFile.ParseJson(new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'));
            if (!string.IsNullOrWhiteSpace(Reason) && JsonNode.Parse(json.GetRawText()) is JsonObject withReason)
            {
                withReason["reason"] = Reason;
                json = JsonSerializer.SerializeToElement(withReason);
            }
            revised = await Mediator.Send(new RevisePlanCommand(id, json), ct);
        });
        return ok ? Done(id, revised!) : Page();
    }

    private IActionResult Done(Guid id, PlanRevised revised)
    {
        Flash = $"Đã điều chỉnh kế hoạch: phiên bản {revised.Version}.";
        return Redirect($"/ke-hoach/{id}");
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Plan = await Mediator.Send(new GetPlanQuery(id), ct);
        var export = await Mediator.Send(new ExportPlanQuery(id), ct);
        Current = PlanFile.Read(PlanFile.ParseJson(export.Json));
    }

    private long? Parse(string? text, string path, string label)
    {
        if (MoneyInput.TryParse(text, out var amount)) return amount;
        ModelState.AddModelError(path, MoneyInput.NotWholeDong(label, text));
        return null;
    }

    /// <summary>What the clerk typed for a line's source after a refused post, else the stored amount.</summary>
    public string? Typed(int index, FundingSource source) =>
        index < Lines.Count ? Lines[index].Amounts.GetValueOrDefault(source.ToString()) : null;

    /// <summary>Errors that belong to no input of the form (the file as a whole, a cell of a workbook, a total).</summary>
    public IEnumerable<(string Path, string Message)> OtherErrors() =>
        ModelState.Where(kv => Sent != "form" || !(kv.Key.StartsWith("lines[", StringComparison.Ordinal) || kv.Key.StartsWith("totals.", StringComparison.Ordinal)))
            .Where(kv => kv.Key is not ("Reason" or "reason" or "file"))
            .SelectMany(kv => kv.Value!.Errors.Select(e => (kv.Key, e.ErrorMessage)));
}
