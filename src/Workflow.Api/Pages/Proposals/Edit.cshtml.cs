using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Proposals;
using Workflow.Api.Features.Proposals.CreateProposal;
using Workflow.Api.Features.Proposals.EditProposal;
using Workflow.Api.Features.Proposals.GetProposal;
using Workflow.Api.Common;
using Workflow.Api.Features.Proposals.LineAvailability;
using Workflow.Api.Features.Proposals.PreviewProposal;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Pages.Proposals;

/// <summary>
/// Drafting a proposal (new, on a plan line) or correcting a draft. The split by source, what is left on the line and
/// the support cap are the server's figures: rendered with the page for the values it holds, and fetched again from
/// <see cref="OnGetPreviewAsync"/> (the same query as <c>GET /api/plan-lines/{id}/proposal-preview</c>, on the sign-in
/// cookie the pages use) when the clerk pauses typing.
/// </summary>
public sealed class EditModel(IMediator mediator, Domain.Monitoring.Indicators.IndicatorCatalogues indicators) : AppPageModel(mediator)
{
    /// <summary>The output indicators the line's component may plan, from its fiscal year's catalogue.</summary>
    public IReadOnlyList<Domain.Monitoring.Indicators.Indicator> OutputIndicators =>
        [.. indicators.ForYear(Line.FiscalYear)?.OutputsOf(Line.Component) ?? []];

    [BindProperty] public ProposalForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "dong")] public Guid? LineId { get; set; }
    public Guid? Id { get; private set; }
    public LineAvailability Line { get; private set; } = null!;

    /// <summary>The preview for the values the form holds; null when they are not amounts the preview takes (the form's errors say why).</summary>
    public ProposalPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var p = await Mediator.Send(new GetProposalQuery(existing), ct);
            Input = ProposalForm.From(p);
            LineId = p.PlanLineId;
        }
        if (LineId is null) return Redirect("/ke-hoach");
        Line = await Mediator.Send(new LineAvailabilityQuery(LineId.Value, id), ct);
        Preview = await PreviewOfAsync(ct);
        return Page();
    }

    /// <summary>The preview as JSON for the form's script; bad input is a 400 problem at its field, an unknown or hidden line a 404.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(Guid? id, [FromQuery(Name = "dong")] string? line, string? kind, string? areaType,
        string? totalCost, string? stateSupport, CancellationToken ct)
    {
        try
        {
            return new JsonResult(await Mediator.Send(new ProposalPreviewQuery(line, kind, areaType, totalCost, stateSupport, id?.ToString()), ct));
        }
        catch (ValidationFailedException e)
        {
            return ProblemResult(ProblemDetailsExceptionHandler.Validation(e.Violations));
        }
        catch (NotFoundException e)
        {
            return ProblemResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Không tìm thấy", Detail = e.Message });
        }
    }

    private static ObjectResult ProblemResult(ProblemDetails problem) =>
        new(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };

    private async Task<ProposalPreview?> PreviewOfAsync(CancellationToken ct)
    {
        try
        {
            return await Mediator.Send(new ProposalPreviewQuery(LineId?.ToString(), Input.Kind, Input.AreaType,
                Input.TotalCost?.ToString(CultureInfo.InvariantCulture), Input.StateSupport?.ToString(CultureInfo.InvariantCulture), Id?.ToString()), ct);
        }
        catch (ValidationFailedException)
        {
            return null;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Guid created = default;
        var input = Input.ToInput(LineId);
        var saved = await TryAsync(async () =>
        {
            if (id is { } existing) await Mediator.Send(new EditProposalCommand(existing, input), ct);
            else created = (await Mediator.Send(new CreateProposalCommand(input), ct)).Id;
        });
        if (saved)
        {
            Flash = id is null ? "Đã lưu đề xuất ở trạng thái Dự thảo. Kiểm tra lại rồi bấm “Gửi đề xuất”." : "Đã lưu thay đổi.";
            return Redirect($"/de-xuat/{id ?? created}");
        }
        // the form is shown again with its errors; a line id that did not bind (not a GUID) is taken from the proposal, or the clerk picks a line again
        if (LineId is null && id is { } edited) LineId = (await Mediator.Send(new GetProposalQuery(edited), ct)).PlanLineId;
        if (LineId is null)
        {
            Flash = "Không xác định được dòng kế hoạch của đề xuất; hãy chọn dòng kế hoạch rồi lập đề xuất.";
            return Redirect("/ke-hoach");
        }
        Line = await Mediator.Send(new LineAvailabilityQuery(LineId.Value, id), ct);
        Preview = await PreviewOfAsync(ct);
        return Page();
    }
}

