using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin.Policies;
using Workflow.Api.Features.Admin.Policies.CreatePolicyVersion;
using Workflow.Api.Features.Admin.Policies.ListPolicies;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Pages.Admin;

/// <summary>A province's policy for a fiscal year: its versions, the one in force, and a form for a new version prefilled from it.</summary>
[Authorize(Policy = Policies.ManageProvincePolicies)]
public sealed class PoliciesModel(IMediator mediator, ICurrentUser caller, TimeProvider clock) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "tinh")] public string? Province { get; set; }
    [BindProperty(SupportsGet = true, Name = "nam")] public int? Year { get; set; }
    [BindProperty] public PolicyForm Form { get; set; } = new();

    public PolicyList? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (List?.InForce is { } current)
        {
            Form = PolicyForm.Of(current.Values);
            // a version of an earlier year serves this one with its adjustment end moved by the difference in years
            Form.AdjustmentPeriodEnd = current.Values.AdjustmentPeriodEnd.Value.AddYears(Year!.Value - current.FiscalYear);
        }
        Form.EffectiveFrom ??= DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Domain.Workflows.WorkingCalendar.VietnamOffset).DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // deadlines are not on the form: a new version keeps those of the version in force
        Form.DeadlineDays ??= List?.InForce?.Values.DeadlineDays?.Value;
        Form.DeadlineDaysBasis ??= List?.InForce?.Values.DeadlineDays?.Basis;
        if (await TryAsync(() => Mediator.Send(new CreatePolicyVersionCommand(Province, Year, Form.EffectiveFrom, Form.ToInput()), ct)))
        {
            Flash = $"Đã tạo phiên bản mới của chính sách tỉnh {Province} năm {Year}.";
            return Redirect($"/quan-tri/chinh-sach?tinh={Uri.EscapeDataString(Province!)}&nam={Year}");
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Province = string.IsNullOrWhiteSpace(Province) ? caller.UnitCode : Province.Trim();
        Year ??= clock.GetUtcNow().ToOffset(Domain.Workflows.WorkingCalendar.VietnamOffset).Year;
        try
        {
            List = await Mediator.Send(new ListPoliciesQuery(Province, Year), ct);
        }
        catch (NotFoundException e)
        {
            Problem = e.Message + " Nhập mã tỉnh thuộc phạm vi của bạn.";
        }
    }

    public static string Rate(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")) + " %";
}

