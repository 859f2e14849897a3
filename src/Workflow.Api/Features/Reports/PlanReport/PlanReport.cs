using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Features.Plans;
using Workflow.Domain.Catalog;
using Workflow.Domain.Ledger;
using Workflow.Domain.Workflows;
using Workflow.Domain.Money;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Infrastructure.Catalogues;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Features.Reports.PlanReport;

/// <summary>
/// How a plan is being carried out (báo cáo tình hình thực hiện kế hoạch vốn): per line and source what was
/// allocated, committed, paid, advanced, settled; the same by lead agency; proposals by state; beneficiaries
/// planned against reached; carryovers; and whether the balances still equal the sum of their ledger entries.
/// Every figure is aggregated in SQL; only grouped rows come back (docs/reports.md).
/// </summary>
public sealed record GetPlanReportQuery(Guid PlanId) : IRequest<PlanReport>;

public sealed record PlanReport(
    Guid PlanId, int FiscalYear, int Version, ReportUnit Unit, string? DecisionNumber, DateOnly? DecisionDate, DateTimeOffset GeneratedAt,
    IReadOnlyList<LineReport> Lines, SourceFigures Totals, IReadOnlyList<AgencyReport> Agencies,
    ProposalCounts Proposals, IReadOnlyList<BeneficiaryRow> Beneficiaries, IReadOnlyList<CarryoverRow> Carryovers,
    bool Reconciled, IReadOnlyList<LedgerMismatch> Mismatches, IReadOnlyList<LapseRow> Lapses, PlanCatalogue Catalogue);

/// <summary>A line's unspent allocation that lapsed after the close (hủy dự toán, RULES.md 25).</summary>
public sealed record LapseRow(Guid Id, string Component, Guid PlanLineId, IReadOnlyDictionary<FundingSource, long> Amounts, long Total,
    string DecisionReference, DateTimeOffset At, string Actor);

public sealed record ReportUnit(string Code, string Name);

/// <summary>One cell group of the report, in whole đồng.</summary>
/// <param name="Remaining">Allocated − committed: what approvals may still commit.</param>
/// <param name="DisbursementRate">Disbursed ÷ allocated, rounded to 4 places (0.0658 = 6,58 %); 0 when nothing is allocated.</param>
public sealed record Figures(long Allocated, long Committed, long Disbursed, long AdvancesOutstanding, long Settled, long Remaining, decimal DisbursementRate)
{
    public static Figures Of(long allocated, long committed, long disbursed, long advancesOutstanding, long settled) =>
        new(allocated, committed, disbursed, advancesOutstanding, settled, checked(allocated - committed), RateOf(disbursed, allocated));

    public static decimal RateOf(long disbursed, long allocated) =>
        allocated == 0 ? 0m : Math.Round((decimal)disbursed / allocated, 4, MidpointRounding.AwayFromZero);

    public static Figures Sum(IEnumerable<Figures> figures)
    {
        long a = 0, c = 0, d = 0, o = 0, s = 0;
        foreach (var f in figures)
        {
            a = checked(a + f.Allocated);
            c = checked(c + f.Committed);
            d = checked(d + f.Disbursed);
            o = checked(o + f.AdvancesOutstanding);
            s = checked(s + f.Settled);
        }
        return Of(a, c, d, o, s);
    }
}

/// <summary>Figures per budget source (always the four: Central, Provincial, District, Commune) and over all of them.</summary>
public sealed record SourceFigures(IReadOnlyDictionary<FundingSource, Figures> Sources, Figures Total)
{
    public static SourceFigures Of(Func<FundingSource, Figures> bySource)
    {
        var sources = FundingSources.Budget.ToDictionary(s => s, bySource);
        return new(sources, Figures.Sum(sources.Values));
    }

    public static SourceFigures Sum(IReadOnlyCollection<SourceFigures> parts) =>
        Of(s => Figures.Sum(parts.Select(p => p.Sources[s])));
}

