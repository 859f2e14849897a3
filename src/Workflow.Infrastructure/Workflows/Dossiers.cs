using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Infrastructure.Workflows;

/// <summary>What a notice says about a dossier: its kind, its number in its unit, what it is and the money it decides on.</summary>
/// <param name="Kind">The kind of dossier in Vietnamese: "Đề xuất", "Đợt giải ngân", "Hồ sơ quyết toán".</param>
public sealed record DossierSummary(string Kind, string Code, string Title, long Amount);

/// <summary>The dossiers the workflows run on, as people name them and find them.</summary>
public static class Dossiers
{
    /// <summary>
    /// The dossier's page in the web app, from the site's root: <c>/de-xuat/{id}</c>, <c>/giai-ngan/{id}</c>,
    /// <c>/quyet-toan/{id}</c>, <c>/giam-sat/bao-cao/{id}</c>. Every link to a dossier — inbox, notices, e-mails, journal,
    /// search, dashboard — is made here.
    /// </summary>
    public static string PagePath(string subjectType, Guid id) => subjectType switch
    {
        ProposalProcess.SubjectType => $"/de-xuat/{id}",
        DisbursementProcess.SubjectType => $"/giai-ngan/{id}",
        SettlementProcess.SubjectType => $"/quyet-toan/{id}",
        MonitoringReportProcess.SubjectType => $"/giam-sat/bao-cao/{id}",
        _ => "/",
    };

    public static string KindOf(string subjectType) => subjectType switch
    {
        ProposalProcess.SubjectType => "Đề xuất",
        DisbursementProcess.SubjectType => "Đợt giải ngân",
        SettlementProcess.SubjectType => "Hồ sơ quyết toán",
        MonitoringReportProcess.SubjectType => "Báo cáo giám sát, đánh giá",
        _ => "Hồ sơ",
    };

    /// <summary>
    /// The dossier's summary: a proposal's state support, a disbursement's amount, a settlement's actual cost; the title
    /// of a disbursement or settlement is its proposal's. Null when the subject is not one of the lifecycle's dossiers.
    /// </summary>
    public static async Task<DossierSummary?> SummaryAsync(this WorkflowDbContext db, string subjectType, Guid id, CancellationToken ct)
    {
        var kind = KindOf(subjectType);
        // the amounts are computed from owned columns, so the entities are read whole (one row each)
        switch (subjectType)
        {
            case ProposalProcess.SubjectType:
                var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
                return proposal is null ? null : new DossierSummary(kind, proposal.Code, proposal.Title, proposal.StateSupport);
            case DisbursementProcess.SubjectType:
                var disbursement = await (from d in db.Disbursements.AsNoTracking() where d.Id == id
                                          join p in db.Proposals on d.ProposalId equals p.Id select new { d, p.Title }).SingleOrDefaultAsync(ct);
                return disbursement is null ? null : new DossierSummary(kind, disbursement.d.Code, disbursement.Title, disbursement.d.Total);
            case SettlementProcess.SubjectType:
                var settlement = await (from s in db.Settlements.AsNoTracking() where s.Id == id
                                        join p in db.Proposals on s.ProposalId equals p.Id select new { s, p.Title }).SingleOrDefaultAsync(ct);
                return settlement is null ? null : new DossierSummary(kind, settlement.s.Code, settlement.Title, settlement.s.ActualTotal);
            default:
                return null;
        }
    }
}
