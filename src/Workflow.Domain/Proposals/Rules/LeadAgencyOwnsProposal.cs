using Workflow.Domain.Common;

namespace Workflow.Domain.Proposals.Rules;

/// <summary>
/// RULES.md 7: a proposal belongs to one plan line and to the line's lead agency; only that agency's officers, in the
/// plan's unit, draft, edit or submit it.
/// </summary>
public static class LeadAgencyOwnsProposal
{
    public const int Number = 7;

    /// <summary>
    /// Whether an officer of <paramref name="actorAgency"/> in <paramref name="actorUnit"/> may draft, edit, submit or ask
    /// for the money of a proposal of <paramref name="leadAgency"/> on a plan of <paramref name="planUnit"/>.
    /// </summary>
    public static bool MayDraft(string leadAgency, string planUnit, bool actorIsLeadAgencyOfficer, string actorAgency, string actorUnit) =>
        actorIsLeadAgencyOfficer && actorAgency == leadAgency && actorUnit == planUnit;

    public static string DraftRefusal => $"{RuleText.Prefix(Number)} chỉ cán bộ của cơ quan chủ trì dòng kế hoạch này mới được lập đề xuất.";

    public static string EditRefusal(string what) => $"{RuleText.Prefix(Number)} chỉ cán bộ của cơ quan chủ trì đề xuất mới được {what}.";
}
