using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Workflows.GetInstance;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Tasks.ClaimTask;

/// <summary>What an officer does with an open task's claim.</summary>
public enum ClaimMove
{
    /// <summary>Takes an unclaimed task: colleagues of the role see who holds it and leave it to them.</summary>
    Claim,
    /// <summary>A head of the agency takes a task a colleague holds (or nobody holds) for themselves.</summary>
    TakeOver,
    /// <summary>The holder gives the task back to everyone of the role.</summary>
    Release,
}

/// <summary><c>POST /api/tasks/{id}/claim</c>, <c>/take-over</c>, <c>/release</c>.</summary>
public sealed record ClaimTaskCommand(Guid TaskId, ClaimMove Move) : IRequest<TaskClaimView>;

/// <param name="ClaimedBy">Who holds the task after the move; null once released.</param>
public sealed record TaskClaimView(Guid TaskId, Guid InstanceId, string SubjectType, Guid SubjectId, TaskHolder? ClaimedBy);

/// <summary>
/// Claims, takes over and releases a task. Each move is one conditional update of the task row — claimed only while
/// nobody holds it, taken over only from the holder the head saw, released only by its holder — in one transaction
/// with its entry in the administration journal (<c>TaskClaim</c>), so of two officers claiming at once exactly one
/// wins and the other is told who holds it (409 <c>task.claimed</c>).
/// </summary>
public sealed class ClaimTaskHandler(WorkflowDbContext db, ICurrentUser user, InstanceAccess access, AdminJournal journal, TimeProvider clock)
    : IRequestHandler<ClaimTaskCommand, TaskClaimView>
{
    public async Task<TaskClaimView> Handle(ClaimTaskCommand request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TaskId, ct)
            ?? throw new NotFoundException($"Không tìm thấy việc {request.TaskId}.");
        await access.FindAsync(task.InstanceId, ct); // 404 for what the caller may not see
        if (!task.IsOpen)
            throw new ConflictException($"Việc '{task.Title}' đã xong ({task.ClosedBy} xử lý lúc {Fmt(task.ClosedAt!.Value)}).", "task.closed");
        var actor = await access.ActorAsync(ct);
        if (!MayWorkOn(task, actor))
            throw new ForbiddenException($"Việc '{task.Title}' dành cho {WorkflowRules.RoleName(task.Role)} phụ trách hồ sơ; bạn không nhận việc này được.");

        var me = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.DisplayName, u.Position, u.IsHead }).SingleAsync(ct);
        var myName = string.IsNullOrEmpty(me.Position) ? me.DisplayName : $"{me.DisplayName} ({me.Position})";
        var before = task.Claim;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var open = db.Tasks.Where(t => t.Id == task.Id && t.ClosedAt == null);
        int changed;
        switch (request.Move)
        {
            case ClaimMove.Claim:
                if (before?.HolderId == user.Id) return View(task, before);
                changed = await open.Where(t => t.ClaimedById == null).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.ClaimedById, user.Id).SetProperty(t => t.ClaimedBy, user.UserName)
                    .SetProperty(t => t.ClaimedByName, myName).SetProperty(t => t.ClaimedAt, now), ct);
                break;
            case ClaimMove.TakeOver:
                if (!me.IsHead)
                    throw new ForbiddenException("Chỉ lãnh đạo cơ quan (quản trị đánh dấu là lãnh đạo) mới nhận lại việc người khác đang xử lý; " +
                        (before is null ? "việc chưa ai nhận, hãy bấm 'Nhận xử lý'." : $"hãy đề nghị {before.HolderName} trả lại việc."));
                if (before?.HolderId == user.Id) return View(task, before);
                var seen = before?.HolderId;
                changed = await open.Where(t => t.ClaimedById == seen).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.ClaimedById, user.Id).SetProperty(t => t.ClaimedBy, user.UserName)
                    .SetProperty(t => t.ClaimedByName, myName).SetProperty(t => t.ClaimedAt, now), ct);
                break;
            default:
                if (before is null) return View(task, null);
                if (before.HolderId != user.Id)
                    throw new ForbiddenException($"Chỉ người đang xử lý ({before.HolderName}) mới trả lại việc này; lãnh đạo cơ quan có thể nhận lại việc.");
                changed = await open.Where(t => t.ClaimedById == user.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.ClaimedById, (Guid?)null).SetProperty(t => t.ClaimedBy, (string?)null)
                    .SetProperty(t => t.ClaimedByName, (string?)null).SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null), ct);
                break;
        }
        if (changed == 0) throw await MovedMeanwhileAsync(task.Id, ct);

        var after = (await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, ct)).Claim;
        journal.Record(AdminObjectTypes.TaskClaim, task.Id.ToString(), task.TargetUnitCode, ActionOf(request.Move),
            before is null ? null : Snapshot(task, before), after is null ? null : Snapshot(task, after));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return View(task, after);
    }

    /// <summary>Who sees the task in their inbox may claim it: its role held, or delegated for today, where it lands.</summary>
    private bool MayWorkOn(WorkflowTask task, Actor actor) =>
        (user.IsIn(task.Role) || actor.Mandates.Any(m => m.Role == task.Role))
        && task.TargetUnitCode == user.UnitCode && (task.TargetAgencyCode is null || task.TargetAgencyCode == user.AgencyCode);

    /// <summary>The refusal when the task changed between reading and the update: someone claimed it, or it was done.</summary>
    private async Task<ConflictException> MovedMeanwhileAsync(Guid taskId, CancellationToken ct)
    {
        var now = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct);
        return !now.IsOpen
            ? new ConflictException($"Việc '{now.Title}' vừa được xử lý xong ({now.ClosedBy} lúc {Fmt(now.ClosedAt!.Value)}).", "task.closed")
            : now.Claim is { } holder
                ? new ConflictException(ClaimedMessage(holder), "task.claimed")
                : new ConflictException("Việc vừa được trả lại, không còn ai xử lý; hãy tải lại và nhận việc.", "task.claimed");
    }

    public static string ClaimedMessage(TaskClaim holder) =>
        $"Đang xử lý: {holder.HolderName} đã nhận việc này lúc {Fmt(holder.At)}; chỉ người đó trả lại được, hoặc lãnh đạo cơ quan nhận lại.";

    private static string Fmt(DateTimeOffset at) => at.ToOffset(WorkingCalendar.VietnamOffset).ToString("HH:mm dd/MM/yyyy");

    private static string ActionOf(ClaimMove move) => move switch
    {
        ClaimMove.Claim => "claim",
        ClaimMove.TakeOver => "take-over",
        _ => "release",
    };

    private static object Snapshot(WorkflowTask task, TaskClaim claim) => new
    {
        task.InstanceId, task.SubjectType, task.SubjectId, task.State, task.Role,
        holder = claim.HolderUserName, holderName = claim.HolderName, since = claim.At,
    };

    private static TaskClaimView View(WorkflowTask task, TaskClaim? claim) =>
        new(task.Id, task.InstanceId, task.SubjectType, task.SubjectId, TaskHolder.Of(claim));
}

