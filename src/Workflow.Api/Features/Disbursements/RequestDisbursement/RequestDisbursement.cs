using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;

namespace Workflow.Api.Features.Disbursements.RequestDisbursement;

/// <summary>The agency drafts an advance or a payment on its approved proposal; its workflow starts in Draft.</summary>
public sealed record RequestDisbursementCommand(Guid ProposalId, DisbursementInput Input) : IRequest<DisbursementCreated>;

/// <param name="Split">Per source; when absent the amount follows the proposal's approved shares (RULES.md 13).</param>
public sealed record DisbursementInput(string? Kind, long? Amount, Dictionary<string, long>? Split, long? ContractValue, string? Note);

public sealed record DisbursementCreated(Guid Id, string Code, Guid InstanceId, string State, IReadOnlyDictionary<FundingSource, long> Split);

public sealed class RequestDisbursementValidator : AbstractValidator<RequestDisbursementCommand>
{
    public RequestDisbursementValidator()
    {
        RuleFor(c => c.Input).NotNull().WithMessage("Gửi nội dung đề nghị giải ngân.");
        When(c => c.Input is not null, () =>
        {
            RuleFor(c => c.Input.Kind).Must(k => k is nameof(DisbursementKind.Advance) or nameof(DisbursementKind.Payment))
                .WithMessage("Chọn loại: Advance (tạm ứng) hoặc Payment (thanh toán).").OverridePropertyName("kind");
            RuleFor(c => c.Input.Amount).NotNull().WithMessage("Nhập số tiền (đồng).").InclusiveBetween(1, 1_000_000_000_000).WithMessage("Số tiền phải từ 1 đồng đến 1.000 tỷ đồng.").OverridePropertyName("amount");
            RuleFor(c => c.Input.ContractValue).InclusiveBetween(1, 1_000_000_000_000).When(c => c.Input.ContractValue is not null).WithMessage("Giá trị hợp đồng phải lớn hơn 0.").OverridePropertyName("contractValue");
            RuleFor(c => c.Input.Note).MaximumLength(1024).WithMessage("Ghi chú tối đa 1024 ký tự.").OverridePropertyName("note");
            RuleForEach(c => c.Input.Split).Must(kv => FundingSources.TryParseBudget(kv.Key, out _) && kv.Value >= 0)
                .WithMessage("Chia theo nguồn: Central, Provincial, District, Commune với số tiền từ 0.").OverridePropertyName("split");
        });
    }
}

public sealed class RequestDisbursementHandler(WorkflowDbContext db, ProposalAccess access, IWorkflowRuntime runtime, TimeProvider clock)
    : IRequestHandler<RequestDisbursementCommand, DisbursementCreated>
{
    public async Task<DisbursementCreated> Handle(RequestDisbursementCommand request, CancellationToken cancellationToken)
    {
        var proposal = await access.FindAsync(request.ProposalId, cancellationToken);
        access.EnsureOwnAgency(proposal, "đề nghị giải ngân");
        var state = await access.StateOfAsync(proposal, cancellationToken);
        if (state != "Approved")
            throw new ConflictException($"Chỉ giải ngân cho đề xuất đã phê duyệt (hiện tại: {state}).", "proposal.notApproved");

        var input = request.Input;
        var amount = input.Amount!.Value;
        var kind = Enum.Parse<DisbursementKind>(input.Kind!);
        var split = await SplitAsync(proposal, kind, amount, cancellationToken);
        if (input.Split is { } hand)
        {
            var entered = FundingSources.Budget.ToDictionary(s => s, s => hand.GetValueOrDefault(s.ToString()));
            var violations = new List<Violation>();
            if (entered.Values.Sum() != amount)
                violations.Add(new("split", $"Quy tắc 13: cộng các nguồn được {Vnd.Format(entered.Values.Sum())}, khác số tiền đề nghị {Vnd.Format(amount)}."));
            violations.AddRange(FundingSources.Budget.Where(s => Math.Abs(entered[s] - split[s]) > 1_000).Select(s =>
                new Violation($"split.{s}", $"Quy tắc 13: {FundingSources.NameOf(s)} {Vnd.Format(entered[s])} lệch khỏi tỷ lệ được duyệt của đề xuất ({Vnd.Format(split[s])}) quá 1.000 ₫.")));
            if (violations.Count > 0) throw new ValidationFailedException(violations);
            split = entered;
        }

        var disbursement = Disbursement.Request(Guid.NewGuid(), $"GN-{proposal.FiscalYear}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
            proposal.Id, kind, split, input.ContractValue, input.Note?.Trim(), access.Actor.UserName, clock.GetUtcNow());
        var instanceId = Guid.NewGuid();
        disbursement.AttachTo(instanceId);
        db.Disbursements.Add(disbursement);
        var subject = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == proposal.InstanceId).Select(i => new { i.UnitCode, i.AgencyCode, i.ParentUnitCode }).SingleAsync(cancellationToken);
        var instance = await runtime.StartAsync("disbursement", new WorkflowSubject("Disbursement", disbursement.Id, subject.UnitCode, subject.AgencyCode, subject.ParentUnitCode),
            access.Actor, cancellationToken, instanceId);
        return new DisbursementCreated(disbursement.Id, disbursement.Code, instance.Id, instance.State, split);
    }

    /// <summary>
    /// RULES.md 13: the proposal's approved shares, by largest remainder. A request for exactly what is left of this
    /// kind takes what is left of each source, so rounding in earlier requests never leaves a đồng stranded.
    /// </summary>
    private async Task<Dictionary<FundingSource, long>> SplitAsync(Domain.Proposals.Proposal proposal, DisbursementKind kind, long amount, CancellationToken ct)
    {
        var live = (await db.DisbursementsAsync(proposal.Id, LifecycleData.LiveDisbursementStates, null, ct)).Where(d => d.Kind == kind).ToList();
        var left = FundingSources.Budget.ToDictionary(s => s, s => Math.Max(0, proposal.Amount(s) - live.Sum(d => d.Amount(s))));
        if (amount == left.Values.Sum()) return left;
        var byShares = Apportion.ByRatio(amount, FundingSources.Budget.Select(proposal.Amount).ToArray(), 1_000);
        return FundingSources.Budget.Select((s, i) => (s, byShares[i])).ToDictionary(x => x.s, x => x.Item2);
    }
}
