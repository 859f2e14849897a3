using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Admin.GetCeilings;
using Workflow.Api.Features.Admin.GetUnit;
using Workflow.Api.Features.Admin.SetCeilings;
using Workflow.Domain.Catalog;
using Workflow.Domain.Plans.Rules;
using Workflow.Infrastructure.Catalogues;

namespace Workflow.Api.Pages.Admin;

/// <summary>
/// A unit's medium-term ceilings for a period: one row per project the programme manages (and any sub-project that
/// has its own ceiling), one amount per source, with what the annual plans allocate; the whole set is saved at once.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class CeilingsModel(IMediator mediator, ProgrammeCatalogues catalogues, TimeProvider clock) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "giai-doan")] public string? Period { get; set; }
    [BindProperty] public string? Basis { get; set; }
    [BindProperty] public Dictionary<string, Dictionary<string, string?>> Amounts { get; set; } = [];

    public AdminUnitView Unit { get; private set; } = null!;
    public CeilingsView Ceilings { get; private set; } = null!;
    public IReadOnlyList<Component> Rows { get; private set; } = [];
    public IReadOnlyList<FundingSource> Sources { get; private set; } = [];

    public async Task OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct);

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        var lines = new List<CeilingLineInput?>();
        foreach (var component in Rows)
        {
            var typed = Amounts.GetValueOrDefault(component.Code) ?? [];
            var amounts = new Dictionary<FundingSource, long>();
            foreach (var source in Sources)
            {
                var text = typed.GetValueOrDefault(source.ToString());
                if (!MoneyInput.TryParse(text, out var amount))
                    ModelState.AddModelError(PathOf(component.Code, source), MoneyInput.NotWholeDong($"{component.Code} – {Fmt.SourceName(source)}", text));
                else if (amount is { } value) amounts[source] = value;
            }
            if (amounts.Count > 0) lines.Add(new CeilingLineInput(component.Code, amounts));
        }
        if (ModelState.ErrorCount > 0)
        {
            Problem = "Chưa thực hiện được: xem các lỗi được đánh dấu bên dưới.";
            return Page();
        }
        // the command's paths name lines by index; the page shows them at the component's row
        var byIndex = lines.Select((l, i) => (l!.Component!, i)).ToDictionary(x => $"lines[{x.i}]", x => x.Item1);
        if (await TryAsync(() => Mediator.Send(new SetCeilingsCommand(code, Ceilings.Period, Basis, lines), ct)))
        {
            Flash = lines.Count == 0
                ? $"Đã bỏ giới hạn trung hạn {Ceilings.Period} của {code}."
                : $"Đã ghi kế hoạch trung hạn {Ceilings.Period} của {code} ({lines.Count} dự án).";
            return Redirect($"{Request.Path}?giai-doan={Ceilings.Period}");
        }
        foreach (var (key, component) in byIndex)
            foreach (var entry in ModelState.Where(kv => kv.Key.StartsWith(key + ".", StringComparison.Ordinal)).ToList())
            {
                var rest = entry.Key[(key.Length + 1)..];
                foreach (var error in entry.Value!.Errors) ModelState.AddModelError($"{component}.{rest}", error.ErrorMessage);
                ModelState.Remove(entry.Key);
            }
        return Page();
    }

    public static string PathOf(string component, FundingSource source) => $"{component}.amounts.{source}";

    /// <summary>What was typed after a refused post, else the ceiling recorded.</summary>
    public string? Value(string component, FundingSource source)
    {
        if (Amounts.TryGetValue(component, out var typed)) return typed.GetValueOrDefault(source.ToString());
        return Ceilings.Lines.FirstOrDefault(l => l.Component == component)?.Amounts.GetValueOrDefault(source) is { } amount and not 0
            ? amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : null;
    }

    private async Task LoadAsync(string code, CancellationToken ct)
    {
        Unit = await Mediator.Send(new GetAdminUnitQuery(code), ct); // 404 when unknown or outside the scope
        var (from, to) = CeilingPeriod.Parse(string.IsNullOrWhiteSpace(Period) ? DefaultPeriod() : Period, "giai-doan");
        Ceilings = await Mediator.Send(new GetCeilingsQuery(Unit.Code, $"{from}-{to}"), ct);
        Basis ??= Ceilings.Basis;
        var catalogue = catalogues.For(from).Period;
        Rows = catalogue.InScope.Where(c => c.ParentCode is null || Ceilings.Lines.Any(l => l.Component == c.Code)).ToList();
        Sources = FundingSources.Budget.Where(s => s != FundingSource.District || !TwoLevelGovernment.Applies(from)).ToList();
    }

    /// <summary>The period of the current year: the programme period covering it, else the five years from 2026.</summary>
    private string DefaultPeriod()
    {
        var year = Domain.Workflows.WorkingCalendar.VietnamToday(clock).Year;
        var period = catalogues.Current.Periods.FirstOrDefault(p => p.Covers(year));
        return period?.Id ?? (year >= TwoLevelGovernment.FirstTwoLevelYear ? "2026-2030" : "2021-2025");
    }
}
