using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Workflows;

public class WorkflowRulesTests
{
    private static readonly WorkflowDefinition Process = new(
        "proposal", 1, "Đề xuất", "Proposal", "Draft",
        [
            new StateDefinition("Draft", "Dự thảo", false, new TaskDefinition("LeadAgency", TaskScope.SameAgency, "Gửi", null, null)),
            new StateDefinition("Submitted", "Đã gửi", false, new TaskDefinition("FinanceOffice", TaskScope.SameUnit, "Thẩm định", 3, new EscalationDefinition(["Approver"], null))),
            new StateDefinition("Appraised", "Đã thẩm định", false, new TaskDefinition("Approver", TaskScope.SameUnit, "Phê duyệt", 5, new EscalationDefinition(["Approver"], null))),
            new StateDefinition("Approved", "Đã phê duyệt", true, null),
        ],
        [
            new TransitionDefinition("Draft", "submit", "Submitted", "Gửi", ["LeadAgency"], false, [], [], []),
            new TransitionDefinition("Submitted", "appraise-pass", "Appraised", "Thẩm định đạt", ["FinanceOffice"], true, ["submit"], [], []),
            new TransitionDefinition("Appraised", "approve", "Approved", "Phê duyệt", ["Approver", "FinanceOffice"], false, ["submit", "appraise-pass"], [], []),
        ]);

    private static readonly WorkflowSubject Subject = new("Proposal", Guid.NewGuid(), "BP.HQ", "BP.HQ.NN", "BP");

    private static readonly Actor Clerk = new(Guid.NewGuid(), "nongnghiep", ["LeadAgency"], "BP.HQ.NN", "BP.HQ");
    private static readonly Actor OtherAgencyClerk = new(Guid.NewGuid(), "yte", ["LeadAgency"], "BP.HQ.YT", "BP.HQ");
    private static readonly Actor Finance = new(Guid.NewGuid(), "taichinh", ["FinanceOffice"], "BP.HQ.TCKH", "BP.HQ");
    private static readonly Actor FinanceElsewhere = new(Guid.NewGuid(), "taichinh-khac", ["FinanceOffice"], "BP.CT.TCKH", "BP.CT");
    private static readonly Actor Chairman = new(Guid.NewGuid(), "chutich", ["Approver"], "BP.HQ.UBND", "BP.HQ");

    private static WorkflowInstance InState(string state)
    {
        var instance = new WorkflowInstance(Guid.NewGuid(), Process, Subject, "nongnghiep", DateTimeOffset.UnixEpoch);
        foreach (var s in new[] { "Submitted", "Appraised", "Approved" }.TakeWhile(_ => instance.State != state))
            instance.MoveTo(Process.State(s), DateTimeOffset.UnixEpoch);
        return instance;
    }

    private static JournalEntry Did(WorkflowInstance instance, Actor actor, string action) =>
        new(instance, 1, DateTimeOffset.UnixEpoch, actor, actor.Roles[0], null, action, instance.State, null, "{}", JournalEntry.Genesis);

    [Fact]
    public void Check_WhenOwnAgencyClerkSubmitsDraft_Allows()
    {
        var (refusal, _) = WorkflowRules.Check(Process, InState("Draft"), "submit", Clerk, []);

        Assert.Equal(Refusal.None, refusal);
    }

    [Fact]
    public void Check_WhenAnotherAgencysClerkSubmits_RefusesAsNotAllowed()
    {
        var (refusal, reason) = WorkflowRules.Check(Process, InState("Draft"), "submit", OtherAgencyClerk, []);

        Assert.Equal(Refusal.NotAllowed, refusal);
        Assert.Contains("cơ quan chủ trì", reason);
    }

    [Fact]
    public void Check_WhenFinanceOfficerOfAnotherUnitAppraises_RefusesAsNotAllowed()
    {
        var (refusal, _) = WorkflowRules.Check(Process, InState("Submitted"), "appraise-pass", FinanceElsewhere, []);

        Assert.Equal(Refusal.NotAllowed, refusal);
    }

    [Fact]
    public void Check_WhenActionDoesNotExistInState_RefusesAsNotAvailableListingTheActions()
    {
        var (refusal, reason) = WorkflowRules.Check(Process, InState("Submitted"), "approve", Chairman, []);

        Assert.Equal(Refusal.NotAvailable, refusal);
        Assert.Contains("Đã gửi", reason);
        Assert.Contains("appraise-pass", reason);
    }

    [Fact]
    public void Check_WhenTheAppraiserApproves_RefusesAsSameActor()
    {
        // a finance officer may approve settlements here, but not one they appraised themselves
        var instance = InState("Appraised");
        var journal = new[] { Did(instance, Clerk, "submit"), Did(instance, Finance, "appraise-pass") };

        var (refusal, reason) = WorkflowRules.Check(Process, instance, "approve", Finance, journal);

        Assert.Equal(Refusal.SameActor, refusal);
        Assert.Contains("người lập khác người duyệt", reason);
    }

    [Fact]
    public void Check_WhenSomeoneElseApproves_Allows()
    {
        var instance = InState("Appraised");
        var journal = new[] { Did(instance, Clerk, "submit"), Did(instance, Finance, "appraise-pass") };

        Assert.Equal(Refusal.None, WorkflowRules.Check(Process, instance, "approve", Chairman, journal).Refusal);
    }

    [Fact]
    public void Check_WhenInstanceIsCompleted_RefusesEverything()
    {
        var (refusal, reason) = WorkflowRules.Check(Process, InState("Approved"), "approve", Chairman, []);

        Assert.Equal(Refusal.NotAvailable, refusal);
        Assert.Contains("đã kết thúc", reason);
    }

    [Fact]
    public void AvailableActions_WhenTheSubmitterAlsoHoldsFinanceRole_OmitsAppraisal()
    {
        var both = new Actor(Guid.NewGuid(), "kiemnhiem", ["LeadAgency", "FinanceOffice"], "BP.HQ.NN", "BP.HQ");
        var instance = InState("Submitted");

        var actions = WorkflowRules.AvailableActions(Process, instance, both, [Did(instance, both, "submit")]);

        Assert.Empty(actions);
        Assert.Single(WorkflowRules.AvailableActions(Process, instance, Finance, [Did(instance, both, "submit")]));
    }

    [Fact]
    public void TargetOf_PlacesTasksWhereTheirScopeSays()
    {
        var instance = InState("Draft");

        Assert.Equal(("BP.HQ", "BP.HQ.NN"), WorkflowRules.TargetOf(TaskScope.SameAgency, instance));
        Assert.Equal(("BP.HQ", (string?)null), WorkflowRules.TargetOf(TaskScope.SameUnit, instance));
        Assert.Equal(("BP", (string?)null), WorkflowRules.TargetOf(TaskScope.ParentUnit, instance));
    }
}
