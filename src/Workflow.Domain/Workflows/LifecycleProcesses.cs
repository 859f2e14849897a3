namespace Workflow.Domain.Workflows;

/// <summary>
/// What the code relies on in a process definition: its id, the subject it drives, and the states and actions the
/// code names. The definitions in <c>workflows/</c> may add states and actions; a definition lacking one of these
/// is refused at load time, so a rename in a file cannot silently break a guard or a report.
/// </summary>
public sealed record ProcessContract(string DefinitionId, string SubjectType, IReadOnlyList<string> States, IReadOnlyList<string> Actions);

/// <summary>The proposal process (đề xuất): draft to approval, then settlement.</summary>
public static class ProposalProcess
{
    public const string DefinitionId = "proposal";
    public const string SubjectType = "Proposal";

    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string UnderAppraisal = "UnderAppraisal";
    public const string Appraised = "Appraised";
    public const string Approved = "Approved";
    public const string Settling = "Settling";
    public const string Settled = "Settled";
    public const string Rejected = "Rejected";
    public const string Withdrawn = "Withdrawn";

    /// <summary>
    /// From version 5: the Approver cancelled the approval (quyết định hủy); what was paid stays committed, the rest
    /// went back to the line. Not in <see cref="Contract"/>: the versions before it, which instances still follow, lack it.
    /// </summary>
    public const string Cancelled = "Cancelled";

    /// <summary>From version 5, on an approved proposal: an amending decision (điều chỉnh) and the approval's cancellation.</summary>
    public const string AmendAction = "amend";
    public const string CancelAction = "cancel";

    /// <summary>Fired by the code when a settlement opens and when it is approved.</summary>
    public const string StartSettlementAction = "start-settlement";
    public const string SettleAction = "settle";

    /// <summary>States whose money is asked for but not yet committed (RULES.md 9).</summary>
    public static readonly IReadOnlyList<string> Pending = [Submitted, UnderAppraisal, Appraised];

    /// <summary>States in which the approved money is committed on the line (reports count their planned outputs).</summary>
    public static readonly IReadOnlyList<string> Committed = [Approved, Settling, Settled];

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, UnderAppraisal, Appraised, Approved, Settling, Settled, Rejected, Withdrawn];

    public static readonly ProcessContract Contract = new(DefinitionId, SubjectType, All, [StartSettlementAction, SettleAction]);
}

/// <summary>The disbursement process (giải ngân): request, finance approval, the treasury's confirmation.</summary>
public static class DisbursementProcess
{
    public const string DefinitionId = "disbursement";
    public const string SubjectType = "Disbursement";

    public const string Draft = "Draft";
    public const string Requested = "Requested";
    public const string Approved = "Approved";
    public const string Paid = "Paid";

    /// <summary>
    /// From version 4: approved by the finance office, waiting for the Approver because the amount is above the
    /// province's threshold (<c>approverAlsoAbove</c>). Not in <see cref="Contract"/>: the versions before it, which
    /// instances still follow, lack it.
    /// </summary>
    public const string AwaitingApprover = "AwaitingApprover";

    /// <summary>States that count against the proposal's approved amount (RULES.md 12).</summary>
    public static readonly IReadOnlyList<string> Live = [Requested, AwaitingApprover, Approved, Paid];

    /// <summary>States still waiting for a decision or for the treasury.</summary>
    public static readonly IReadOnlyList<string> InProgress = [Requested, AwaitingApprover, Approved];

    public static readonly IReadOnlyList<string> Confirmed = [Paid];

    public static readonly ProcessContract Contract = new(DefinitionId, SubjectType, [Draft, Requested, Approved, Paid], []);
}

/// <summary>The settlement process (nghiệm thu, quyết toán).</summary>
public static class SettlementProcess
{
    public const string DefinitionId = "settlement";
    public const string SubjectType = "Settlement";

    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string Verified = "Verified";
    public const string Approved = "Approved";
    public const string Closed = "Closed";

    public static readonly ProcessContract Contract = new(DefinitionId, SubjectType, [Draft, Submitted, Verified, Approved, Closed], []);
}

/// <summary>
/// The reminder of a periodic monitoring report (docs/monitoring.md, "Reports"): a task for the unit's standing office
/// due on the report's due date, closed when the report is submitted. The report's endpoints fire the submission as the
/// system, so the report is frozen and the task closed in one transaction and no one fires it around them.
/// </summary>
public static class MonitoringReportProcess
{
    public const string DefinitionId = "monitoring-report";
    public const string SubjectType = "MonitoringReport";

    public const string Preparing = "Preparing";
    public const string Submitted = "Submitted";

    public const string SubmitAction = "submit";

    public static readonly ProcessContract Contract = new(DefinitionId, SubjectType, [Preparing, Submitted], [SubmitAction]);
}

public static class LifecycleProcesses
{
    public static readonly IReadOnlyList<ProcessContract> Contracts =
        [ProposalProcess.Contract, DisbursementProcess.Contract, SettlementProcess.Contract, MonitoringReportProcess.Contract];

    /// <summary>What a loaded definition lacks of its contract, with the JSON path a fix belongs at; nothing for definitions no code relies on.</summary>
    public static IEnumerable<(string Path, string Message)> Check(WorkflowDefinition definition)
    {
        var contract = Contracts.FirstOrDefault(c => c.DefinitionId == definition.Id);
        if (contract is null) yield break;
        if (definition.SubjectType != contract.SubjectType)
            yield return ("$.subjectType", $"the code drives '{contract.DefinitionId}' with subject type {contract.SubjectType}, not {definition.SubjectType}");
        foreach (var state in contract.States.Where(s => definition.States.All(d => d.Name != s)))
            yield return ("$.states", $"state '{state}' is missing; the code relies on it (Workflow.Domain.Workflows.{contract.SubjectType}Process)");
        foreach (var action in contract.Actions.Where(a => definition.Transitions.All(t => t.Action != a)))
            yield return ("$.transitions", $"action '{action}' is missing; the code fires it (Workflow.Domain.Workflows.{contract.SubjectType}Process)");
    }
}
