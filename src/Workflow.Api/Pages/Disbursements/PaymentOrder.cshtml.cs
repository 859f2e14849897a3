using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Disbursements.PrintPaymentOrder;

namespace Workflow.Api.Pages.Disbursements;

/// <summary>
/// The payment order of a disbursement, ready to print on A4: the Giấy rút dự toán, or for a payment that clears
/// advances the Giấy đề nghị thanh toán tạm ứng; only for those who may see the dossier.
/// </summary>
public sealed class PaymentOrderModel(IMediator mediator) : AppPageModel(mediator)
{
    public const string WithdrawalSlug = "giay-rut-du-toan";
    public const string ClearanceSlug = "giay-de-nghi-thanh-toan-tam-ung";

    public PaymentOrderDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string form, CancellationToken ct)
    {
        var kind = form == ClearanceSlug ? PaymentOrderForm.AdvanceClearance : PaymentOrderForm.Withdrawal;
        Document = await Mediator.Send(new GetPaymentOrderQuery(id, kind), ct);
        return Page();
    }
}
