using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Disbursements.RequestDisbursement;
using Workflow.Api.Features.Proposals.GetProposal;

namespace Workflow.Api.Pages.Disbursements;

public sealed class NewModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public string Kind { get; set; } = "Advance";
    [BindProperty(BinderType = typeof(MoneyBinder)), Display(Name = "Số tiền")] public long? Amount { get; set; }
    [BindProperty(BinderType = typeof(MoneyBinder)), Display(Name = "Giá trị hợp đồng")] public long? ContractValue { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? PayeeName { get; set; }
    [BindProperty] public string? PayeeAccount { get; set; }
    [BindProperty] public string? PayeeBank { get; set; }
    [BindProperty] public string? CeilingReference { get; set; }
    [BindProperty] public string? EconomicContentCode { get; set; }
    public ProposalDetail Proposal { get; private set; } = null!;

    public async Task OnGetAsync(Guid proposalId, CancellationToken ct) => Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);

    public async Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct)
    {
        DisbursementCreated? created = null;
        if (await TryAsync(async () => created = await Mediator.Send(new RequestDisbursementCommand(proposalId, new DisbursementInput(Kind, Amount, null, ContractValue, Note,
            PayeeName, PayeeAccount, PayeeBank, CeilingReference, EconomicContentCode)), ct)))
        {
            Flash = "Đã lập đề nghị giải ngân (dự thảo). Bấm “Gửi đề nghị” để chuyển phòng Tài chính - Kế hoạch.";
            return Redirect($"/giai-ngan/{created!.Id}");
        }
        Proposal = await Mediator.Send(new GetProposalQuery(proposalId), ct);
        return Page();
    }
}
