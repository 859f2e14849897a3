using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Api.Features.Admin;
using Workflow.Domain.Administration;
using Workflow.Domain.Common;
using Workflow.Domain.Monitoring.Indicators;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Monitoring.RecordEscapedAfterSupport;

/// <summary>
/// <c>PUT /api/monitoring/escaped-after-support/{proposalId}</c>: of <paramref name="Of"/> households the sub-project
/// supported, <paramref name="Households"/> were out of poverty at the review of <paramref name="ReviewYear"/>.
/// Entered by the unit's standing office once the review is done; the same review year again corrects it.
/// </summary>
public sealed record RecordEscapedAfterSupportCommand(Guid ProposalId, int? ReviewYear, int? Households, int? Of) : IRequest<EscapedAfterSupportView>;

public sealed record EscapedAfterSupportView(Guid ProposalId, string ProposalCode, string UnitCode, int FiscalYear, string Component, int ReviewYear, int Households, int Of,
    string RecordedBy, DateTimeOffset RecordedAt)
{
    public static EscapedAfterSupportView From(EscapedAfterSupport e, string proposalCode) =>
        new(e.ProposalId, proposalCode, e.UnitCode, e.FiscalYear, e.Component, e.ReviewYear, e.Households, e.Of, e.RecordedBy, e.RecordedAt);
}

public sealed class RecordEscapedAfterSupportHandler(WorkflowDbContext db, MonitoringAccess access, ICurrentUser user, AdminJournal journal, TimeProvider clock)
    : IRequestHandler<RecordEscapedAfterSupportCommand, EscapedAfterSupportView>
{
    public async Task<EscapedAfterSupportView> Handle(RecordEscapedAfterSupportCommand r, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == r.ProposalId)
            .Select(p => new { p.Id, p.Code, p.UnitCode, p.FiscalYear, p.Component, p.InstanceId }).SingleOrDefaultAsync(ct);
        if (proposal is null || !await access.MaySeeAsync(proposal.UnitCode, ct)) throw new NotFoundException($"Không tìm thấy đề xuất {r.ProposalId}.");
        await access.UnitToRecordAsync(proposal.UnitCode, ct);
        if (r.ReviewYear is null) throw new ValidationFailedException("reviewYear", "Nhập năm rà soát (reviewYear).");
        // only money that was committed supported anyone: a draft or refused proposal has no beneficiaries to follow
        var state = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == proposal.InstanceId).Select(i => i.State).SingleAsync(ct);
        if (!ProposalProcess.Committed.Contains(state))
            throw new ConflictException($"Đề xuất {proposal.Code} chưa được phê duyệt (trạng thái {state}): chỉ ghi hộ thoát nghèo sau hỗ trợ cho đề xuất đã phê duyệt hoặc đã quyết toán.",
                "escapedAfterSupport.notApproved");

        var existing = await db.EscapedAfterSupport.SingleOrDefaultAsync(e => e.ProposalId == proposal.Id && e.ReviewYear == r.ReviewYear, ct);
        var now = clock.GetUtcNow();
        var journalId = $"{proposal.Id}/{r.ReviewYear}";
        if (existing is null)
        {
            var entry = EscapedAfterSupport.Record(proposal.Id, proposal.UnitCode, proposal.FiscalYear, proposal.Component, r.ReviewYear.Value, r.Households, r.Of, user.UserName, now);
            db.EscapedAfterSupport.Add(entry);
            journal.Record(AdminObjectTypes.EscapedAfterSupport, journalId, proposal.UnitCode, "create", null, EscapedAfterSupportView.From(entry, proposal.Code));
            existing = entry;
        }
        else
        {
            var before = EscapedAfterSupportView.From(existing, proposal.Code);
            existing.Correct(r.Households, r.Of, user.UserName, now);
            journal.Record(AdminObjectTypes.EscapedAfterSupport, journalId, proposal.UnitCode, "update", before, EscapedAfterSupportView.From(existing, proposal.Code));
        }
        await db.SaveChangesAsync(ct);
        return EscapedAfterSupportView.From(existing, proposal.Code);
    }
}
