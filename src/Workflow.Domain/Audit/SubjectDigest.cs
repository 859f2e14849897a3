using Workflow.Domain.Disbursements;
using Workflow.Domain.Proposals;
using Workflow.Domain.Settlements;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Audit;

/// <summary>
/// What a journal entry attests about its subject: the fields a transition may leave behind and nothing may change
/// between transitions — a proposal's title, line, lead agency, money per source and decision; a disbursement's
/// kind, amounts, cash and treasury reference; a settlement's actual cost, refund and acceptance; the outputs planned
/// and accepted per indicator. Each entry keeps the
/// key's seal of this text, so a later edit of the subject's row outside the process no longer matches its last entry.
/// </summary>
/// <remarks>
/// Fields that move without a transition of the subject are left out on purpose: a proposal's revision and update
/// time move when money moves on its disbursements, and the policy version is bookkeeping of the rules.
/// </remarks>
public static class SubjectDigest
{
    /// <summary>The text for whatever the subject is; a subject that does not exist has a text of its own, so a deleted row is noticed too.</summary>
    public static string TextOf(string subjectType, Guid subjectId, object? subject) => subject switch
    {
        Proposal p => Of(p),
        Disbursement d => Of(d),
        Settlement s => Of(s),
        _ => new CanonicalFields().Add("subject", subjectType).Add("id", subjectId).Add("exists", false).ToString(),
    };

    /// <summary>
    /// Whether the subject's content may change in this state without a transition (a draft being written): its last
    /// entry then attests who moved it there, not what it now says; the next transition attests the content again.
    /// </summary>
    public static bool IsEditableIn(string subjectType, string state) =>
        (subjectType, state) is (ProposalProcess.SubjectType, ProposalProcess.Draft) or (SettlementProcess.SubjectType, SettlementProcess.Draft);

    public static string Of(Proposal p) => new CanonicalFields()
        .Add("subject", ProposalProcess.SubjectType).Add("id", p.Id).Add("code", p.Code)
        .Add("planLine", p.PlanLineId).Add("component", p.Component).Add("leadAgency", p.AgencyCode)
        .Add("title", p.Title).Add("kind", p.Kind.ToString()).Add("activityType", p.ActivityType?.ToString()).Add("areaType", p.AreaType.ToString())
        .Add("communes", p.Communes).Add("start", p.StartDate).Add("end", p.EndDate)
        .Add("totalCost", p.TotalCost).Add("stateSupport", p.StateSupport).Add("split", p.Split).Add("splitByHand", p.SplitByHand)
        .Add("counterpart.cash", p.CounterpartCash).Add("counterpart.labour", p.CounterpartLabour).Add("counterpart.inKind", p.CounterpartInKind)
        .Add("beneficiaries.poor", p.Poor).Add("beneficiaries.nearPoor", p.NearPoor).Add("beneficiaries.newlyEscaped", p.NewlyEscaped)
        .Add("beneficiaries.ethnicMinority", p.EthnicMinority).Add("beneficiaries.disabled", p.Disabled).Add("beneficiaries.total", p.TotalParticipants)
        .Add("attachments", p.Attachments.Select(a => a.Name + "\n" + a.Sha256))
        .Add("contractValue", p.ContractValue).Add("decisionNumber", p.DecisionNumber).Add("decisionDate", p.DecisionDate)
        .AddOutputs("plannedOutputs", p.PlannedOutputs)
        .ToString();

    public static string Of(Disbursement d) => new CanonicalFields()
        .Add("subject", DisbursementProcess.SubjectType).Add("id", d.Id).Add("code", d.Code).Add("proposal", d.ProposalId)
        .Add("kind", d.Kind.ToString()).Add("amounts", d.Amounts).Add("contractValue", d.ContractValue).Add("note", d.Note)
        .Add("paid", d.IsPaid).Add("treasuryReference", d.TreasuryReference).Add("paidOn", d.PaidOn).Add("cash", d.Cash)
        .ToString();

    public static string Of(Settlement s) => new CanonicalFields()
        .Add("subject", SettlementProcess.SubjectType).Add("id", s.Id).Add("proposal", s.ProposalId)
        .Add("outputs", s.Outputs).Add("acceptedOn", s.AcceptedOn)
        .Add("reached.poor", s.ReachedPoor).Add("reached.nearPoor", s.ReachedNearPoor).Add("reached.newlyEscaped", s.ReachedNewlyEscaped)
        .Add("reached.ethnicMinority", s.ReachedEthnicMinority).Add("reached.disabled", s.ReachedDisabled).Add("reached.total", s.ReachedTotal)
        .Add("actualCost", s.ActualCost).Add("refundDue", s.RefundDue)
        .AddOutputs("actualOutputs", s.ActualOutputs)
        .ToString();
}
