using FluentValidation;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;

namespace Workflow.Api.Features.Proposals;

/// <summary>The proposal form, as clients send it for create and edit. Amounts in đồng.</summary>
/// <param name="Attachments">
/// Documents named by hand with their SHA-256, as before files could be uploaded; kept for older clients. Files are
/// attached with <c>POST /api/proposals/{id}/attachments</c>. On edit, null keeps the list the proposal has.
/// </param>
/// <param name="PlannedOutputs">
/// The outputs it promises, per output indicator of its fiscal year's catalogue (<c>GET /api/monitoring/indicators</c>).
/// On edit, null keeps the list the proposal has.
/// </param>
public sealed record ProposalInput(
    Guid? PlanLineId, string? Title, string? Kind, string? ActivityType, string? AreaType, IReadOnlyList<string>? Communes,
    DateOnly? StartDate, DateOnly? EndDate, long? TotalCost, long? StateSupport, Dictionary<string, long>? Split,
    CounterpartInput? Counterpart, BeneficiariesInput? Beneficiaries, IReadOnlyList<AttachmentInput>? Attachments, long? ContractValue,
    IReadOnlyList<Monitoring.Indicators.OutputInput?>? PlannedOutputs = null)
{
    public ProposalContent ToContent() => new(
        Title!.Trim(), Parse<ProposalKind>(Kind)!.Value, Parse<ActivityType>(ActivityType), Parse<AreaType>(AreaType)!.Value,
        (Communes ?? []).OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList(),
        StartDate!.Value, EndDate!.Value, TotalCost!.Value, StateSupport!.Value, SplitBySource(),
        new ParticipantCounterpart(Counterpart?.Cash ?? 0, Counterpart?.Labour ?? 0, Counterpart?.InKind ?? 0),
        Beneficiaries is null ? Domain.Proposals.Beneficiaries.None : new Beneficiaries(Beneficiaries.Poor, Beneficiaries.NearPoor,
            Beneficiaries.NewlyEscaped, Beneficiaries.EthnicMinority, Beneficiaries.Disabled, Beneficiaries.TotalParticipants),
        (Attachments ?? []).OfType<AttachmentInput>().Select(a => new Attachment(a.Name?.Trim() ?? "", a.Sha256?.Trim().ToLowerInvariant() ?? "")).ToList(),
        ContractValue);

    public SourceAmounts? SplitBySource() =>
        Split is null ? null
            : SourceAmounts.From(Split.ToDictionary(kv => FundingSources.TryParseBudget(kv.Key, out var s) ? s : throw new ValidationFailedException($"split.{kv.Key}", "Nguồn không hợp lệ."), kv => kv.Value));

    public static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(e => e.ToString() == value);
}

public sealed record CounterpartInput(long Cash, long Labour, long InKind);

public sealed record BeneficiariesInput(int Poor, int NearPoor, int NewlyEscaped, int EthnicMinority, int Disabled, int TotalParticipants);

public sealed record AttachmentInput(string? Name, string? Sha256);

/// <summary>The form's shape: what must be there, in range, and one of the listed choices.</summary>
public sealed class ProposalInputValidator : AbstractValidator<ProposalInput>
{
    private const long MaxAmount = Vnd.MaxAmount;
    private static readonly string UpTo = Vnd.Format(Vnd.MaxAmount);

    public ProposalInputValidator()
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("Nhập tên dự án / mô hình / hoạt động.").MaximumLength(ProposalRules.MaxTitleLength).WithMessage($"Tên dài quá {ProposalRules.MaxTitleLength} ký tự.");
        RuleFor(p => p.Kind).Must(k => ProposalInput.Parse<ProposalKind>(k) is not null)
            .WithMessage($"Chọn loại: {string.Join(", ", Enum.GetNames<ProposalKind>())}.");
        RuleFor(p => p.AreaType).Must(a => ProposalInput.Parse<AreaType>(a) is not null)
            .WithMessage($"Chọn địa bàn: {string.Join(", ", Enum.GetNames<AreaType>())}.");
        RuleFor(p => p.ActivityType).Must(a => a is null || ProposalInput.Parse<ActivityType>(a) is not null)
            .WithMessage($"Loại hoạt động: {string.Join(", ", Enum.GetNames<ActivityType>())}.");
        RuleFor(p => p.StartDate).NotNull().WithMessage("Nhập ngày bắt đầu.");
        RuleFor(p => p.EndDate).NotNull().WithMessage("Nhập ngày kết thúc.");
        RuleFor(p => p.TotalCost).NotNull().WithMessage("Nhập tổng kinh phí (đồng).").InclusiveBetween(1, MaxAmount).WithMessage($"Tổng kinh phí phải từ 1 đồng đến {UpTo}.");
        RuleFor(p => p.StateSupport).NotNull().WithMessage("Nhập kinh phí ngân sách hỗ trợ (đồng).").InclusiveBetween(1, MaxAmount).WithMessage($"Ngân sách hỗ trợ phải từ 1 đồng đến {UpTo}.");
        RuleFor(p => p.ContractValue).InclusiveBetween(1, MaxAmount).When(p => p.ContractValue is not null).WithMessage($"Giá trị hợp đồng phải từ 1 đồng đến {UpTo}.");
        RuleForEach(p => p.Split).Must(kv => FundingSources.TryParseBudget(kv.Key, out _) && kv.Value is >= 0 and <= MaxAmount)
            .WithMessage("Chia theo nguồn: Central, Provincial, District, Commune với số tiền từ 0.");
        RuleFor(p => p.Counterpart).Must(c => c is null || (c.Cash is >= 0 and <= MaxAmount && c.Labour is >= 0 and <= MaxAmount && c.InKind is >= 0 and <= MaxAmount))
            .WithMessage($"Vốn đối ứng không âm và không quá {UpTo}.");
        RuleFor(p => p.Communes).Must(c => c is null || c.Count <= ProposalRules.MaxCommunes).WithMessage($"Tối đa {ProposalRules.MaxCommunes} xã.")
            .Must(c => c is null || c.All(x => !string.IsNullOrWhiteSpace(x))).WithMessage("Mỗi xã là một mã đơn vị, không để trống.");
        RuleFor(p => p.Attachments).Must(a => a is null || a.Count <= ProposalRules.MaxAttachments).WithMessage($"Tối đa {ProposalRules.MaxAttachments} tài liệu.")
            .Must(a => a is null || a.All(x => x is not null)).WithMessage("Mỗi tài liệu gồm tên và mã SHA-256.");
        RuleFor(p => p.Beneficiaries).Must(b => b is null || new[] { b.Poor, b.NearPoor, b.NewlyEscaped, b.EthnicMinority, b.Disabled, b.TotalParticipants }.All(n => n is >= 0 and <= 1_000_000))
            .WithMessage("Số người tham gia phải từ 0 đến 1.000.000.");
    }
}
