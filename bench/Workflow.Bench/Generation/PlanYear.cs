using Workflow.Domain.Common;
using Workflow.Domain.Audit;
using Workflow.Domain.Catalog;
using Workflow.Domain.Disbursements;
using Workflow.Domain.Disbursements.Rules;
using Workflow.Domain.Ledger;
using Workflow.Domain.Money;
using Workflow.Domain.Plans;
using Workflow.Domain.Policies;
using Workflow.Domain.Proposals;
using Workflow.Domain.Proposals.Rules;
using Workflow.Domain.Settlements;
using Workflow.Domain.Settlements.Rules;
using Workflow.Domain.Workflows;

namespace Workflow.Bench.Generation;

/// <summary>The three processes as the server has them registered, and the calendar its deadlines count on.</summary>
public sealed record Processes(WorkflowDefinition Proposal, WorkflowDefinition Disbursement, WorkflowDefinition Settlement, WorkingCalendar Calendar);

/// <summary>
/// One commune's fiscal year on its plan, from the allocation to today: <see cref="NationShape.ProposalsPerPlan"/>
/// proposals in a fixed mix of states, the approved ones with their advances and payments, the settled ones with their
/// settlement. Every step is played through a <see cref="Recorder"/> in the order of time across the whole plan, so
/// the balances, the chains and the tasks are what the server would have left after the same year of requests.
/// </summary>
public sealed class PlanYear(Plan plan, CommuneOrg commune, ProvincePolicy policy, Processes processes, JournalKey key, DateTimeOffset now, int planIndex)
{
    /// <summary>How many of a plan's proposals end the year in each state; the rest are approved and paying out.</summary>
    public static readonly IReadOnlyList<(string State, int Count)> Mix =
    [
        (ProposalProcess.Draft, 7), (ProposalProcess.Withdrawn, 2), (ProposalProcess.Submitted, 4), (ProposalProcess.UnderAppraisal, 4),
        (ProposalProcess.Appraised, 4), (ProposalProcess.Rejected, 3), (ProposalProcess.Settled, 15),
    ];

    // states of disbursement.workflow.json the domain names no constant for
    private const string DisbursementCancelled = "Cancelled";
    private const string DisbursementRejected = "Rejected";

    private readonly History _history = new();
    private readonly Random _random = new(planIndex * 7919 + 17);

    /// <summary>The plan's disbursements numbered so far, in the order they are requested (the unit's sequence).</summary>
    private int _disbursements;

    /// <summary>The plan's settlements numbered so far, in the order they are opened.</summary>
    private int _settlements;
    private readonly List<Step> _steps = [];
    private Recorder _recorder = null!;
    private Dictionary<Guid, Dictionary<FundingSource, BudgetBalance>> _balances = null!;

    /// <summary>One request in the year; played in order of <see cref="At"/>, then of the proposal, then of its own steps.</summary>
    private sealed record Step(DateTimeOffset At, int Proposal, int Order, Action Play);

    public History Play()
    {
        _recorder = new Recorder(_history, key, commune.Parts, policy, processes.Calendar);
        Allocate();
        var states = Mix.SelectMany(m => Enumerable.Repeat(m.State, m.Count)).ToList();
        states.AddRange(Enumerable.Repeat(ProposalProcess.Approved, NationShape.ProposalsPerPlan - states.Count));
        Shuffle(states);
        for (var k = 0; k < states.Count; k++) Script(k, states[k]);
        foreach (var step in _steps.OrderBy(s => s.At).ThenBy(s => s.Proposal).ThenBy(s => s.Order)) step.Play();
        return _history;
    }

    /// <summary>The plan's import: a balance row per line and budget source, allocated by the line (<c>PlanLedger.SyncAsync</c>).</summary>
    private void Allocate()
    {
        _balances = [];
        var reference = new LedgerReference(plan.CreatedAt, plan.CreatedBy, "Giao kế hoạch vốn phiên bản 1");
        foreach (var line in plan.Lines)
        {
            var rows = _balances[line.Id] = [];
            foreach (var source in FundingSources.Budget)
            {
                var balance = rows[source] = new BudgetBalance(plan.Id, line.Id, line.ComponentCode, source);
                _history.Balances.Add(balance);
                if (line.Amount(source) != 0) _recorder.Apply(balance, LedgerEntryKind.Allocate, line.Amount(source), reference);
            }
        }
    }