/// <summary>Where a dossier's open task stands for the caller: who holds it, and which claim buttons they get.</summary>
public sealed record GetTaskStandingQuery(string SubjectType, Guid SubjectId) : IRequest<TaskStanding>;

/// <param name="TaskId">The open task; null when the dossier waits for nobody.</param>
/// <param name="HeldByMe">The caller holds it.</param>
/// <param name="MayClaim">The caller may claim it (it is theirs to work on and nobody holds it).</param>
/// <param name="MayTakeOver">The caller heads the agency and a colleague holds it.</param>
/// <param name="OnBehalfOf">Full name of whom the caller's actions would be taken for, under a delegation.</param>
public sealed record TaskStanding(Guid? TaskId, TaskHolder? ClaimedBy, bool HeldByMe, bool MayClaim, bool MayTakeOver, string? OnBehalfOf);

public sealed class GetTaskStandingHandler(WorkflowDbContext db, ICurrentUser user, InstanceAccess access, CallerActions callerActions)
    : IRequestHandler<GetTaskStandingQuery, TaskStanding>
{
    public async Task<TaskStanding> Handle(GetTaskStandingQuery request, CancellationToken cancellationToken)
    {
        var instance = await access.FindBySubjectAsync(request.SubjectType, request.SubjectId, cancellationToken);
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.InstanceId == instance.Id && t.ClosedAt == null, cancellationToken);
        var onBehalfOf = (await callerActions.OfAsync(instance, cancellationToken)).OnBehalfOf?.PrincipalName;
        if (task is null) return new TaskStanding(null, null, false, false, false, onBehalfOf);
        var actor = await access.ActorAsync(cancellationToken);
        var mine = (user.IsIn(task.Role) || actor.Mandates.Any(m => m.Role == task.Role))
                   && task.TargetUnitCode == user.UnitCode && (task.TargetAgencyCode is null || task.TargetAgencyCode == user.AgencyCode);
        var claim = task.Claim;
        var head = mine && claim is not null && claim.HolderId != user.Id
                   && await db.Users.AsNoTracking().AnyAsync(u => u.Id == user.Id && u.IsHead, cancellationToken);
        return new TaskStanding(task.Id, TaskHolder.Of(claim), claim?.HolderId == user.Id, mine && claim is null, head, onBehalfOf);
    }
}
