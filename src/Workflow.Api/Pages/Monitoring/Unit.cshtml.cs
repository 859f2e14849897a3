using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Monitoring;
using Workflow.Api.Features.Monitoring.RecordBaseline;
using Workflow.Api.Features.Monitoring.SetTarget;
using Workflow.Api.Features.Monitoring.Units;
using Workflow.Domain.Monitoring;

namespace Workflow.Api.Pages.Monitoring;

/// <summary>
/// A unit's monitoring figures for a plan year: the baseline (the review at the end of the year before) with its rates
/// computed from the counts, the targets, the warnings and the outputs. The unit's standing office enters and corrects
/// the census and adds and removes targets here through the same commands as the API, so the rules, the journal and the
/// scope are the API's.
/// </summary>
public sealed class UnitModel(IMediator mediator) : AppPageModel(mediator)
{
    public const string CensusPrefix = "census";
    public const string TargetPrefix = "target";

    public MonitoringUnitPage View { get; private set; } = null!;

    [BindProperty] public CensusForm Census { get; set; } = new();
    [BindProperty] public TargetForm Target { get; set; } = new();

    /// <summary>The review whose figures are the plan year's baseline.</summary>
    public int ReviewYear => View.Year - 1;

    public async Task OnGetAsync(string unit, int year, CancellationToken ct)
    {
        View = await Mediator.Send(new ReadMonitoringUnitQuery(unit, year), ct);
        Census = CensusForm.From(View.Baseline);
    }

    public async Task<IActionResult> OnPostCensusAsync(string unit, int year, CancellationToken ct)
    {
        View = await Mediator.Send(new ReadMonitoringUnitQuery(unit, year), ct);
        var unreadable = new List<(string Path, string Message)>();
        var command = Census.ToCommand(View.Unit, ReviewYear, View.Baseline, unreadable);
        if (unreadable.Count > 0)
        {
            foreach (var (path, message) in unreadable) ModelState.AddModelError($"{CensusPrefix}.{path}", message);
            Problem = "Chưa lưu: xem các lỗi được đánh dấu bên dưới.";
            return Page();
        }
        CensusResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(command!, ct), CensusPrefix)) return Page();
        Flash = $"Đã lưu kết quả rà soát cuối năm {ReviewYear} của {View.UnitName}." + WarningsNote(result!.Warnings.Count);
        return Redirect(PathOf(View.Unit, year));
    }

    public async Task<IActionResult> OnPostTargetAsync(string unit, int year, CancellationToken ct)
    {
        View = await Mediator.Send(new ReadMonitoringUnitQuery(unit, year), ct);
        Census = CensusForm.From(View.Baseline);
        var unreadable = new List<(string Path, string Message)>();
        var command = Target.ToCommand(View.Unit, year, unreadable);
        if (unreadable.Count > 0)
        {
            foreach (var (path, message) in unreadable) ModelState.AddModelError($"{TargetPrefix}.{path}", message);
            Problem = "Chưa thêm chỉ tiêu: xem các lỗi được đánh dấu bên dưới.";
            return Page();
        }
        TargetResult? result = null;
        if (!await TryAsync(async () => result = await Mediator.Send(command, ct), TargetPrefix)) return Page();
        Flash = $"Đã thêm chỉ tiêu năm {year}." + WarningsNote(result!.Warnings.Count);
        return Redirect(PathOf(View.Unit, year) + "#chi-tieu");
    }

    public async Task<IActionResult> OnPostRemoveTargetAsync(string unit, int year, Guid id, CancellationToken ct)
    {
        View = await Mediator.Send(new ReadMonitoringUnitQuery(unit, year), ct);
        Census = CensusForm.From(View.Baseline);
        if (!await TryAsync(() => Mediator.Send(new RemoveTargetCommand(id), ct), TargetPrefix)) return Page();
        Flash = "Đã xóa chỉ tiêu; nhật ký quản trị giữ chỉ tiêu đã xóa.";
        return Redirect(PathOf(View.Unit, year) + "#chi-tieu");
    }

    public static string PathOf(string unit, int year) => $"/giam-sat/{Uri.EscapeDataString(unit)}/{year}";

    private static string WarningsNote(int warnings) =>
        warnings == 0 ? " Số liệu không có cảnh báo không nhất quán." : $" Số liệu của đơn vị có {warnings} cảnh báo không nhất quán — xem mục Cảnh báo.";

    /// <summary>The errors of a form not shown beside one of its fields (a problem with the whole census, a breakdown kept from a file).</summary>
    public IEnumerable<(string Path, string Message)> OtherErrors(string prefix, IEnumerable<string> shownPaths)
    {
        var shown = shownPaths.Select(p => $"{prefix}.{p}").ToHashSet(StringComparer.Ordinal);
        return ErrorsUnder(prefix).Where(e => !shown.Contains(e.Path));
    }

    public static string Rate(decimal? percent) => percent is { } p ? PovertyRate.Format(p) : "—";

    public static string Count(int? count) => count is { } c ? Fmt.Number(c) : "—";

    public static string KindName(TargetKind kind) => kind switch
    {
        TargetKind.ReduceCount => "Giảm (số hộ)",
        TargetKind.EndCount => "Còn cuối năm (số hộ)",
        TargetKind.EndRate => "Tỷ lệ cuối năm dưới (%)",
        TargetKind.ReducePoints => "Giảm (điểm %)",
        TargetKind.Coverage => "Bao phủ (%)",
        TargetKind.Absolute => "Đạt số lượng",
        _ => kind.ToString(),
    };

    public static string SubjectName(string subject) =>
        TargetForm.Subjects.FirstOrDefault(s => s.Code == subject).Name ?? subject;
}

