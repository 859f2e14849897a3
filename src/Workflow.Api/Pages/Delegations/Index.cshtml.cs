using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Delegations;

namespace Workflow.Api.Pages.Delegations;

/// <summary>"Ủy quyền": hand one's tasks of a role to a colleague for some days, revoke it, and see what one gave and received.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public DelegationList Delegations { get; private set; } = new([], [], [], []);

    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Substitute { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Delegations = await Mediator.Send(new ListDelegationsQuery(), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var from = Date(From, "from", "Từ ngày");
        var to = Date(To, "to", "Đến ngày");
        if (ModelState.IsValid && await TryAsync(() => Mediator.Send(new CreateDelegationCommand(Role, Substitute, from, to, Reason), ct)))
        {
            Flash = "Đã ủy quyền. Người được ủy quyền thấy việc của bạn trong hộp việc, ghi “thay mặt” bạn, trong những ngày đã chọn.";
            return Redirect(Request.Path);
        }
        Problem ??= "Chưa ủy quyền được: xem các lỗi được đánh dấu bên dưới.";
        Delegations = await Mediator.Send(new ListDelegationsQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => Mediator.Send(new RevokeDelegationCommand(id), ct)))
        {
            Flash = "Đã thu hồi ủy quyền.";
            return Redirect(Request.Path);
        }
        Delegations = await Mediator.Send(new ListDelegationsQuery(), ct);
        return Page();
    }

    /// <summary>A date as typed, dd/MM/yyyy; a bad one is an error at its field.</summary>
    private DateOnly? Date(string? text, string path, string label)
    {
        if (DateInput.TryParse(text, out var day)) return day;
        ModelState.AddModelError(path, DateInput.NotADate(label, text?.Trim()));
        return null;
    }
}
