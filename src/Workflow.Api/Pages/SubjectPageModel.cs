using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Proposals.ProposalAction;
using Workflow.Api.Features.Workflows.GetInstance;

namespace Workflow.Api.Pages;

/// <summary>A page showing a proposal, disbursement or settlement: its actions are buttons, posted back here.</summary>
public abstract class SubjectPageModel(IMediator mediator) : AppPageModel(mediator)
{
    protected abstract string SubjectType { get; }

    /// <summary>Loads the subject for display; called on GET and after a refused action.</summary>
    protected abstract Task LoadAsync(Guid id, CancellationToken ct);

    public abstract IReadOnlyList<ActionView> Actions { get; }

    /// <summary>
    /// Fields an action takes beyond those its definition requires, which the page asks for because the subject needs
    /// them (the treasury confirms a payment against what the order declares).
    /// </summary>
    public virtual IReadOnlyList<string> ExtraDataFields(string action) => [];

    [BindProperty] public string? ActionName { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public Dictionary<string, string?> Data { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var action = Actions.FirstOrDefault(a => a.Action == ActionName);
        if (action is null)
        {
            Problem = "Thao tác này không còn thực hiện được (hồ sơ có thể vừa được người khác xử lý). Trang đã được tải lại.";
            return Page();
        }
        var data = action.RequiredData.Concat(ExtraDataFields(action.Action)).Distinct().ToDictionary(f => f, f => Data.GetValueOrDefault(f)?.Trim());
        var done = await TryAsync(() => Mediator.Send(new SubjectActionCommand(SubjectType, id, action.Action, Comment, ToJson(data)), ct));
        if (done)
        {
            Flash = $"Đã thực hiện: {action.DisplayName}.";
            return Redirect(Request.Path);
        }
        await LoadAsync(id, ct);
        return Page();
    }
}