/// <summary>The census form's fields as typed: counts are read by <see cref="CountInput"/> so a slip is named under its field.</summary>
public sealed class CensusForm
{
    public Guid? Id { get; set; }
    public int? Revision { get; set; }
    public string? AsOf { get; set; }
    public string? Basis { get; set; }
    public string? TotalHouseholds { get; set; }
    public string? PoorHouseholds { get; set; }
    public string? PoorPersons { get; set; }
    public string? NearPoorHouseholds { get; set; }
    public string? NearPoorPersons { get; set; }
    public string? EscapedPoor { get; set; }
    public string? NewlyPoor { get; set; }
    public string? RePoor { get; set; }
    public string? EscapedNearPoor { get; set; }
    public string? NewlyNearPoor { get; set; }
    public string? StatedPoorRate { get; set; }
    public string? StatedNearPoorRate { get; set; }

    /// <summary>Each count field: the JSON path its errors sit under, the form's property, its label.</summary>
    public static readonly IReadOnlyList<(string Path, string Field, string Label, Func<CensusForm, string?> Typed)> CountFields =
    [
        ("totalHouseholds", nameof(TotalHouseholds), "Tổng số hộ", f => f.TotalHouseholds),
        ("poor.households", nameof(PoorHouseholds), "Hộ nghèo", f => f.PoorHouseholds),
        ("poor.persons", nameof(PoorPersons), "Nhân khẩu hộ nghèo", f => f.PoorPersons),
        ("nearPoor.households", nameof(NearPoorHouseholds), "Hộ cận nghèo", f => f.NearPoorHouseholds),
        ("nearPoor.persons", nameof(NearPoorPersons), "Nhân khẩu hộ cận nghèo", f => f.NearPoorPersons),
        ("flows.escapedPoor", nameof(EscapedPoor), "Hộ thoát nghèo", f => f.EscapedPoor),
        ("flows.newlyPoor", nameof(NewlyPoor), "Hộ nghèo phát sinh mới", f => f.NewlyPoor),
        ("flows.rePoor", nameof(RePoor), "Hộ tái nghèo", f => f.RePoor),
        ("flows.escapedNearPoor", nameof(EscapedNearPoor), "Hộ thoát cận nghèo", f => f.EscapedNearPoor),
        ("flows.newlyNearPoor", nameof(NewlyNearPoor), "Hộ cận nghèo phát sinh mới", f => f.NewlyNearPoor),
    ];

    /// <summary>Every path the form shows errors beside.</summary>
    public static IEnumerable<string> ShownPaths => CountFields.Select(f => f.Path).Concat(["asOf", "basis", "statedPoorRate", "statedNearPoorRate"]);

    public static CensusForm From(CensusView? c) => c is null ? new() : new()
    {
        Id = c.Id, Revision = c.Revision, AsOf = DateInput.Text(c.AsOf), Basis = c.Basis,
        TotalHouseholds = CountInput.Text(c.TotalHouseholds),
        PoorHouseholds = CountInput.Text(c.Poor?.Households), PoorPersons = CountInput.Text(c.Poor?.Persons),
        NearPoorHouseholds = CountInput.Text(c.NearPoor?.Households), NearPoorPersons = CountInput.Text(c.NearPoor?.Persons),
        EscapedPoor = CountInput.Text(c.Flows?.EscapedPoor), NewlyPoor = CountInput.Text(c.Flows?.NewlyPoor), RePoor = CountInput.Text(c.Flows?.RePoor),
        EscapedNearPoor = CountInput.Text(c.Flows?.EscapedNearPoor), NewlyNearPoor = CountInput.Text(c.Flows?.NewlyNearPoor),
        StatedPoorRate = CountInput.Text(StatedOverAll(c, "poor")?.Rate), StatedNearPoorRate = CountInput.Text(StatedOverAll(c, "nearPoor")?.Rate),
    };

    /// <summary>A rate the document stated of a group over all households: the one the form shows and replaces.</summary>
    public static StatedRate? StatedOverAll(CensusView c, string of) => c.StatedRates.FirstOrDefault(r => IsOverAll(r, of));

    private static bool IsOverAll(StatedRate r, string of) => r.Of == of && r.Per is null or "totalHouseholds";

