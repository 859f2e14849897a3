using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Common;
using Workflow.Domain.Plans.Rules;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Ledger;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Plans.RevisePlan;

/// <summary>RULES.md 6: a revision (điều chỉnh) replaces a plan's content as its next version, keeping the history.</summary>
public sealed record RevisePlanCommand(Guid PlanId, JsonElement Body) : IRequest<PlanRevised>;

public sealed record PlanRevised(Guid Id, int Version);

public sealed class RevisePlanHandler(WorkflowDbContext db, PlanAccess access, PlanOrganisation organisation, PlanLedger ledger, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RevisePlanCommand, PlanRevised>
{
    public async Task<PlanRevised> Handle(RevisePlanCommand request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.PlanId, cancellationToken, track: true);
        var content = PlanFile.Read(request.Body, "reason", "confirmBelowPending");
        var reason = ReasonOf(request.Body);
        var confirmed = ConfirmedOf(request.Body);

        var context = await organisation.CheckAsync(content, cancellationToken);
        var contentJson = PlanFile.Write(content);
        var current = await db.PlanRevisions.AsNoTracking().Where(r => r.PlanId == plan.Id && r.Version == plan.Version).Select(r => r.ContentJson).SingleAsync(cancellationToken);
        var identical = RevisionChanges.CheckNotIdentical(current, contentJson, plan.Version).ToList();
        if (identical.Count > 0) throw new ConflictException(identical[0].Message, "plan.unchanged");
        await EnsureDroppedLinesAreUnusedAsync(plan, content, cancellationToken);
        var committed = await ledger.CommittedAsync(plan.Id, cancellationToken);
        if (!confirmed)
        {
            var belowPending = RevisionChanges.CheckPending(content, committed, await PendingAsync(plan.Id, cancellationToken)).ToList();
            if (belowPending.Count > 0)
                throw new ConflictException("Quy tắc 24: bản điều chỉnh cắt dòng dưới số các đề xuất đang chờ quyết định; xem danh sách, rồi gửi lại kèm \"confirmBelowPending\": true nếu vẫn điều chỉnh.",
                    "plan.belowPending") { Violations = belowPending };
        }
        var now = clock.GetUtcNow();
        plan.Revise(content, context.Applied, context.Agencies, committed, user.UserName, now, contentJson, reason);
        plan.RecordPolicyVersion(context.PolicyVersionId);
        organisation.AddNewOrganisation(context);
        await ledger.SyncAsync(plan, user.UserName, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // a concurrent revision of the same version recorded its version number first
            throw new ConflictException("Kế hoạch vừa được người khác điều chỉnh. Hãy tải bản mới nhất rồi điều chỉnh lại.", "plan.concurrentRevision");
        }
        return new PlanRevised(plan.Id, plan.Version);
    }

    /// <summary>The proposals of the plan awaiting a decision (submitted, under appraisal, appraised), with what they ask.</summary>
    private async Task<IReadOnlyList<PendingProposal>> PendingAsync(Guid planId, CancellationToken ct)
    {
        var states = ProposalProcess.Pending.ToArray();
        return await (from p in db.Proposals.AsNoTracking()
                      join i in db.WorkflowInstances on p.InstanceId equals i.Id
                      where p.PlanId == planId && states.Contains(i.State)
                      orderby p.Code
                      select new PendingProposal(p.Code, p.Component, p.Split)).ToListAsync(ct);
    }

    private static bool ConfirmedOf(JsonElement body)
    {
        if (!body.TryGetProperty("confirmBelowPending", out var c) || c.ValueKind == JsonValueKind.Null) return false;
        return c.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ValidationFailedException("confirmBelowPending", "confirmBelowPending là true hoặc false."),
        };
    }

    private static string? ReasonOf(JsonElement body)
    {
        if (!body.TryGetProperty("reason", out var r) || r.ValueKind == JsonValueKind.Null) return null;
        if (r.ValueKind != JsonValueKind.String) throw new ValidationFailedException("reason", "Lý do điều chỉnh phải là chuỗi ký tự.");
        string reason;
        try
        {
            reason = r.GetString()!.Trim();
        }
        catch (InvalidOperationException)
        {
            // JSON may escape a lone UTF-16 surrogate ("\ud800"), which is no text at all
            throw new ValidationFailedException("reason", "Lý do điều chỉnh chứa ký tự không hợp lệ.");
        }
        if (reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new ValidationFailedException("reason", "Lý do điều chỉnh không được chứa ký tự điều khiển.");
        if (reason.Length > 1024) throw new ValidationFailedException("reason", "Lý do điều chỉnh tối đa 1024 ký tự.");
        return reason.Length == 0 ? null : reason;
    }

    /// <summary>A line that proposals were made on, or that was carried over, stays: it can be cut to what is committed, not dropped.</summary>
    private async Task EnsureDroppedLinesAreUnusedAsync(Domain.Plans.Plan plan, Domain.Plans.PlanContent content, CancellationToken ct)
    {
        var dropped = plan.Lines.Where(l => content.Lines.All(c => c.Component != l.ComponentCode)).ToList();
        foreach (var line in dropped)
            if (await db.Proposals.AnyAsync(p => p.PlanLineId == line.Id, ct) || await db.Carryovers.AnyAsync(c => c.FromPlanLineId == line.Id || c.ToPlanLineId == line.Id, ct))
                throw new ConflictException($"Dòng {line.ComponentCode} đã có đề xuất hoặc chuyển nguồn; không bỏ được khỏi kế hoạch, chỉ điều chỉnh số tiền.", "plan.lineInUse")
                {
                    Violations = [new("lines", $"Quy tắc 6: thiếu dòng {line.ComponentCode} đang được sử dụng.")],
                };
    }
}
