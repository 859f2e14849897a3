using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Common;
using Workflow.Domain.Catalog;
using Workflow.Domain.Common;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Opening;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Administration;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows.Steps.Lifecycle;

namespace Workflow.Api.Features.Plans.ImportOpeningPosition;

/// <summary>
/// Going live mid-year: the finance office brings one plan's opening position in from the filled template
/// (<see cref="OpeningPositionWorkbook"/>). Each proposal, disbursement and settlement is created with its workflow
/// instance placed directly in its state by an <c>open-position</c> journal entry, and the ledger gets the commitments,
/// disbursements, settlements and releases the figures imply — all in one transaction, or nothing.
/// </summary>
public sealed record ImportOpeningPositionCommand(Guid PlanId, byte[] Content) : IRequest<OpeningPositionImported>;

public sealed record OpeningPositionImported(
    Guid PlanId, int Proposals, int Disbursements, int Settlements,
    IReadOnlyDictionary<FundingSource, long> Committed, IReadOnlyDictionary<FundingSource, long> Disbursed,
    IReadOnlyDictionary<FundingSource, long> AdvanceOutstanding, IReadOnlyDictionary<FundingSource, long> Settled);

public sealed class ImportOpeningPositionHandler(WorkflowDbContext db, OpeningPositionAccess access, ICurrentUser user, IWorkflowRuntime runtime, TimeProvider clock)
    : IRequestHandler<ImportOpeningPositionCommand, OpeningPositionImported>
{
    public async Task<OpeningPositionImported> Handle(ImportOpeningPositionCommand request, CancellationToken cancellationToken)
    {
        var plan = await access.FindAsync(request.PlanId, cancellationToken);
        var opened = await access.OpenedProposalsAsync(plan.Id, cancellationToken);
        if (opened > 0)
            throw new ConflictException($"Kế hoạch này đã có số dư đầu kỳ ({opened} đề xuất). Số dư đầu kỳ chỉ nhập một lần; việc phát sinh sau đó ghi qua các quy trình.", "opening.exists");
        if (request.Content.Length == 0)
            throw new ValidationFailedException("file", "Chưa gửi tệp: cần tệp số dư đầu kỳ (.xlsx) theo mẫu.");

        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Code, a.Name }).ToListAsync(cancellationToken);
        var (file, problems) = OpeningPositionWorkbook.Read(request.Content, text =>
            agencies.FirstOrDefault(a => string.Equals(a.Code, text, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Name, text, StringComparison.OrdinalIgnoreCase))?.Code);

        var balances = await db.Balances.Where(b => b.PlanId == plan.Id).ToListAsync(cancellationToken); // tracked: the commit moves them
        var byLine = balances.GroupBy(b => b.PlanLineId).ToDictionary(g => g.Key, g => g.ToDictionary(b => b.Source));
        var lines = plan.Lines.OrderBy(l => l.Position).Select(l => new OpeningLine(l.Id, l.ComponentCode, l.LeadAgencyCode,
            SourceAmounts.Of(s => byLine.GetValueOrDefault(l.Id)?.GetValueOrDefault(s)?.Uncommitted ?? 0))).ToList();

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        var (violations, proposals) = OpeningPosition.Check(file, lines, plan.FiscalYear, today);
        if (problems.Count > 0 || violations.Count > 0)
            throw new ValidationFailedException([.. problems, .. violations]);

        var actor = new Actor(user.Id, user.UserName, user.Roles, user.AgencyCode, user.UnitCode);
        var parent = await db.AdminUnits.AsNoTracking().Where(u => u.Code == plan.UnitCode)
            .Select(u => u.Level == AdminLevel.Province ? null : u.ParentCode).SingleAsync(cancellationToken);
        var yearEnd = new DateOnly(plan.FiscalYear, 12, 31);
        var parts = await db.UnitPartsAsync(plan.UnitCode, today, cancellationToken);
        SourceAmounts committed = SourceAmounts.Zero, disbursed = SourceAmounts.Zero, outstanding = SourceAmounts.Zero, settled = SourceAmounts.Zero;
        var disbursementCount = 0;
        var settlementCount = 0;

        // numbers for every dossier of the file, taken in the transaction that saves them
        await using var transaction = await WorkTransaction.BeginAsync(db, cancellationToken);
        var nextProposal = await db.ReserveDossierNumbersAsync(DossierCode.Proposal, plan.UnitCode, plan.FiscalYear, proposals.Count, cancellationToken);
        var nextDisbursement = await db.ReserveDossierNumbersAsync(DossierCode.Disbursement, plan.UnitCode, plan.FiscalYear,
            proposals.Sum(p => p.Disbursements.Count), cancellationToken);
        var nextSettlement = await db.ReserveDossierNumbersAsync(DossierCode.Settlement, plan.UnitCode, plan.FiscalYear,
            proposals.Count(p => p.Settlement is not null), cancellationToken);

        foreach (var item in proposals)
        {
            var row = item.Row;
            var lineBalances = byLine[item.Line.Id];
            var proposal = Proposal.Draft(Guid.NewGuid(), DossierCode.Format(DossierCode.Proposal, plan.FiscalYear, nextProposal++), plan.Id, item.Line.Id, item.Line.Component, item.Line.LeadAgencyCode,
                plan.UnitCode, plan.FiscalYear, OpeningPosition.ContentOf(row, yearEnd), row.Split, splitByHand: true, user.UserName, now);
            proposal.RecordDecision(row.DecisionNumber.Trim(), row.DecisionDate, now);
            var proposalInstance = Guid.NewGuid();
            proposal.AttachTo(proposalInstance);
            db.Proposals.Add(proposal);
            var subjectOf = (string type, Guid id) => new WorkflowSubject(type, id, plan.UnitCode, item.Line.LeadAgencyCode, parent);
            runtime.OpenAt(ProposalProcess.DefinitionId, subjectOf(ProposalProcess.SubjectType, proposal.Id),
                item.Settlement is null ? ProposalProcess.Approved : ProposalProcess.Settled, actor, OpeningPosition.Action, OpeningPosition.Comment,
                Data(OpeningSheet.Proposals, row.Row, new() { ["decisionNumber"] = row.DecisionNumber.Trim(), ["decisionDate"] = row.DecisionDate.ToString("yyyy-MM-dd") }),
                proposalInstance, parts);
            db.Move(lineBalances, LedgerEntryKind.Commit, row.Split, Reference(now,
                $"{OpeningPosition.NotePrefix}: cam kết chi theo quyết định phê duyệt {proposal.DecisionNumber} ({proposal.Code})", proposalInstance, proposal.Id));
            committed += row.Split;

            foreach (var paid in item.Disbursements)
            {
                var d = paid.Row;
                var disbursement = Disbursement.Request(Guid.NewGuid(), DossierCode.Format(DossierCode.Disbursement, plan.FiscalYear, nextDisbursement++), proposal.Id, plan.UnitCode, d.Kind, d.Amounts, null,
                    $"{OpeningPosition.NotePrefix} (trang «{OpeningSheet.Disbursements.Title}», dòng {d.Row})", user.UserName, now);
                var instance = Guid.NewGuid();
                disbursement.AttachTo(instance);
                disbursement.ConfirmPaid(d.TreasuryReference.Trim(), d.PaidOn, paid.Cash, now);
                db.Disbursements.Add(disbursement);
                runtime.OpenAt(DisbursementProcess.DefinitionId, subjectOf(DisbursementProcess.SubjectType, disbursement.Id), DisbursementProcess.Paid, actor,
                    OpeningPosition.Action, OpeningPosition.Comment,
                    Data(OpeningSheet.Disbursements, d.Row, new() { ["kind"] = d.Kind.ToString(), ["treasuryReference"] = d.TreasuryReference.Trim(), ["paidOn"] = d.PaidOn.ToString("yyyy-MM-dd") }),
                    instance, parts);
                var what = d.Kind == DisbursementKind.Advance ? "tạm ứng" : "thanh toán";
                db.Move(lineBalances, LedgerEntryKind.Disburse, paid.Cash, Reference(now,
                    $"{OpeningPosition.NotePrefix}: {what} {disbursement.Code}, chứng từ kho bạc {disbursement.TreasuryReference}", instance, proposal.Id, disbursement.Id));
                disbursementCount++;
            }
            var position = item.Position;
            disbursed += position.Cash;
            outstanding += position.AdvanceOutstanding;

            if (item.Settlement is { } done)
            {
                var s = done.Row;
                var settlement = Settlement.Open(Guid.NewGuid(), DossierCode.Format(DossierCode.Settlement, plan.FiscalYear, nextSettlement++), proposal.Id, plan.UnitCode,
                    new SettlementContent(s.Outputs, s.AcceptedOn, Beneficiaries.None, s.ActualCost), user.UserName, now);
                settlement.RecordRefundDue(done.Outcome.RefundDue, now);
                var instance = Guid.NewGuid();
                settlement.AttachTo(instance);
                db.Settlements.Add(settlement);
                runtime.OpenAt(SettlementProcess.DefinitionId, subjectOf(SettlementProcess.SubjectType, settlement.Id),
                    done.AwaitsRefund ? SettlementProcess.Approved : SettlementProcess.Closed, actor, OpeningPosition.Action, OpeningPosition.Comment,
                    Data(OpeningSheet.Settlements, s.Row, new() { ["actualCost"] = s.ActualCost.Total.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                    instance, parts);
                var reference = Reference(now, $"{OpeningPosition.NotePrefix}: quyết toán {proposal.Code}", instance, proposal.Id, settlementId: settlement.Id);
                db.Move(lineBalances, LedgerEntryKind.Release, done.Outcome.Release, reference);
                db.Move(lineBalances, LedgerEntryKind.Settle, done.Outcome.Settle, reference);
                settled += done.Outcome.Settle;
                settlementCount++;
            }
        }

        // one transaction; two imports racing on the same lines meet on the balances' revision (409)
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OpeningPositionImported(plan.Id, proposals.Count, disbursementCount, settlementCount,
            committed.ToDictionary(), disbursed.ToDictionary(), outstanding.ToDictionary(), settled.ToDictionary());

        LedgerReference Reference(DateTimeOffset at, string note, Guid instanceId, Guid proposalId, Guid? disbursementId = null, Guid? settlementId = null) =>
            new(at, user.UserName, note, proposalId, disbursementId, settlementId, instanceId, 0);
    }

    /// <summary>The journal entry's data: where in the file the subject came from, and its decisive facts.</summary>
    private static JsonElement Data(OpeningSheet sheet, int row, Dictionary<string, string> facts)
    {
        var data = new Dictionary<string, object> { ["source"] = "opening-position", ["sheet"] = sheet.Title, ["row"] = row };
        foreach (var (k, v) in facts) data[k] = v;
        return JsonSerializer.SerializeToElement(data);
    }
}