    /// <summary>
    /// The command the API takes. A correction keeps what the form does not show — breakdowns, deprivations, other stated
    /// rates, notes, the standard — as the census holds them, so correcting a count from the page loses nothing loaded
    /// from a file.
    /// </summary>
    public RecordBaselineCommand? ToCommand(string unit, int reviewYear, CensusView? existing, List<(string Path, string Message)> unreadable)
    {
        var counts = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (path, _, label, typed) in CountFields)
        {
            var text = typed(this);
            if (CountInput.TryParseCount(text, out var value)) counts[path] = value;
            else unreadable.Add((path, CountInput.NotACount(label, text)));
        }
        if (!DateInput.TryParse(AsOf, out var asOf)) unreadable.Add(("asOf", DateInput.NotADate("Ngày số liệu", AsOf)));
        if (!CountInput.TryParseDecimal(StatedPoorRate, out var statedPoor)) unreadable.Add(("statedPoorRate", CountInput.NotANumber("Tỷ lệ hộ nghèo văn bản ghi", StatedPoorRate)));
        if (!CountInput.TryParseDecimal(StatedNearPoorRate, out var statedNearPoor)) unreadable.Add(("statedNearPoorRate", CountInput.NotANumber("Tỷ lệ hộ cận nghèo văn bản ghi", StatedNearPoorRate)));
        // persons without households: a blank households field, not one already refused as unreadable
        foreach (var (group, label) in new[] { ("poor", "Hộ nghèo"), ("nearPoor", "Hộ cận nghèo") })
            if (counts.TryGetValue($"{group}.households", out var households) && households is null && counts.GetValueOrDefault($"{group}.persons") is not null)
                unreadable.Add(($"{group}.households", $"{label}: nhập số hộ khi đã nhập số nhân khẩu."));
        if (unreadable.Count > 0) return null;

        var poor = Group(counts["poor.households"], counts["poor.persons"], existing?.Poor);
        var nearPoor = Group(counts["nearPoor.households"], counts["nearPoor.persons"], existing?.NearPoor);
        var flows = new[] { "flows.escapedPoor", "flows.newlyPoor", "flows.rePoor", "flows.escapedNearPoor", "flows.newlyNearPoor" }.All(p => counts[p] is null)
            ? null
            : new PovertyFlows(counts["flows.escapedPoor"], counts["flows.escapedNearPoor"], counts["flows.newlyPoor"], counts["flows.rePoor"], counts["flows.newlyNearPoor"]);
        var statedRates = (existing?.StatedRates ?? []).Where(r => !IsOverAll(r, "poor") && !IsOverAll(r, "nearPoor")).ToList();
        if (statedPoor is { } sp) statedRates.Add(new StatedRate("poor", sp, Per: "totalHouseholds"));
        if (statedNearPoor is { } sn) statedRates.Add(new StatedRate("nearPoor", sn, Per: "totalHouseholds"));
        return new RecordBaselineCommand(unit, null, reviewYear, asOf, existing?.Standard, Basis, counts["totalHouseholds"], poor, nearPoor, flows,
            existing?.Deprivations, statedRates, existing?.Notes, existing is null ? null : Revision)
        {
            CorrectionOf = existing is null ? null : Id ?? existing.Id,
        };
    }

    private static HouseholdCounts? Group(int? households, int? persons, HouseholdCounts? kept) =>
        households is not { } h ? null : kept is null ? new HouseholdCounts(h, persons) : kept with { Households = h, Persons = persons };
}

/// <summary>The target form's fields as typed.</summary>
public sealed class TargetForm
{
    public string? Kind { get; set; }
    public string? Subject { get; set; }
    public string? OtherSubject { get; set; }
    public string? Value { get; set; }
    public string? Group { get; set; }
    public string? Basis { get; set; }
    public string? Text { get; set; }

    /// <summary>The subjects the checks compare, by their Vietnamese names; any other is typed.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Subjects =
    [
        (TargetSubjects.PoorHouseholds, "Hộ nghèo (số hộ)"), (TargetSubjects.PoorRate, "Tỷ lệ hộ nghèo (%)"),
        (TargetSubjects.NearPoorHouseholds, "Hộ cận nghèo (số hộ)"), (TargetSubjects.NearPoorRate, "Tỷ lệ hộ cận nghèo (%)"),
    ];

    public static IEnumerable<string> ShownPaths => ["kind", "subject", "value", "group", "basis", "text"];

    public SetTargetCommand ToCommand(string unit, int year, List<(string Path, string Message)> unreadable)
    {
        TargetKind? kind = Enum.TryParse<TargetKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;
        if (!string.IsNullOrWhiteSpace(Kind) && kind is null) unreadable.Add(("kind", $"Loại chỉ tiêu '{Kind}' không có."));
        if (!CountInput.TryParseDecimal(Value, out var value)) unreadable.Add(("value", CountInput.NotANumber("Giá trị", Value)));
        var subject = string.IsNullOrWhiteSpace(OtherSubject) ? Subject : OtherSubject.Trim();
        return new SetTargetCommand(unit, null, year, kind, subject, value, string.IsNullOrWhiteSpace(Group) ? null : Group, null, null, Basis, Text);
    }
}