public sealed record LineReport(
    int Number, Guid PlanLineId, string Component, string ComponentName, string LeadAgencyCode, string LeadAgencyName,
    IReadOnlyDictionary<FundingSource, Figures> Sources, Figures Total);

public sealed record AgencyReport(
    string AgencyCode, string AgencyName, IReadOnlyList<string> Components,
    IReadOnlyDictionary<FundingSource, Figures> Sources, Figures Total);

public sealed record StateCount(string State, string Name, int Count);

public sealed record SettlementStatusCount(SettlementStatus Status, string Name, int Count);

public sealed record ProposalCounts(int Total, IReadOnlyList<StateCount> ByState, IReadOnlyList<SettlementStatusCount> BySettlementStatus);

/// <param name="Planned">Sum over proposals approved, settling or settled.</param>
/// <param name="Reached">Sum over settlements approved or closed.</param>
public sealed record BeneficiaryRow(string Category, string Name, long Planned, long Reached);

public enum CarryoverDirection { In, Out }

public sealed record CarryoverRow(
    Guid Id, CarryoverDirection Direction, string Component, int FromFiscalYear, int ToFiscalYear, Guid FromPlanLineId, Guid ToPlanLineId,
    IReadOnlyDictionary<FundingSource, long> Amounts, long Total, long CommitmentsKept, string DecisionReference, DateTimeOffset At, string Actor);

/// <summary>A balance column that differs from the sum of its ledger entries.</summary>
public sealed record LedgerMismatch(Guid PlanLineId, string Component, FundingSource Source, string Column, long Balance, long Ledger, long Difference);

