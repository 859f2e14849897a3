using Workflow.Domain.Workflows;
using MediatR;
using Workflow.Api.Features.Disbursements.GetDisbursement;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Api.Features.Disbursements.PrintPaymentOrder;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;

namespace Workflow.Api.Pages.Disbursements;

public sealed class DetailsModel(IMediator mediator) : SubjectPageModel(mediator)
{
    protected override string SubjectType => DisbursementProcess.SubjectType;
    public DisbursementDetail Disbursement { get; private set; } = null!;
    public override IReadOnlyList<ActionView> Actions => Disbursement?.AvailableActions ?? [];

    /// <summary>A payment while advances are outstanding on the proposal: it clears them first, on a Giấy đề nghị thanh toán tạm ứng.</summary>
    public bool ClearsAdvances { get; private set; }

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Disbursement = await Mediator.Send(new GetDisbursementQuery(id), ct);
        ClearsAdvances = Disbursement.Kind == DisbursementKind.Payment
            && (await Mediator.Send(new GetPaymentOrderQuery(id, PaymentOrderForm.AdvanceClearance), ct)).ClearanceAvailable > 0;
    }

    /// <summary>The treasury confirms against what the order declares: the payee account and amount, the contract or decision.</summary>
    public override IReadOnlyList<string> ExtraDataFields(string action)
    {
        if (action != TreasuryConfirmation.Action || Disbursement is null) return [];
        var fields = new List<string>();
        if (Disbursement.Payment.PayeeAccount is not null) fields.AddRange(["payeeAccount", "amount"]);
        if (Disbursement.Payment.CeilingReference is not null) fields.Add("ceilingReference");
        return fields;
    }
}