    /// <summary>Writes down the steps of proposal <paramref name="k"/>, which ends the year in <paramref name="finalState"/>.</summary>
    private void Script(int k, string finalState)
    {
        var line = plan.Lines[k % plan.Lines.Count];
        var clerk = line.LeadAgencyCode == commune.AgricultureAgency ? commune.Agriculture : commune.Culture;
        var actions = new List<Action<DateTimeOffset>>();
        Proposal proposal = null!;
        WorkflowInstance instance = null!;

        actions.Add(at =>
        {
            proposal = Draft(k, line, clerk, at);
            _history.Proposals.Add(proposal);
            instance = _recorder.Start(processes.Proposal, proposal.InstanceId, proposal,
                new WorkflowSubject(ProposalProcess.SubjectType, proposal.Id, plan.UnitCode, line.LeadAgencyCode, commune.Province.Code), clerk.Actor, at);
        });
        var reaches = Path(finalState);
        void Then(string action, BenchUser user, string? comment = null, Func<DateTimeOffset, object>? data = null, Action<DateTimeOffset>? effects = null) =>
            actions.Add(at => _recorder.Fire(instance, action, user.Actor, at, comment, data?.Invoke(at), effects is null ? null : () => effects(at)));

        if (finalState == ProposalProcess.Withdrawn) Then("withdraw", clerk);
        if (reaches >= 1) Then("submit", clerk, effects: _ => proposal.RecordPolicyVersion(policy.Id));
        if (reaches >= 2) Then("start-appraisal", commune.Finance1);
        if (finalState == ProposalProcess.Rejected) Then("appraise-fail", commune.Finance1, "Đối tượng tham gia chưa đúng quy định, đề nghị không phê duyệt.");
        if (reaches >= 3) Then("appraise-pass", commune.Finance1, "Hồ sơ đầy đủ, đúng đối tượng, phù hợp kế hoạch vốn.");
        if (reaches >= 4)
            Then("approve", commune.Chair, data: at => Decision(k, at), effects: at =>
            {
                proposal.RecordDecision($"{100 + k}/QĐ-UBND", DateOnly.FromDateTime(at.UtcDateTime), at);
                _recorder.Move(_balances[line.Id], LedgerEntryKind.Commit, proposal.Split,
                    Recorder.Reference(instance, commune.Chair.Actor, at, $"Cam kết chi theo quyết định phê duyệt {proposal.DecisionNumber} ({proposal.Code})", proposal.Id));
            });
        if (reaches >= 4) Disbursements(k, () => proposal, () => instance, line, clerk, settled: finalState == ProposalProcess.Settled, actions);
        if (finalState == ProposalProcess.Settled) Settlement(() => proposal, () => instance, line, clerk, actions);

        // in-progress proposals are recent; the rest were drafted over the months after the plan was given
        var yearStart = plan.CreatedAt + Min(TimeSpan.FromDays(5), (now - plan.CreatedAt) / 10);
        var open = reaches < 4 && finalState is not (ProposalProcess.Rejected or ProposalProcess.Withdrawn);
        var span = now - yearStart;
        var start = open
            ? Max(yearStart, now - TimeSpan.FromDays(20) * _random.NextDouble() - TimeSpan.FromHours(2))
            : yearStart + span * 0.6 * _random.NextDouble();
        // steps a few working days apart, pressed closer when the year is young, never later than now
        var room = now - TimeSpan.FromHours(1) - start;
        var gap = Min(TimeSpan.FromDays(3), room / (actions.Count + 1));
        for (var i = 0; i < actions.Count; i++)
        {
            var act = actions[i];
            // anywhere in the first nine tenths of its slot: later than the step before, whatever the gap
            var at = start + gap * (i + 0.9 * _random.NextDouble());
            _steps.Add(new Step(Truncate(at), k, i, () => act(Truncate(at))));
        }
    }

    /// <summary>How far along the approval a final state got: 0 draft, 1 submitted, 2 under appraisal, 3 appraised, 4 approved.</summary>
    private static int Path(string finalState) => finalState switch
    {
        ProposalProcess.Draft or ProposalProcess.Withdrawn => 0,
        ProposalProcess.Submitted => 1,
        ProposalProcess.UnderAppraisal or ProposalProcess.Rejected => 2,
        ProposalProcess.Appraised => 3,
        _ => 4,
    };