public sealed class GetPlanReportHandler(WorkflowDbContext db, PlanAccess access, DefinitionCatalog catalog, ProgrammeCatalogues catalogues, TimeProvider clock)
    : IRequestHandler<GetPlanReportQuery, PlanReport>
{
    /// <summary>Proposals whose beneficiaries count as planned: the money is committed to them.</summary>
    private static readonly string[] PlannedStates = [.. ProposalProcess.Committed];

    /// <summary>Settlements whose beneficiaries count as reached: the acceptance is approved.</summary>
    private static readonly string[] ReachedStates = [SettlementProcess.Approved, SettlementProcess.Closed];

    public async Task<PlanReport> Handle(GetPlanReportQuery request, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var plan = await access.FindAsync(request.PlanId, ct);
        var planId = plan.Id;
        var unit = await db.AdminUnits.AsNoTracking().Where(u => u.Code == plan.UnitCode).Select(u => new ReportUnit(u.Code, u.Name)).SingleOrDefaultAsync(ct)
                   ?? new ReportUnit(plan.UnitCode, plan.UnitCode);
        var agencyCodes = plan.Lines.Select(l => l.LeadAgencyCode).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);

        // the balances are one row per (line, source): already the aggregates of the ledger
        var balances = await db.Balances.AsNoTracking().Where(b => b.PlanId == planId)
            .Select(b => new BalanceRow(b.PlanLineId, b.Component, b.Source, b.Allocated, b.Committed, b.Disbursed, b.Settled))
            .ToListAsync(ct);

        var advances = await AdvancesOutstandingAsync(planId, ct);
        var catalogue = catalogues.For(plan.FiscalYear);
        var lines = plan.Lines.OrderBy(l => l.Position).Select((line, index) =>
        {
            var figures = SourceFigures.Of(source =>
            {
                var b = balances.FirstOrDefault(x => x.PlanLineId == line.Id && x.Source == source);
                var outstanding = advances.GetValueOrDefault((line.Id, source));
                return b is null ? Figures.Of(0, 0, 0, outstanding, 0) : Figures.Of(b.Allocated, b.Committed, b.Disbursed, outstanding, b.Settled);
            });
            return new LineReport(index + 1, line.Id, line.ComponentCode, catalogue.Period.NameOf(line.ComponentCode),
                line.LeadAgencyCode, agencyNames.GetValueOrDefault(line.LeadAgencyCode, line.LeadAgencyCode), figures.Sources, figures.Total);
        }).ToList();

        var totals = SourceFigures.Sum(lines.Select(l => new SourceFigures(l.Sources, l.Total)).ToList());
        var byAgency = lines.GroupBy(l => l.LeadAgencyCode)
            .Select(g =>
            {
                var figures = SourceFigures.Sum(g.Select(l => new SourceFigures(l.Sources, l.Total)).ToList());
                return new AgencyReport(g.Key, g.First().LeadAgencyName, g.Select(l => l.Component).ToList(), figures.Sources, figures.Total);
            })
            .ToList();

        var counts = await ProposalCountsAsync(planId, ct);
        var beneficiaries = await BeneficiariesAsync(planId, ct);
        var carryovers = await CarryoversAsync(planId, ct);
        var mismatches = await ReconcileAsync(planId, balances, ct);

        return new PlanReport(
            plan.Id, plan.FiscalYear, plan.Version, unit, plan.DecisionNumber, plan.DecisionDate, clock.GetUtcNow(),
            lines, totals, byAgency, counts, beneficiaries, carryovers, mismatches.Count == 0, mismatches, await LapsesAsync(planId, ct), PlanCatalogue.Of(catalogue));
    }

    private sealed record BalanceRow(Guid PlanLineId, string Component, FundingSource Source, long Allocated, long Committed, long Disbursed, long Settled);

    /// <summary>
    /// Per proposal and source, the advances the treasury paid less the payments it paid, never below zero
    /// (RULES.md 15, <see cref="Domain.Disbursements.DisbursementPosition"/>), summed per line. SQL sums the paid
    /// disbursements per (proposal, kind); the clamp runs over those grouped rows.
    /// </summary>
    private async Task<Dictionary<(Guid Line, FundingSource Source), long>> AdvancesOutstandingAsync(Guid planId, CancellationToken ct)
    {
        var sums = await (from d in db.Disbursements
                          join p in db.Proposals on d.ProposalId equals p.Id
                          where p.PlanId == planId && d.IsPaid
                          group d by new { d.ProposalId, p.PlanLineId, d.Kind } into g
                          select new
                          {
                              g.Key.ProposalId, g.Key.PlanLineId, g.Key.Kind,
                              Central = g.Sum(d => d.Amounts.Central), Provincial = g.Sum(d => d.Amounts.Provincial),
                              District = g.Sum(d => d.Amounts.District), Commune = g.Sum(d => d.Amounts.Commune),
                          }).ToListAsync(ct);

        var result = new Dictionary<(Guid, FundingSource), long>();
        foreach (var proposal in sums.GroupBy(r => (r.ProposalId, r.PlanLineId)))
        {
            var position = Domain.Disbursements.DisbursementPosition.Of(
                proposal.Select(r => (r.Kind, new SourceAmounts(r.Central, r.Provincial, r.District, r.Commune))));
            foreach (var (source, outstanding) in position.AdvanceOutstanding.Entries)
            {
                var key = (proposal.Key.PlanLineId, source);
                result[key] = checked(result.GetValueOrDefault(key) + outstanding);
            }
        }
        return result;
    }

    private async Task<ProposalCounts> ProposalCountsAsync(Guid planId, CancellationToken ct)
    {
        var rows = await (from p in db.Proposals
                          join i in db.WorkflowInstances on p.InstanceId equals i.Id
                          join s in db.Settlements on p.Id equals s.ProposalId into settlements
                          from s in settlements.DefaultIfEmpty()
                          join si in db.WorkflowInstances on s!.InstanceId equals si.Id into settlementInstances
                          from si in settlementInstances.DefaultIfEmpty()
                          where p.PlanId == planId
                          group p by new { i.State, SettlementState = (string?)si!.State } into g
                          select new { g.Key.State, g.Key.SettlementState, Count = g.Count() }).ToListAsync(ct);

        var definition = catalog.FindBySubjectType(ProposalProcess.SubjectType);
        var known = definition?.States.Select(s => s.Name).ToList() ?? [.. ProposalProcess.All];
        var states = known.Concat(rows.Select(r => r.State).Where(s => !known.Contains(s)).Distinct().Order(StringComparer.Ordinal));
        var byState = states.Select(s => new StateCount(s, definition?.FindState(s)?.DisplayName ?? s, rows.Where(r => r.State == s).Sum(r => r.Count))).ToList();
        var bySettlement = Enum.GetValues<SettlementStatus>()
            .Select(status => new SettlementStatusCount(status, SettlementStatusName(status), rows.Where(r => Settlement.StatusOf(r.SettlementState) == status).Sum(r => r.Count)))
            .ToList();
        return new ProposalCounts(rows.Sum(r => r.Count), byState, bySettlement);
    }

    public static string SettlementStatusName(SettlementStatus status) => status switch
    {
        SettlementStatus.NotStarted => "Chưa quyết toán",
        SettlementStatus.InProgress => "Đang lập hồ sơ quyết toán",
        SettlementStatus.Submitted => "Đã trình quyết toán",
        SettlementStatus.Approved => "Đã phê duyệt quyết toán",
        _ => "Đã đóng hồ sơ quyết toán",
    };

    private async Task<IReadOnlyList<BeneficiaryRow>> BeneficiariesAsync(Guid planId, CancellationToken ct)
    {
        var planned = await (from p in db.Proposals
                             join i in db.WorkflowInstances on p.InstanceId equals i.Id
                             where p.PlanId == planId && PlannedStates.Contains(i.State)
                             group p by 1 into g
                             select new
                             {
                                 Poor = g.Sum(p => (long)p.Poor), NearPoor = g.Sum(p => (long)p.NearPoor), NewlyEscaped = g.Sum(p => (long)p.NewlyEscaped),
                                 EthnicMinority = g.Sum(p => (long)p.EthnicMinority), Disabled = g.Sum(p => (long)p.Disabled), Total = g.Sum(p => (long)p.TotalParticipants),
                             }).SingleOrDefaultAsync(ct);
        var reached = await (from s in db.Settlements
                             join si in db.WorkflowInstances on s.InstanceId equals si.Id
                             join p in db.Proposals on s.ProposalId equals p.Id
                             where p.PlanId == planId && ReachedStates.Contains(si.State)
                             group s by 1 into g
                             select new
                             {
                                 Poor = g.Sum(s => (long)s.ReachedPoor), NearPoor = g.Sum(s => (long)s.ReachedNearPoor), NewlyEscaped = g.Sum(s => (long)s.ReachedNewlyEscaped),
                                 EthnicMinority = g.Sum(s => (long)s.ReachedEthnicMinority), Disabled = g.Sum(s => (long)s.ReachedDisabled), Total = g.Sum(s => (long)s.ReachedTotal),
                             }).SingleOrDefaultAsync(ct);

        return
        [
            new("Poor", "Hộ nghèo", planned?.Poor ?? 0, reached?.Poor ?? 0),
            new("NearPoor", "Hộ cận nghèo", planned?.NearPoor ?? 0, reached?.NearPoor ?? 0),
            new("NewlyEscaped", "Hộ mới thoát nghèo", planned?.NewlyEscaped ?? 0, reached?.NewlyEscaped ?? 0),
            new("EthnicMinority", "Người dân tộc thiểu số", planned?.EthnicMinority ?? 0, reached?.EthnicMinority ?? 0),
            new("Disabled", "Người khuyết tật", planned?.Disabled ?? 0, reached?.Disabled ?? 0),
            new("TotalParticipants", "Tổng số người tham gia", planned?.Total ?? 0, reached?.Total ?? 0),
        ];
    }

    private async Task<IReadOnlyList<CarryoverRow>> CarryoversAsync(Guid planId, CancellationToken ct)
    {
        var rows = await (from c in db.Carryovers
                          join fl in db.PlanLines on c.FromPlanLineId equals fl.Id
                          join fp in db.Plans on fl.PlanId equals fp.Id
                          join tl in db.PlanLines on c.ToPlanLineId equals tl.Id
                          join tp in db.Plans on tl.PlanId equals tp.Id
                          where fp.Id == planId || tp.Id == planId
                          select new { c, fl.ComponentCode, FromPlan = fp.Id, FromYear = fp.FiscalYear, ToYear = tp.FiscalYear }).ToListAsync(ct);
        return rows.OrderBy(r => r.c.At).Select(r => new CarryoverRow(
                r.c.Id, r.FromPlan == planId ? CarryoverDirection.Out : CarryoverDirection.In, r.ComponentCode, r.FromYear, r.ToYear,
                r.c.FromPlanLineId, r.c.ToPlanLineId, r.c.Moved.ToDictionary(), r.c.Moved.Total, r.c.KeptCommitments,
                r.c.DecisionReference, r.c.At, r.c.Actor))
            .ToList();
    }

    private async Task<IReadOnlyList<LapseRow>> LapsesAsync(Guid planId, CancellationToken ct)
    {
        var rows = await (from x in db.Lapses
                          join l in db.PlanLines on x.PlanLineId equals l.Id
                          where l.PlanId == planId
                          select new { x, l.ComponentCode }).ToListAsync(ct);
        return rows.OrderBy(r => r.x.At)
            .Select(r => new LapseRow(r.x.Id, r.ComponentCode, r.x.PlanLineId, r.x.Amounts.ToDictionary(), r.x.Amounts.Total, r.x.DecisionReference, r.x.At, r.x.Actor))
            .ToList();
    }

    /// <summary>
    /// Each balance column equals the sum of its ledger entries' effects (<see cref="BudgetBalance.Effect"/>). SQL sums
    /// the entries per (line, source, kind); the effect of a kind is linear in the amount, so applying it to the sum
    /// equals summing the effects of the entries.
    /// </summary>
    private async Task<List<LedgerMismatch>> ReconcileAsync(Guid planId, IReadOnlyList<BalanceRow> balances, CancellationToken ct)
    {
        var sums = await db.LedgerEntries.AsNoTracking().Where(e => e.PlanId == planId)
            .GroupBy(e => new { e.PlanLineId, e.Source, e.Kind })
            .Select(g => new { g.Key.PlanLineId, g.Key.Source, g.Key.Kind, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);

        var fromLedger = new Dictionary<(Guid, FundingSource), BalanceColumns>();
        foreach (var s in sums)
        {
            var key = (s.PlanLineId, s.Source);
            fromLedger[key] = fromLedger.GetValueOrDefault(key) + BudgetBalance.Effect(s.Kind, s.Amount);
        }

        var mismatches = new List<LedgerMismatch>();
        var keys = balances.Select(b => (b.PlanLineId, b.Source)).Union(fromLedger.Keys);
        foreach (var key in keys)
        {
            var balance = balances.FirstOrDefault(b => b.PlanLineId == key.Item1 && b.Source == key.Item2);
            var ledger = fromLedger.GetValueOrDefault(key);
            var component = balance?.Component ?? "";
            void Compare(string column, long held, long summed)
            {
                if (held != summed) mismatches.Add(new LedgerMismatch(key.Item1, component, key.Item2, column, held, summed, held - summed));
            }
            Compare("Allocated", balance?.Allocated ?? 0, ledger.Allocated);
            Compare("Committed", balance?.Committed ?? 0, ledger.Committed);
            Compare("Disbursed", balance?.Disbursed ?? 0, ledger.Disbursed);
            Compare("Settled", balance?.Settled ?? 0, ledger.Settled);
        }
        return mismatches;
    }
}
