using FluentValidation;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Catalog;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;

namespace Workflow.Api.Features.Settlements;

/// <summary>The acceptance record and the actual cost per source, as the agency enters them.</summary>
/// <param name="Outputs">The acceptance's outputs in words; optional once <paramref name="ActualOutputs"/> lists them.</param>
/// <param name="ActualOutputs">The outputs accepted, per output indicator of the proposal's catalogue; on edit, null keeps the list.</param>
public sealed record SettlementInput(string? Outputs, DateOnly? AcceptedOn, BeneficiariesInput? Reached, Dictionary<string, long>? ActualCost,
    IReadOnlyList<Monitoring.Indicators.OutputInput?>? ActualOutputs = null)
{
    public SettlementContent ToContent() => new(
        Outputs?.Trim() ?? "", AcceptedOn,
        Reached is null ? Beneficiaries.None : new Beneficiaries(Reached.Poor, Reached.NearPoor, Reached.NewlyEscaped, Reached.EthnicMinority, Reached.Disabled, Reached.TotalParticipants),
        SourceAmounts.Of(s => ActualCost?.GetValueOrDefault(s.ToString()) ?? 0));
}

public sealed class SettlementInputValidator : AbstractValidator<SettlementInput>
{
    public SettlementInputValidator()
    {
        RuleFor(s => s.Outputs).NotEmpty().When(s => s.ActualOutputs is null || s.ActualOutputs.Count == 0)
            .WithMessage("Ghi kết quả nghiệm thu (sản phẩm, khối lượng hoàn thành): theo chỉ số đầu ra (actualOutputs) hoặc bằng lời.");
        RuleFor(s => s.Outputs).MaximumLength(4000).WithMessage("Tối đa 4000 ký tự.");
        RuleFor(s => s.ActualCost).NotNull().WithMessage("Nhập chi phí thực tế theo nguồn (Central, Provincial, District, Commune).");
        RuleForEach(s => s.ActualCost).Must(kv => FundingSources.TryParseBudget(kv.Key, out _) && kv.Value is >= 0 and <= Vnd.MaxAmount)
            .WithMessage("Chi phí thực tế theo nguồn Central, Provincial, District, Commune, từ 0 đồng.");
        RuleFor(s => s.Reached).Must(b => b is null || (new[] { b.Poor, b.NearPoor, b.NewlyEscaped, b.EthnicMinority, b.Disabled, b.TotalParticipants }.All(n => n is >= 0 and <= 1_000_000)
                                                         && b.Poor + b.NearPoor + b.NewlyEscaped + b.Disabled <= b.TotalParticipants))
            .WithMessage("Số đối tượng đạt được không âm và không vượt tổng số tham gia.");
    }
}
