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

    private static PastAction Did(Actor actor, string action) => new(actor.Id, action);

    [Fact]
    public void Check_WhenOwnAgencyClerkSubmitsDraft_Allows()
    {
        var (refusal, _) = WorkflowRules.Check(Process, InState("Draft"), "submit", Clerk, [], UnitParts.Unassigned);

        Assert.Equal(Refusal.None, refusal);
    }

    [Fact]
    public void Check_WhenAnotherAgencysClerkSubmits_RefusesAsNotAllowed()
    {
        var (refusal, reason) = WorkflowRules.Check(Process, InState("Draft"), "submit", OtherAgencyClerk, [], UnitParts.Unassigned);

        Assert.Equal(Refusal.NotAllowed, refusal);
        Assert.Contains("cơ quan chủ trì", reason);
    }

    [Fact]
    public void Check_WhenFinanceOfficerOfAnotherUnitAppraises_RefusesAsNotAllowed()
    {
        var (refusal, _) = WorkflowRules.Check(Process, InState("Submitted"), "appraise-pass", FinanceElsewhere, [], UnitParts.Unassigned);

        Assert.Equal(Refusal.NotAllowed, refusal);
    }

    [Fact]
    public void Check_WhenActionDoesNotExistInState_RefusesAsNotAvailableListingTheActions()
    {
        var (refusal, reason) = WorkflowRules.Check(Process, InState("Submitted"), "approve", Chairman, [], UnitParts.Unassigned);

        Assert.Equal(Refusal.NotAvailable, refusal);
        Assert.Contains("Đã gửi", reason);
        Assert.Contains("appraise-pass", reason);
    }

    [Fact]
    public void Check_WhenTheAppraiserApproves_RefusesAsSameActor()
    {
        // a finance officer may approve settlements here, but not one they appraised themselves
        var instance = InState("Appraised");
        var journal = new[] { Did(Clerk, "submit"), Did(Finance, "appraise-pass") };

        var (refusal, reason) = WorkflowRules.Check(Process, instance, "approve", Finance, journal, UnitParts.Unassigned);

        Assert.Equal(Refusal.SameActor, refusal);
        Assert.Contains("người lập khác người duyệt", reason);
    }

    [Fact]
    public void Check_WhenSomeoneElseApproves_Allows()
    {
        var instance = InState("Appraised");
        var journal = new[] { Did(Clerk, "submit"), Did(Finance, "appraise-pass") };

        Assert.Equal(Refusal.None, WorkflowRules.Check(Process, instance, "approve", Chairman, journal, UnitParts.Unassigned).Refusal);
    }

    [Fact]
    public void Check_WhenInstanceIsCompleted_RefusesEverything()
    {
        var (refusal, reason) = WorkflowRules.Check(Process, InState("Approved"), "approve", Chairman, [], UnitParts.Unassigned);

        Assert.Equal(Refusal.NotAvailable, refusal);
        Assert.Contains("đã kết thúc", reason);
    }

    [Fact]
    public void AvailableActions_WhenTheSubmitterAlsoHoldsFinanceRole_OmitsAppraisal()
    {
        var both = new Actor(Guid.NewGuid(), "kiemnhiem", ["LeadAgency", "FinanceOffice"], "BP.HQ.NN", "BP.HQ");
        var instance = InState("Submitted");

        var actions = WorkflowRules.AvailableActions(Process, instance, both, [Did(both, "submit")], UnitParts.Unassigned);

        Assert.Empty(actions);
        Assert.Single(WorkflowRules.AvailableActions(Process, instance, Finance, [Did(both, "submit")], UnitParts.Unassigned));
    }

    [Fact]
    public void TargetOf_PlacesTasksWhereTheirScopeSays()
    {
        var instance = InState("Draft");

        Assert.Equal(("BP.HQ", "BP.HQ.NN"), WorkflowRules.TargetOf(TaskScope.SameAgency, "LeadAgency", instance, UnitParts.Unassigned));
        Assert.Equal(("BP.HQ", (string?)null), WorkflowRules.TargetOf(TaskScope.SameUnit, "FinanceOffice", instance, UnitParts.Unassigned));
        Assert.Equal(("BP", (string?)null), WorkflowRules.TargetOf(TaskScope.ParentUnit, "FinanceOffice", instance, UnitParts.Unassigned));
    }

    // a commune after 1/7/2025: its economic office appraises, and a regional treasury in the province pays
    private static readonly UnitParts Commune = new(new AssignedAgency("DN.TK.KT", "DN.TK"), null, new AssignedAgency("DN.KBKV", "DN"));

    [Fact]
    public void TargetOf_WhenAdministrationAssignedThePart_PlacesTheTaskWithThatAgency()
    {
        var instance = InState("Submitted");

        Assert.Equal(("DN.TK", "DN.TK.KT"), WorkflowRules.TargetOf(TaskScope.SameUnit, "FinanceOffice", instance, Commune));
        Assert.Equal(("DN", "DN.KBKV"), WorkflowRules.TargetOf(TaskScope.SameUnit, "Treasury", instance, Commune));
        Assert.Equal(("BP.HQ", (string?)null), WorkflowRules.TargetOf(TaskScope.SameUnit, "Approver", instance, Commune));
    }

    [Fact]
    public void Check_WhenTheAssignedAgencysOfficerAppraises_Allows()
    {
        var instance = InState("Submitted");
        var assignedHere = new UnitParts(new AssignedAgency("BP.HQ.TCKH", "BP.HQ"), null, null);

        Assert.Equal(Refusal.None, WorkflowRules.Check(Process, instance, "appraise-pass", Finance, [], assignedHere).Refusal);
    }

    [Fact]
    public void Check_WhenAnotherAgencyIsAssignedToAppraise_RefusesTheUnitsOwnFinanceOfficer()
    {
        var instance = InState("Submitted");
        var assignedElsewhere = new UnitParts(new AssignedAgency("BP.HQ.KT", "BP.HQ"), null, null);

        var (refusal, reason) = WorkflowRules.Check(Process, instance, "appraise-pass", Finance, [], assignedElsewhere);

        Assert.Equal(Refusal.NotAllowed, refusal);
        Assert.Contains("phụ trách hồ sơ này", reason);
    }

    [Fact]
    public void Check_WhenARegionalTreasuryOfficerInTheProvinceActsForAnAssignedCommune_Allows()
    {
        var process = new WorkflowDefinition("disbursement", 1, "Giải ngân", "Disbursement", "Approved",
            [new StateDefinition("Approved", "Đã duyệt", false, new TaskDefinition("Treasury", TaskScope.SameUnit, "Thanh toán", 3, null)),
             new StateDefinition("Paid", "Đã thanh toán", true, null)],
            [new TransitionDefinition("Approved", "confirm-payment", "Paid", "Xác nhận", ["Treasury"], false, [], [], [])]);
        var instance = new WorkflowInstance(Guid.NewGuid(), process, new WorkflowSubject("Disbursement", Guid.NewGuid(), "DN.TK", "DN.TK.DVNN", "DN"), "x", DateTimeOffset.UnixEpoch);
        var regional = new Actor(Guid.NewGuid(), "khobac.kv", ["Treasury"], "DN.KBKV", "DN");
        var provinceTreasury = new Actor(Guid.NewGuid(), "khobac.tinh", ["Treasury"], "DN.KBT", "DN");

        Assert.Equal(Refusal.None, WorkflowRules.Check(process, instance, "confirm-payment", regional, [], Commune).Refusal);
        Assert.Equal(Refusal.NotAllowed, WorkflowRules.Check(process, instance, "confirm-payment", provinceTreasury, [], Commune).Refusal);
        Assert.Equal(Refusal.NotAllowed, WorkflowRules.Check(process, instance, "confirm-payment", regional, [], UnitParts.Unassigned).Refusal);
    }
}
