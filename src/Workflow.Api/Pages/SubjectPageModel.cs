using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Features.Attachments.AttachFile;
using Workflow.Api.Features.Attachments.ListAttachments;
using Workflow.Api.Features.Proposals.ProposalAction;
using Workflow.Api.Features.Tasks.ClaimTask;
using Workflow.Api.Features.Workflows.GetInstance;

namespace Workflow.Api.Pages;

/// <summary>A page showing a proposal, disbursement or settlement: its actions are buttons, posted back here, and its files are listed and uploaded here.</summary>
public abstract class SubjectPageModel(IMediator mediator) : AppPageModel(mediator)
{
    protected abstract string SubjectType { get; }

    /// <summary>Loads the subject for display; called on GET and after a refused action.</summary>
    protected abstract Task LoadAsync(Guid id, CancellationToken ct);

    public abstract IReadOnlyList<ActionView> Actions { get; }

    /// <summary>The dossier's files and whether the caller may attach one.</summary>
    public DossierAttachments Attachments { get; private set; } = new([], false, 0, "");

    /// <summary>
    /// Fields an action takes beyond those its definition requires, which the page asks for because the subject needs
    /// them (the treasury confirms a payment against what the order declares).
    /// </summary>
    public virtual IReadOnlyList<string> ExtraDataFields(string action) => [];

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
        Attachments = await Mediator.Send(new ListAttachmentsQuery(SubjectType, id), ct);
        Standing = await Mediator.Send(new GetTaskStandingQuery(SubjectType, id), ct);
    }

    /// <summary>The upload form: the same command as <c>POST /api/{subjects}/{id}/attachments</c>; a refusal is shown at the file field.</summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file, bool personalData, CancellationToken ct)
    {
        FileAttached? attached = null;
        if (await TryAsync(async () => attached = await Mediator.Send(new AttachFileCommand(SubjectType, id, file, personalData), ct)))
        {
            Flash = attached!.Created ? $"Đã đính kèm tệp {attached.File.FileName}." : $"Hồ sơ đã có tệp với đúng nội dung này ({attached.File.FileName}); không thêm lần nữa.";
            return Redirect(Request.Path);
        }
        await LoadAllAsync(id, ct);
        return Page();
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

    /// <summary>
    /// An action's field as the command takes it: a date typed dd/MM/yyyy becomes ISO, an amount typed grouped becomes
    /// digits. What cannot be read is an error at the field, in the words of the form, before anything is sent.
    /// </summary>
    private string? Readable(string field, string? text) => Readable(ModelState, field, text);

    /// <summary>The same reading for any page that sends an action's data (the inbox's bulk form too).</summary>
    public static string? Readable(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string field, string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        if (Fmt.IsDateField(field))
        {
            if (DateInput.TryParse(text, out var date)) return DateInput.Iso(date!.Value);
            modelState.AddModelError($"data.{field}", DateInput.NotADate(Fmt.DataLabel(field), text));
        }
        else if (Fmt.IsMoneyField(field))
        {
            if (MoneyInput.TryParse(text, out var amount)) return amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            modelState.AddModelError($"data.{field}", MoneyInput.NotWholeDong(Fmt.DataLabel(field), text));
        }
        return text;
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
        var data = action.RequiredData.Concat(ExtraDataFields(action.Action)).Distinct().ToDictionary(f => f, f => Readable(f, Data.GetValueOrDefault(f)?.Trim()));
        if (ModelState.Any(kv => kv.Key.StartsWith("data.", StringComparison.Ordinal) && kv.Value!.Errors.Count > 0))
        {
            Problem = "Chưa thực hiện được: xem các lỗi được đánh dấu bên dưới.";
            return Page();
        }
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
