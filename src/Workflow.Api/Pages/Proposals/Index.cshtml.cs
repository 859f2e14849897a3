using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Catalog.ReadCatalog;
using Workflow.Api.Features.Proposals.ListProposals;
using Workflow.Domain.Catalog;
using Workflow.Domain.Settlements;

namespace Workflow.Api.Pages.Proposals;

public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true, Name = "du-an")] public string? Component { get; set; }
    [BindProperty(SupportsGet = true, Name = "co-quan")] public string? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang-thai")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "quyet-toan")] public SettlementStatus? Settlement { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public ProposalPage Result { get; private set; } = new([], 1, 25, 0);
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public static readonly (string Value, string Label)[] States =
    [
        ("Draft", "Dự thảo"), ("Submitted", "Đã gửi"), ("UnderAppraisal", "Đang thẩm định"), ("Appraised", "Đã thẩm định"), ("Approved", "Đã phê duyệt"),
        ("Settling", "Đang quyết toán"), ("Settled", "Đã quyết toán"), ("Rejected", "Không phê duyệt"), ("Withdrawn", "Đã rút"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await Mediator.Send(new ListProposalsQuery(null, Component, Agency, State, Settlement, Math.Max(1, PageNumber), 25), ct);
        Agencies = (await Mediator.Send(new ListAgenciesQuery(null, null), ct)).Where(a => a.Kind is AgencyKind.LeadAgency or AgencyKind.StandingOffice).ToList();
    }
}