/// <summary>The form's fields, flat so plain HTML inputs bind to them.</summary>
public sealed class ProposalForm
{
    public string? Title { get; set; }
    public string Kind { get; set; } = nameof(ProposalKind.PovertyReductionModel);
    public string? ActivityType { get; set; }
    public string AreaType { get; set; } = nameof(Domain.Proposals.AreaType.Other);
    public List<string> Communes { get; set; } = [];
    [Display(Name = "Ngày bắt đầu")] public DateOnly? StartDate { get; set; }
    [Display(Name = "Ngày kết thúc")] public DateOnly? EndDate { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Tổng kinh phí")] public long? TotalCost { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Ngân sách nhà nước hỗ trợ")] public long? StateSupport { get; set; }
    public bool SplitByHand { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "NSTW")] public long Central { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "NS tỉnh")] public long Provincial { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "NS huyện")] public long District { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "NS xã")] public long Commune { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Tiền mặt")] public long Cash { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Ngày công (quy ra tiền)")] public long Labour { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Hiện vật")] public long InKind { get; set; }
    public int Poor { get; set; }
    public int NearPoor { get; set; }
    public int NewlyEscaped { get; set; }
    public int EthnicMinority { get; set; }
    public int Disabled { get; set; }
    public int TotalParticipants { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Giá trị hợp đồng")] public long? ContractValue { get; set; }
    public List<OutputRow> Outputs { get; set; } = OutputRow.Padded([]);

    public ProposalInput ToInput(Guid? lineId) => new(
        lineId, Title, Kind, string.IsNullOrEmpty(ActivityType) ? null : ActivityType, AreaType, Communes, StartDate, EndDate, TotalCost, StateSupport,
        SplitByHand ? new Dictionary<string, long> { ["Central"] = Central, ["Provincial"] = Provincial, ["District"] = District, ["Commune"] = Commune } : null,
        new CounterpartInput(Cash, Labour, InKind),
        new BeneficiariesInput(Poor, NearPoor, NewlyEscaped, EthnicMinority, Disabled, TotalParticipants),
        // files are uploaded on the proposal's page; documents named by hand before that stay as they are
        null,
        ContractValue, OutputRow.ToInputs(Outputs));

    public static ProposalForm From(ProposalDetail p) => new()
    {
        Title = p.Title, Kind = p.Kind.ToString(), ActivityType = p.ActivityType?.ToString(), AreaType = p.AreaType.ToString(), Communes = p.Communes.ToList(),
        StartDate = p.StartDate, EndDate = p.EndDate, TotalCost = p.TotalCost, StateSupport = p.StateSupport, SplitByHand = p.SplitByHand,
        Central = p.Split[FundingSource.Central], Provincial = p.Split[FundingSource.Provincial], District = p.Split[FundingSource.District], Commune = p.Split[FundingSource.Commune],
        Cash = p.Counterpart.Cash, Labour = p.Counterpart.Labour, InKind = p.Counterpart.InKind,
        Poor = p.Beneficiaries.Poor, NearPoor = p.Beneficiaries.NearPoor, NewlyEscaped = p.Beneficiaries.NewlyEscaped, EthnicMinority = p.Beneficiaries.EthnicMinority,
        Disabled = p.Beneficiaries.Disabled, TotalParticipants = p.Beneficiaries.TotalParticipants, ContractValue = p.ContractValue,
        Outputs = OutputRow.From(p.PlannedOutputs),
    };

    public static string DateValue(DateOnly? d) => DateInput.Text(d);
}