    private Proposal Draft(int k, PlanLine line, BenchUser clerk, DateTimeOffset at)
    {
        var lineTotal = line.Amounts.Total;
        // about twenty proposals share a line, each asking 1/56 to 1/28 of it: together about half of the line
        var support = Round(lineTotal * (0.5 + 0.5 * _random.NextDouble()) / 28);
        var (kind, activity, title) = KindOf(line.ComponentCode, k);
        var counterpart = kind == ProposalKind.Community ? new ParticipantCounterpart(Round(support * 0.4), Round(support * 0.3), 0)
            : new ParticipantCounterpart(0, Round(support * 0.1), 0);
        var total = checked(support + counterpart.Total);
        var participants = 20 + k % 15;
        var content = new ProposalContent(title, kind, activity, AreaType.Other, [commune.Code],
            new DateOnly(plan.FiscalYear, 3, 1), new DateOnly(plan.FiscalYear, 12, 15), total, support, null, counterpart,
            new Beneficiaries(participants / 4, participants / 2, 0, participants / 10, 0, participants), [], kind == ProposalKind.Activity ? null : support);
        var split = SplitFollowsLine.ByLine(support, line.Amounts);
        var proposal = Proposal.Draft(Guid.NewGuid(), DossierCode.Format(DossierCode.Proposal, plan.FiscalYear, k + 1), plan.Id, line.Id, line.ComponentCode, line.LeadAgencyCode,
            plan.UnitCode, plan.FiscalYear, content, split, false, clerk.UserName, at);
        proposal.AttachTo(Guid.NewGuid());
        return proposal;
    }

    private static (ProposalKind Kind, ActivityType? Activity, string Title) KindOf(string component, int k) => component switch
    {
        "DA2" => (ProposalKind.PovertyReductionModel, null, $"Mô hình giảm nghèo nuôi bò sinh sản, nhóm {k + 1}"),
        "DA3.1" => (ProposalKind.Community, null, $"Dự án hỗ trợ phát triển sản xuất cộng đồng trồng cây ăn quả, tổ {k + 1}"),
        "DA3.2" => (ProposalKind.Activity, ActivityType.Other, $"Cải thiện dinh dưỡng cho trẻ em hộ nghèo, đợt {k + 1}"),
        "DA4.1" or "DA4.3" => (ProposalKind.Activity, ActivityType.Training, $"Đào tạo nghề cho lao động nghèo, lớp {k + 1}"),
        "DA6.1" => (ProposalKind.Activity, ActivityType.Communication, $"Truyền thông về giảm nghèo bền vững, đợt {k + 1}"),
        _ => (ProposalKind.Activity, ActivityType.Monitoring, $"Giám sát, đánh giá thực hiện chương trình, đợt {k + 1}"),
    };

    private static object Decision(int k, DateTimeOffset at) =>
        new { decisionNumber = $"{100 + k}/QĐ-UBND", decisionDate = DateOnly.FromDateTime(at.UtcDateTime).ToString("yyyy-MM-dd") };

