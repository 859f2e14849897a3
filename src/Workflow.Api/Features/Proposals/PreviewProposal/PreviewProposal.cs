using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals.LineAvailability;
using Workflow.Domain.Catalog;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Proposals.PreviewProposal;

/// <summary>
/// What the proposal form shows while the clerk types: the support's split by the line's ratio (RULES.md 8), what is
/// left on the line per source (rule 9) and the support cap (rule 10) — the server's own figures, so the preview and
/// the decision on submission cannot disagree. Every field arrives as the text the form holds, so that bad input is a
/// 400 at its field rather than a binding failure; an empty amount is 0 (not typed yet).
/// </summary>
public sealed record ProposalPreviewQuery(
    string? PlanLineId, string? Kind, string? AreaType, string? TotalCost, string? StateSupport, string? ExceptProposalId) : IRequest<ProposalPreview>;

/// <summary>Amounts in whole đồng.</summary>
public sealed record ProposalPreview(
    Guid PlanLineId, string Kind, string AreaType, long TotalCost, long StateSupport,
    IReadOnlyList<SourcePreview> Sources, long SplitTotal, CapPreview Cap, IReadOnlyList<string> Messages, string Summary);

/// <param name="Part">The support's share of this source (rule 8).</param>
/// <param name="Remaining">What is left on the line in this source, after what is committed and what other proposals await (rule 9).</param>
/// <param name="Excess">How much <paramref name="Part"/> is over <paramref name="Remaining"/>; 0 when within.</param>
public sealed record SourcePreview(FundingSource Source, string Name, long Part, long Remaining, long Excess);

/// <param name="Rate">The share of the total cost the state may support for the kind and area (0.70 = 70 %); null when the kind has no such cap.</param>
/// <param name="Percent">The same rate in per cent, as the messages write it.</param>
/// <param name="Amount">The cap in đồng, rounded down; null when there is no rate or no total cost yet.</param>
/// <param name="Over">Whether the support is above <paramref name="Amount"/>.</param>
/// <param name="Excess">By how much; 0 when within.</param>
/// <param name="TaskBasedMaximum">The most any one project or task may get.</param>
/// <param name="OverTaskBasedMaximum">Whether the support is above it.</param>
public sealed record CapPreview(decimal? Rate, decimal? Percent, long? Amount, bool Over, long Excess, long TaskBasedMaximum, bool OverTaskBasedMaximum);

public sealed class ProposalPreviewValidator : AbstractValidator<ProposalPreviewQuery>
{
    private const long MaxAmount = Vnd.MaxAmount;
    private static readonly string UpTo = Vnd.Format(Vnd.MaxAmount);

    public ProposalPreviewValidator()
    {
        RuleFor(q => q.PlanLineId).Must(id => Guid.TryParse(id, out _)).WithMessage(q => $"'{q.PlanLineId}' không phải mã dòng kế hoạch hợp lệ.");
        RuleFor(q => q.Kind).Must(k => ProposalInput.Parse<ProposalKind>(k) is not null)
            .WithMessage($"Chọn loại: {string.Join(", ", Enum.GetNames<ProposalKind>())}.");
        RuleFor(q => q.AreaType).Must(a => ProposalInput.Parse<AreaType>(a) is not null)
            .WithMessage($"Chọn địa bàn: {string.Join(", ", Enum.GetNames<AreaType>())}.");
        RuleFor(q => q.TotalCost).Must(v => TryAmount(v, out _)).WithMessage($"Tổng kinh phí là số đồng nguyên, từ 0 đến {UpTo}.");
        RuleFor(q => q.StateSupport).Must(v => TryAmount(v, out _)).WithMessage($"Ngân sách hỗ trợ là số đồng nguyên, từ 0 đến {UpTo}.");
        RuleFor(q => q.ExceptProposalId).Must(id => string.IsNullOrWhiteSpace(id) || Guid.TryParse(id, out _))
            .WithMessage(q => $"'{q.ExceptProposalId}' không phải mã đề xuất hợp lệ.");
    }

