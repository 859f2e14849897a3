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
    /// The dossiers' summaries, by id: a proposal's state support, a disbursement's amount, a settlement's actual cost; the
    /// title of a disbursement or settlement is its proposal's. A subject that is not one of the lifecycle's dossiers, or
    /// no longer exists, has none. One query per kind of dossier, however many are asked.
    /// </summary>
    public static async Task<Dictionary<Guid, DossierSummary>> SummariesAsync(this WorkflowDbContext db, IEnumerable<(string SubjectType, Guid Id)> subjects, CancellationToken ct)
    {
        var wanted = subjects.Distinct().ToLookup(s => s.SubjectType, s => s.Id);
        var summaries = new Dictionary<Guid, DossierSummary>();
        // the amounts are computed from owned columns, so the entities are read whole (one row each)
        if (Ids(ProposalProcess.SubjectType) is { Count: > 0 } proposals)
            foreach (var p in await db.Proposals.AsNoTracking().Where(p => proposals.Contains(p.Id)).ToListAsync(ct))
                summaries[p.Id] = new DossierSummary(KindOf(ProposalProcess.SubjectType), p.Code, p.Title, p.StateSupport);
        if (Ids(DisbursementProcess.SubjectType) is { Count: > 0 } disbursements)
            foreach (var x in await (from d in db.Disbursements.AsNoTracking() where disbursements.Contains(d.Id)
                                     join p in db.Proposals on d.ProposalId equals p.Id select new { d, p.Title }).ToListAsync(ct))
                summaries[x.d.Id] = new DossierSummary(KindOf(DisbursementProcess.SubjectType), x.d.Code, x.Title, x.d.Total);
        if (Ids(SettlementProcess.SubjectType) is { Count: > 0 } settlements)
            foreach (var x in await (from st in db.Settlements.AsNoTracking() where settlements.Contains(st.Id)
                                     join p in db.Proposals on st.ProposalId equals p.Id select new { st, p.Title }).ToListAsync(ct))
                summaries[x.st.Id] = new DossierSummary(KindOf(SettlementProcess.SubjectType), x.st.Code, x.Title, x.st.ActualTotal);
        return summaries;

        List<Guid> Ids(string subjectType) => wanted[subjectType].ToList();
    }
}