    /// <summary>
    /// Five to eight disbursements (6.13 on average, 1,020,000 at 100×): sometimes an advance first, then payments
    /// that clear it; each created, requested, approved by the second economic officer and confirmed by the treasury.
    /// A proposal still paying out leaves its last one anywhere between draft and paid, or cancelled, or rejected.
    /// </summary>
    private void Disbursements(int k, Func<Proposal> proposalOf, Func<WorkflowInstance> proposalInstance, PlanLine line, BenchUser clerk, bool settled,
        List<Action<DateTimeOffset>> actions)
    {
        var count = 5 + _random.Next(3) + (_random.NextDouble() < 0.13 ? 1 : 0);
        var advanceFirst = _random.Next(3) == 0;
        var paidShare = settled ? 0.95 : 0.5 + 0.4 * _random.NextDouble();
        var lastState = settled ? DisbursementProcess.Paid : _random.NextDouble() switch
        {
            < 0.30 => DisbursementProcess.Paid,
            < 0.50 => DisbursementProcess.Approved,
            < 0.70 => DisbursementProcess.Requested,
            < 0.90 => DisbursementProcess.Draft,
            < 0.95 => DisbursementCancelled,
            _ => DisbursementRejected,
        };
        var paid = new List<Disbursement>();
        var payments = advanceFirst ? count - 1 : count;
        for (var d = 0; d < count; d++)
        {
            var index = d;
            var kind = advanceFirst && d == 0 ? DisbursementKind.Advance : DisbursementKind.Payment;
            var state = d == count - 1 ? lastState : DisbursementProcess.Paid;
            Disbursement disbursement = null!;
            WorkflowInstance instance = null!;
            actions.Add(at =>
            {
                var proposal = proposalOf();
                var support = proposal.StateSupport;
                var amount = kind == DisbursementKind.Advance ? Round(support * 0.2) : Round(support * paidShare / payments);
                var live = DisbursementPosition.Of(paid);
                var split = DisbursementSplit.ByShares(amount, proposal.Split, live.OfKind(kind));
                disbursement = Disbursement.Request(Guid.NewGuid(), DossierCode.Format(DossierCode.Disbursement, plan.FiscalYear, ++_disbursements), proposal.Id, plan.UnitCode, kind, split,
                    proposal.ContractValue, null, clerk.UserName, at);
                disbursement.AttachTo(Guid.NewGuid());
                _history.Disbursements.Add(disbursement);
                var of = proposalInstance();
                instance = _recorder.Start(processes.Disbursement, disbursement.InstanceId, disbursement,
                    new WorkflowSubject(DisbursementProcess.SubjectType, disbursement.Id, of.UnitCode, of.AgencyCode, of.ParentUnitCode), clerk.Actor, at);
            });
            if (state == DisbursementCancelled)
            {
                actions.Add(at => _recorder.Fire(instance, "cancel", clerk.Actor, at));
                continue;
            }
            if (state == DisbursementProcess.Draft) continue;
            actions.Add(at => _recorder.Fire(instance, "request", clerk.Actor, at, effects: () =>
            {
                disbursement.RecordPolicyVersion(policy.Id);
                proposalOf().MarkMoneyMoved(at);
            }));
            if (state == DisbursementRejected)
            {
                actions.Add(at => _recorder.Fire(instance, "reject", commune.Finance2.Actor, at, "Hồ sơ thanh toán chưa đủ chứng từ."));
                continue;
            }
            if (state == DisbursementProcess.Requested) continue;
            // above the province's threshold the chairman approves after the economic office (PROCESSES.md, disbursement)
            bool ToApprover() => ApproverThreshold.Applies(disbursement.Amounts.Total, policy.Values.ApproverAlsoAbove?.Value);
            actions.Add(at => _recorder.Fire(instance, "approve", commune.Finance2.Actor, at, effects: () => proposalOf().MarkMoneyMoved(at),
                to: ToApprover() ? DisbursementProcess.AwaitingApprover : DisbursementProcess.Approved));
            actions.Add(at =>
            {
                if (instance.State == DisbursementProcess.AwaitingApprover)
                    _recorder.Fire(instance, "approve", commune.Chair.Actor, at, effects: () => proposalOf().MarkMoneyMoved(at), to: DisbursementProcess.Approved);
            });
            if (state == DisbursementProcess.Approved) continue;
            var reference = $"KB-{plan.FiscalYear}-{planIndex:0000}-{k:000}-{index}";
            actions.Add(at => _recorder.Fire(instance, "confirm-payment", commune.Province.Treasury.Actor, at,
                data: new { treasuryReference = reference, paidOn = DateOnly.FromDateTime(at.UtcDateTime).ToString("yyyy-MM-dd") },
                effects: () =>
                {
                    var proposal = proposalOf();
                    proposal.MarkMoneyMoved(at);
                    var cash = TreasuryConfirmation.CashReleased(DisbursementPosition.Of(paid), disbursement.Kind, disbursement.Amounts);
                    var what = disbursement.Kind == DisbursementKind.Advance ? "Tạm ứng" : "Thanh toán";
                    _recorder.Move(_balances[line.Id], LedgerEntryKind.Disburse, cash,
                        Recorder.Reference(instance, commune.Province.Treasury.Actor, at, $"{what} {disbursement.Code}, chứng từ kho bạc {reference}", proposal.Id, disbursement.Id));
                    disbursement.ConfirmPaid(reference, DateOnly.FromDateTime(at.UtcDateTime), cash, at);
                    paid.Add(disbursement);
                }));
        }
    }