/// <summary>The form's fields: every value with its basis; deadlines are set through the API.</summary>
public sealed class PolicyForm
{
    public DateOnly? EffectiveFrom { get; set; }
    public decimal? MinimumLocalRate { get; set; }
    public string? MinimumLocalRateBasis { get; set; }
    public decimal? ProvincialRate { get; set; }
    public decimal? DistrictRate { get; set; }
    public decimal? CommuneRate { get; set; }
    public string? RatesBasis { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Đơn vị làm tròn")] public long? RoundingUnit { get; set; }
    public string? RoundingUnitBasis { get; set; }
    public decimal? ValueChainEspeciallyDifficult { get; set; }
    public decimal? ValueChainDifficult { get; set; }
    public decimal? ValueChainOther { get; set; }
    public decimal? CommunityEspeciallyDifficult { get; set; }
    public decimal? CommunityDifficult { get; set; }
    public decimal? CommunityOther { get; set; }
    public string? CapRatesBasis { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Hỗ trợ tối đa mỗi dự án, nhiệm vụ")] public long? TaskBasedMaximum { get; set; }
    public string? TaskBasedMaximumBasis { get; set; }
    public decimal? MinimumBeneficiaryShare { get; set; }
    public decimal? PriorityBeneficiaryShare { get; set; }
    public string? BeneficiarySharesBasis { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Tạm ứng: hợp đồng trên")] public long? AdvanceContractAbove { get; set; }
    public decimal? AdvanceMaxRate { get; set; }
    public string? AdvanceBasis { get; set; }
    [ModelBinder(typeof(MoneyBinder)), Display(Name = "Mức giải ngân cần lãnh đạo UBND duyệt")] public long? ApproverAlsoAbove { get; set; }
    public string? ApproverAlsoAboveBasis { get; set; }
    public DateOnly? AdjustmentPeriodEnd { get; set; }
    public string? AdjustmentPeriodEndBasis { get; set; }
    public int? PersonalDataRetentionYears { get; set; }
    public string? PersonalDataRetentionBasis { get; set; }
    /// <summary>Carried from the version the form was filled from, so a new version keeps them.</summary>
    public IReadOnlyDictionary<string, int>? DeadlineDays { get; set; }
    public string? DeadlineDaysBasis { get; set; }

    public static PolicyForm Of(PolicyValues v)
    {
        decimal? Cap(ProposalKind k, AreaType a) => v.SupportCapRates.Value.TryGetValue(k, out var areas) && areas.TryGetValue(a, out var r) ? r : null;
        return new()
        {
            MinimumLocalRate = v.MinimumLocalRate.Value, MinimumLocalRateBasis = v.MinimumLocalRate.Basis,
            ProvincialRate = v.CounterpartRates.Value.GetValueOrDefault(FundingSource.Provincial),
            DistrictRate = v.CounterpartRates.Value.GetValueOrDefault(FundingSource.District),
            CommuneRate = v.CounterpartRates.Value.GetValueOrDefault(FundingSource.Commune),
            RatesBasis = v.CounterpartRates.Basis,
            RoundingUnit = v.RoundingUnit.Value, RoundingUnitBasis = v.RoundingUnit.Basis,
            ValueChainEspeciallyDifficult = Cap(ProposalKind.ValueChain, AreaType.EspeciallyDifficult),
            ValueChainDifficult = Cap(ProposalKind.ValueChain, AreaType.Difficult),
            ValueChainOther = Cap(ProposalKind.ValueChain, AreaType.Other),
            CommunityEspeciallyDifficult = Cap(ProposalKind.Community, AreaType.EspeciallyDifficult),
            CommunityDifficult = Cap(ProposalKind.Community, AreaType.Difficult),
            CommunityOther = Cap(ProposalKind.Community, AreaType.Other),
            CapRatesBasis = v.SupportCapRates.Basis,
            TaskBasedMaximum = v.TaskBasedMaximum.Value, TaskBasedMaximumBasis = v.TaskBasedMaximum.Basis,
            MinimumBeneficiaryShare = v.MinimumBeneficiaryShare.Value, PriorityBeneficiaryShare = v.PriorityBeneficiaryShare.Value,
            BeneficiarySharesBasis = v.MinimumBeneficiaryShare.Basis,
            AdvanceContractAbove = v.AdvanceContractAbove.Value, AdvanceMaxRate = v.AdvanceMaxRate.Value, AdvanceBasis = v.AdvanceMaxRate.Basis,
            ApproverAlsoAbove = v.ApproverAlsoAbove?.Value, ApproverAlsoAboveBasis = v.ApproverAlsoAbove?.Basis,
            AdjustmentPeriodEnd = v.AdjustmentPeriodEnd.Value, AdjustmentPeriodEndBasis = v.AdjustmentPeriodEnd.Basis,
            DeadlineDays = v.DeadlineDays?.Value, DeadlineDaysBasis = v.DeadlineDays?.Basis,
            PersonalDataRetentionYears = v.PersonalDataRetentionYears?.Value, PersonalDataRetentionBasis = v.PersonalDataRetentionYears?.Basis,
        };
    }

    public PolicyValuesInput ToInput()
    {
        var rates = new Dictionary<FundingSource, decimal>();
        if (ProvincialRate is > 0) rates[FundingSource.Provincial] = ProvincialRate.Value;
        if (DistrictRate is > 0) rates[FundingSource.District] = DistrictRate.Value;
        if (CommuneRate is > 0) rates[FundingSource.Commune] = CommuneRate.Value;
        var caps = new Dictionary<ProposalKind, Dictionary<AreaType, decimal>>();
        void Cap(ProposalKind k, AreaType a, decimal? r)
        {
            if (r is not { } rate) return;
            if (!caps.TryGetValue(k, out var areas)) caps[k] = areas = [];
            areas[a] = rate;
        }
        Cap(ProposalKind.ValueChain, AreaType.EspeciallyDifficult, ValueChainEspeciallyDifficult);
        Cap(ProposalKind.ValueChain, AreaType.Difficult, ValueChainDifficult);
        Cap(ProposalKind.ValueChain, AreaType.Other, ValueChainOther);
        Cap(ProposalKind.Community, AreaType.EspeciallyDifficult, CommunityEspeciallyDifficult);
        Cap(ProposalKind.Community, AreaType.Difficult, CommunityDifficult);
        Cap(ProposalKind.Community, AreaType.Other, CommunityOther);
        return new(
            new(MinimumLocalRate, MinimumLocalRateBasis, null),
            new(rates, RatesBasis, null),
            new(RoundingUnit, RoundingUnitBasis, null),
            new(caps, CapRatesBasis, null),
            new(TaskBasedMaximum, TaskBasedMaximumBasis, null),
            new(MinimumBeneficiaryShare, BeneficiarySharesBasis, null),
            new(PriorityBeneficiaryShare, BeneficiarySharesBasis, null),
            new(AdvanceContractAbove, AdvanceBasis, null),
            new(AdvanceMaxRate, AdvanceBasis, null),
            ApproverAlsoAbove is null ? null : new(ApproverAlsoAbove, ApproverAlsoAboveBasis, null),
            DeadlineDays is null ? null : new(DeadlineDays.ToDictionary(), DeadlineDaysBasis, null),
            new(AdjustmentPeriodEnd, AdjustmentPeriodEndBasis, null),
            PersonalDataRetentionYears is null ? null : new(PersonalDataRetentionYears, PersonalDataRetentionBasis, null));
    }
}