    /// <summary>Digits only (no sign, no decimals, no exponent), at most <see cref="MaxAmount"/>; empty is 0.</summary>
    public static bool TryAmount(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out amount) && amount <= MaxAmount;
    }
}

public sealed class ProposalPreviewHandler(IMediator mediator, WorkflowDbContext db) : IRequestHandler<ProposalPreviewQuery, ProposalPreview>
{
    public async Task<ProposalPreview> Handle(ProposalPreviewQuery request, CancellationToken cancellationToken)
    {
        var lineId = Guid.Parse(request.PlanLineId!);
        var kind = ProposalInput.Parse<ProposalKind>(request.Kind)!.Value;
        var area = ProposalInput.Parse<AreaType>(request.AreaType)!.Value;
        ProposalPreviewValidator.TryAmount(request.TotalCost, out var totalCost);
        ProposalPreviewValidator.TryAmount(request.StateSupport, out var support);
        Guid? except = string.IsNullOrWhiteSpace(request.ExceptProposalId) ? null : Guid.Parse(request.ExceptProposalId);

        // the same query, and so the same access check (404 for a line the caller may not see), as the form's own figures
        var availability = await mediator.Send(new LineAvailabilityQuery(lineId, except), cancellationToken);
        var line = await db.PlanLines.AsNoTracking().SingleAsync(l => l.Id == lineId, cancellationToken);

        var split = SplitFollowsLine.ByLine(support, line.Amounts);
        var sources = FundingSources.Budget
            .Select(s => new SourcePreview(s, FundingSources.ShortNameOf(s), split[s], availability.Remaining[s], Math.Max(0, split[s] - availability.Remaining[s])))
            .ToList();

        // before the total cost is typed only the task-based maximum applies: a cap of 0 would flag every amount
        var figure = SupportCap.For(kind, area, totalCost, availability.Policy);
        var cap = totalCost > 0 ? figure.Cap : null;
        var over = cap is { } c && support > c;
        var capPreview = new CapPreview(figure.Rate, figure.Rate * 100, cap, over, over ? support - cap!.Value : 0,
            figure.TaskBasedMaximum, support > figure.TaskBasedMaximum);
        var checkedPolicy = totalCost > 0 ? availability.Policy : availability.Policy with { CapRates = new Dictionary<ProposalKind, IReadOnlyDictionary<AreaType, decimal>>() };
        var messages = SupportCap.Check(kind, area, totalCost, support, checkedPolicy).Select(v => v.Message).ToList();

        return new ProposalPreview(lineId, kind.ToString(), area.ToString(), totalCost, support, sources, split.Total, capPreview, messages,
            Summary(support, sources, capPreview));
    }

    /// <summary>The one sentence a screen reader announces once the clerk pauses.</summary>
    private static string Summary(long support, IReadOnlyList<SourcePreview> sources, CapPreview cap)
    {
        if (support == 0) return "Nhập kinh phí ngân sách hỗ trợ để xem phần chia theo nguồn.";
        var parts = new List<string>
        {
            $"Chia {Vnd.Format(support)}: " + string.Join(", ", sources.Where(s => s.Part > 0).Select(s => $"{s.Name} {Vnd.Format(s.Part)}")),
        };
        parts.AddRange(sources.Where(s => s.Excess > 0).Select(s => $"{s.Name} {WithinLineRemaining.ExcessText(s.Excess, s.Remaining)}"));
        if (cap.Amount is { } amount)
            parts.Add(cap.Over ? $"vượt mức hỗ trợ tối đa {Vnd.Format(amount)} là {Vnd.Format(cap.Excess)}" : $"trong mức hỗ trợ tối đa {Vnd.Format(amount)}");
        if (cap.OverTaskBasedMaximum)
            parts.Add($"vượt mức tối đa mỗi dự án, nhiệm vụ {Vnd.Format(cap.TaskBasedMaximum)}");
        return string.Join("; ", parts) + ".";
    }
}