    /// <summary>
    /// Acceptance and settlement of a proposal paid out: opened with the proposal's move to Settling, submitted,
    /// verified, approved by the chairman (the unused commitment released, the actual cost settled, the refund due
    /// recorded, the proposal settled), and closed when the refund came back.
    /// </summary>
    private void Settlement(Func<Proposal> proposalOf, Func<WorkflowInstance> proposalInstance, PlanLine line, BenchUser clerk, List<Action<DateTimeOffset>> actions)
    {
        Settlement settlement = null!;
        WorkflowInstance instance = null!;
        actions.Add(at =>
        {
            var proposal = proposalOf();
            var cash = PaidCash(proposal.Id);
            var actual = cash.Map((_, v) => v * 97 / 100 / 1_000 * 1_000);
            var reached = new Beneficiaries(proposal.Poor, proposal.NearPoor, proposal.NewlyEscaped, proposal.EthnicMinority, proposal.Disabled, proposal.TotalParticipants);
            settlement = Domain.Settlements.Settlement.Open(Guid.NewGuid(), DossierCode.Format(DossierCode.Settlement, plan.FiscalYear, ++_settlements), proposal.Id, plan.UnitCode,
                new SettlementContent($"Hoàn thành {proposal.Title.ToLowerInvariant()}; {proposal.TotalParticipants} người tham gia", DateOnly.FromDateTime(at.UtcDateTime), reached, actual),
                clerk.UserName, at);
            settlement.AttachTo(Guid.NewGuid());
            _history.Settlements.Add(settlement);
            // one request: the proposal goes into settlement and the settlement's process starts (OpenSettlementHandler)
            _recorder.Fire(proposalInstance(), ProposalProcess.StartSettlementAction, clerk.Actor, at, effects: () => proposal.MarkMoneyMoved(at));
            var of = proposalInstance();
            instance = _recorder.Start(processes.Settlement, settlement.InstanceId, settlement,
                new WorkflowSubject(SettlementProcess.SubjectType, settlement.Id, of.UnitCode, of.AgencyCode, of.ParentUnitCode), clerk.Actor, at);
        });
        actions.Add(at => _recorder.Fire(instance, "submit", clerk.Actor, at, effects: () => proposalOf().MarkMoneyMoved(at)));
        actions.Add(at => _recorder.Fire(instance, "verify", commune.Finance1.Actor, at));
        actions.Add(at => _recorder.Fire(instance, "approve", commune.Chair.Actor, at, effects: () =>
        {
            var proposal = proposalOf();
            proposal.MarkMoneyMoved(at);
            var outcome = SettlementWithinDisbursed.Outcome(proposal.Split, settlement.ActualCost, PaidCash(proposal.Id));
            var reference = Recorder.Reference(instance, commune.Chair.Actor, at, $"Quyết toán {proposal.Code}", proposal.Id, settlementId: settlement.Id);
            _recorder.Move(_balances[line.Id], LedgerEntryKind.Release, outcome.Release, reference);
            _recorder.Move(_balances[line.Id], LedgerEntryKind.Settle, outcome.Settle, reference);
            settlement.RecordRefundDue(outcome.RefundDue, at);
            _recorder.Fire(proposalInstance(), ProposalProcess.SettleAction, Actor.System, at,
                $"Quyết toán được phê duyệt: chi phí thực tế {Vnd.Format(settlement.ActualTotal)}.");
        }));
        actions.Add(at => _recorder.Fire(instance, "close", commune.Finance1.Actor, at, effects: () =>
        {
            var proposal = proposalOf();
            var reference = Recorder.Reference(instance, commune.Finance1.Actor, at, $"Thu hồi, nộp trả ngân sách sau quyết toán {proposal.Code}", proposal.Id, settlementId: settlement.Id);
            foreach (var (source, due) in settlement.RefundDue.Entries.Where(e => e.Amount > 0))
            {
                _recorder.Apply(_balances[line.Id][source], LedgerEntryKind.Refund, due, reference);
                _recorder.Apply(_balances[line.Id][source], LedgerEntryKind.Release, due, reference);
            }
        }));
    }

    private SourceAmounts PaidCash(Guid proposalId) =>
        DisbursementPosition.Of(_history.Disbursements.Where(d => d.ProposalId == proposalId && d.IsPaid)).Cash;

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Whole thousands of đồng, as the split rules keep them.</summary>
    private static long Round(double amount) => (long)(amount / SplitFollowsLine.Granularity) * SplitFollowsLine.Granularity;

    private static long Round(long amount) => Round((double)amount);

    /// <summary>The database keeps moments to the tick; whole seconds keep the generated ones readable.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
