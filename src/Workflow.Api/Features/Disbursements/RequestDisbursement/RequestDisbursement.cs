using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Proposals;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Money;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;

namespace Workflow.Api.Features.Disbursements.RequestDisbursement;

/// <summary>The agency drafts an advance or a payment on its approved proposal; its workflow starts in Draft.</summary>
public sealed record RequestDisbursementCommand(Guid ProposalId, DisbursementInput Input) : IRequest<DisbursementCreated>;

/// <param name="Split">Per source; when absent the amount follows the proposal's approved shares (RULES.md 13).</param>
/// <param name="PayeeName">Who receives the money (đơn vị nhận tiền / người nhận), for the payment order; with account and bank, or none of them.</param>
/// <param name="PayeeAccount">The payee's account number.</param>
/// <param name="PayeeBank">The bank or treasury office holding the payee's account.</param>
/// <param name="CeilingReference">The contract or support decision declared on the order (số hợp đồng / quyết định hỗ trợ); the treasury checks cumulative payments against it.</param>
/// <param name="EconomicContentCode">Mã NDKT (4 digits) when it differs from the component's code in the catalogue.</param>
public sealed record DisbursementInput(string? Kind, long? Amount, Dictionary<string, long>? Split, long? ContractValue, string? Note,
    string? PayeeName = null, string? PayeeAccount = null, string? PayeeBank = null, string? CeilingReference = null, string? EconomicContentCode = null)
{
    public PaymentDetails ToPayment() => new(PayeeName, PayeeAccount, PayeeBank, CeilingReference, EconomicContentCode);
}

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
            RuleFor(c => c.Input.Amount).NotNull().WithMessage("Nhập số tiền (đồng).").InclusiveBetween(1, Vnd.MaxAmount).WithMessage($"Số tiền phải từ 1 đồng đến {Vnd.Format(Vnd.MaxAmount)}.").OverridePropertyName("amount");
            RuleFor(c => c.Input.ContractValue).InclusiveBetween(1, Vnd.MaxAmount).When(c => c.Input.ContractValue is not null).WithMessage($"Giá trị hợp đồng từ 1 đồng đến {Vnd.Format(Vnd.MaxAmount)}.").OverridePropertyName("contractValue");
            RuleFor(c => c.Input.Note).MaximumLength(1024).WithMessage("Ghi chú tối đa 1024 ký tự.").OverridePropertyName("note");
            RuleFor(c => c.Input).Custom((input, context) =>
            {
                foreach (var violation in PaymentDetails.Check(input.ToPayment())) context.AddFailure(violation.Path, violation.Message);
            });
            RuleForEach(c => c.Input.Split).Must(kv => FundingSources.TryParseBudget(kv.Key, out _) && kv.Value is >= 0 and <= Vnd.MaxAmount)
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
        if (state != ProposalProcess.Approved)
            throw new ConflictException($"Chỉ giải ngân cho đề xuất đã phê duyệt (hiện tại: {state}).", "proposal.notApproved");

        var input = request.Input;
        var amount = input.Amount!.Value;
        var kind = Enum.Parse<DisbursementKind>(input.Kind!);
        var live = await db.PositionAsync(proposal.Id, DisbursementProcess.Live, null, cancellationToken);
        var split = DisbursementSplit.ByShares(amount, proposal.Split, live.OfKind(kind));
        if (input.Split is { } hand)
        {
            var entered = SourceAmounts.Of(s => hand.GetValueOrDefault(s.ToString()));
            var violations = DisbursementSplit.CheckHandSplit(amount, entered, split).ToList();
            if (violations.Count > 0) throw new ValidationFailedException(violations);
            split = entered;
        }

        await using var transaction = await WorkTransaction.BeginAsync(db, cancellationToken);
        var code = await db.NextDossierCodeAsync(DossierCode.Disbursement, proposal.UnitCode, proposal.FiscalYear, cancellationToken);
        var disbursement = Disbursement.Request(Guid.NewGuid(), code, proposal.Id, proposal.UnitCode, kind, split, input.ContractValue, input.Note?.Trim(), access.Actor.UserName, clock.GetUtcNow(), input.ToPayment());
        var instanceId = Guid.NewGuid();
        disbursement.AttachTo(instanceId);
        db.Disbursements.Add(disbursement);
        var subject = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == proposal.InstanceId).Select(i => new { i.UnitCode, i.AgencyCode, i.ParentUnitCode }).SingleAsync(cancellationToken);
        var instance = await runtime.StartAsync(DisbursementProcess.DefinitionId, new WorkflowSubject(DisbursementProcess.SubjectType, disbursement.Id, subject.UnitCode, subject.AgencyCode, subject.ParentUnitCode),
            access.Actor, cancellationToken, instanceId);
        await transaction.CommitAsync(cancellationToken);
        return new DisbursementCreated(disbursement.Id, disbursement.Code, instance.Id, instance.State, split.ToDictionary());
    }
}
