using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Proposals.ProposalAction;
using Workflow.Api.Features.Tasks.ClaimTask;
using Workflow.Api.Features.Workflows.GetInstance;

namespace Workflow.Api.Pages;

/// <summary>A page showing a proposal, disbursement or settlement: its actions are buttons, posted back here.</summary>
public abstract class SubjectPageModel(IMediator mediator) : AppPageModel(mediator)
{
    protected abstract string SubjectType { get; }

    /// <summary>Loads the subject for display; called on GET and after a refused action.</summary>
    protected abstract Task LoadAsync(Guid id, CancellationToken ct);

    public abstract IReadOnlyList<ActionView> Actions { get; }

    /// <summary>Who holds the dossier's open task, and the claim buttons the caller gets.</summary>
    public TaskStanding? Standing { get; private set; }

    [BindProperty] public string? ActionName { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Dictionary<string, string?> Data { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAllAsync(id, ct);
        return Page();
    }

    private async Task LoadAllAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Standing = await Mediator.Send(new GetTaskStandingQuery(SubjectType, id), ct);
    }

    public Task<IActionResult> OnPostClaimAsync(Guid id, CancellationToken ct) => ClaimAsync(id, ClaimMove.Claim, "Bạn đã nhận xử lý hồ sơ này.", ct);

    public Task<IActionResult> OnPostTakeOverAsync(Guid id, CancellationToken ct) => ClaimAsync(id, ClaimMove.TakeOver, "Bạn đã nhận lại việc; người xử lý trước không còn giữ hồ sơ.", ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) => ClaimAsync(id, ClaimMove.Release, "Đã trả lại việc cho những người cùng vai trò.", ct);

    private async Task<IActionResult> ClaimAsync(Guid id, ClaimMove move, string done, CancellationToken ct)
    {
        var standing = await Mediator.Send(new GetTaskStandingQuery(SubjectType, id), ct);
        if (standing.TaskId is { } task && await TryAsync(() => Mediator.Send(new ClaimTaskCommand(task, move), ct)))
        {
            Flash = done;
            return Redirect(Request.Path);
        }
        if (standing.TaskId is null) Problem = "Hồ sơ không còn việc nào đang chờ xử lý.";
        await LoadAllAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, CancellationToken ct)
    {
        await LoadAllAsync(id, ct);
        var action = Actions.FirstOrDefault(a => a.Action == ActionName);
        if (action is null)
        {
            Problem = "Thao tác này không còn thực hiện được (hồ sơ có thể vừa được người khác xử lý). Trang đã được tải lại.";
            return Page();
        }
        var data = action.RequiredData.ToDictionary(f => f, f => Data.GetValueOrDefault(f)?.Trim());
        var done = await TryAsync(() => Mediator.Send(new SubjectActionCommand(SubjectType, id, action.Action, Comment, ToJson(data)), ct));
        if (done)
        {
            Flash = $"Đã thực hiện: {action.DisplayName}.";
            return Redirect(Request.Path);
        }
        await LoadAllAsync(id, ct);
        return Page();
    }
}
