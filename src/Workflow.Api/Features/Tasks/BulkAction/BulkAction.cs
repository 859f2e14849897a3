using System.Text.Json;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Common;
using Workflow.Api.Features.Workflows.FireAction;

namespace Workflow.Api.Features.Tasks.BulkAction;

/// <summary>
/// One action on several dossiers at once, as an officer clears a page of the inbox (<c>POST /api/tasks/bulk</c>):
/// start the appraisal of five proposals, approve three with one decision, approve a batch of payments. Each dossier is
/// fired on its own, in its own transaction and journal entry, exactly as one request to its action would be: a refusal
/// (someone else acted, the money ran out, the rules say no) stops only that one, and the answer says, per dossier,
/// what it moved to or why it was refused.
/// </summary>
public sealed record BulkActionCommand(string? Action, IReadOnlyList<Guid>? InstanceIds, string? Comment, JsonElement? Data) : IRequest<BulkActionResult>;

/// <param name="Done">Dossiers the action moved.</param>
/// <param name="Refused">Dossiers it did not, each with its problem.</param>
public sealed record BulkActionResult(string Action, int Done, int Refused, IReadOnlyList<BulkActionItem> Items);

/// <summary>
/// One dossier's outcome: <paramref name="Status"/> 200 with the state it left and the one it moved to, or the problem
/// one request to its action would have answered — its status, code, title, detail and, for invalid data, the
/// messages by field.
/// </summary>
public sealed record BulkActionItem(Guid InstanceId, int Status, string? From, string? To, string? Code, string? Title, string? Detail,
    IDictionary<string, string[]>? Errors)
{
    public static BulkActionItem Moved(Guid instanceId, string from, string to) => new(instanceId, StatusCodes.Status200OK, from, to, null, null, null, null);

    public static BulkActionItem Refused(Guid instanceId, ProblemDetails problem) => new(instanceId, problem.Status!.Value, null, null,
        problem.Extensions.TryGetValue("code", out var code) ? code as string : null, problem.Title, problem.Detail, (problem as ValidationProblemDetails)?.Errors);
}

public sealed class BulkActionValidator : AbstractValidator<BulkActionCommand>
{
    /// <summary>A page of the inbox: more at once would hold the officer's request for minutes.</summary>
    public const int MaxItems = 50;

    public BulkActionValidator()
    {
        RuleFor(c => c.Action).NotEmpty().WithMessage("Chọn thao tác (action), ví dụ approve.")
            .MaximumLength(64).WithMessage("Tên thao tác không hợp lệ.");
        RuleFor(c => c.InstanceIds).NotEmpty().WithMessage("Chọn ít nhất một hồ sơ (instanceIds).");
        RuleFor(c => c.InstanceIds!.Count).LessThanOrEqualTo(MaxItems).WithMessage($"Mỗi lần xử lý tối đa {MaxItems} hồ sơ.")
            .OverridePropertyName("instanceIds").When(c => c.InstanceIds is not null);
        RuleFor(c => c.InstanceIds).Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("Mỗi hồ sơ chỉ chọn một lần.")
            .When(c => c.InstanceIds is not null);
        RuleForEach(c => c.InstanceIds).NotEqual(Guid.Empty).WithMessage("Mã hồ sơ không hợp lệ.");
    }
}

public sealed class BulkActionHandler(IServiceScopeFactory scopes) : IRequestHandler<BulkActionCommand, BulkActionResult>
{
    public async Task<BulkActionResult> Handle(BulkActionCommand request, CancellationToken cancellationToken)
    {
        var items = new List<BulkActionItem>(request.InstanceIds!.Count);
        foreach (var id in request.InstanceIds!)
        {
            // a scope per dossier: its own unit of work, so one refused firing leaves nothing behind for the next
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            try
            {
                var fired = await mediator.Send(new FireActionCommand(id, request.Action!, request.Comment, request.Data), cancellationToken);
                items.Add(BulkActionItem.Moved(id, fired.From, fired.To));
            }
            catch (Exception e) when (ProblemDetailsExceptionHandler.ProblemOf(e) is { Status: < 500 } problem)
            {
                items.Add(BulkActionItem.Refused(id, problem));
            }
        }
        var done = items.Count(i => i.Status == StatusCodes.Status200OK);
        return new BulkActionResult(request.Action!, done, items.Count - done, items);
    }
}
