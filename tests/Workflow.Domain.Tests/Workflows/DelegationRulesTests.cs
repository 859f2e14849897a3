using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Workflows;

/// <summary>
/// Who may act under a delegation and a claim (WorkflowRules.Authorize), and what makes a delegation acceptable
/// (DelegationRules.Check). Maker ≠ checker binds both the substitute and the principal they stand in for.
/// </summary>
public class DelegationRulesTests
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
            new TransitionDefinition("Submitted", "appraise-pass", "Appraised", "Thẩm định đạt", ["FinanceOffice"], false, ["submit"], [], []),
            new TransitionDefinition("Appraised", "approve", "Approved", "Phê duyệt", ["Approver"], false, ["submit", "appraise-pass"], [], []),
        ]);

    private static readonly WorkflowSubject Subject = new("Proposal", Guid.NewGuid(), "BP.HQ", "BP.HQ.NN", "BP");

    private static readonly Actor Clerk = new(Guid.NewGuid(), "nongnghiep", ["LeadAgency"], "BP.HQ.NN", "BP.HQ");
    private static readonly Actor Finance = new(Guid.NewGuid(), "taichinh", ["FinanceOffice"], "BP.HQ.TCKH", "BP.HQ");
    private static readonly Actor Chairman = new(Guid.NewGuid(), "chutich", ["Approver"], "BP.HQ.UBND", "BP.HQ");
    private static readonly Actor ViceChairman = new(Guid.NewGuid(), "phochutich", ["Monitor"], "BP.HQ.UBND", "BP.HQ");

    private static Mandate For(Actor principal, string role) =>
        new(principal.Id, principal.UserName, principal.UserName + " (họ tên)", role, principal.AgencyCode, principal.UnitCode);

    private static Actor Substitute(Actor substitute, Actor principal, string role) => substitute with { Mandates = [For(principal, role)] };

    private static WorkflowInstance InState(string state)
    {
        var instance = new WorkflowInstance(Guid.NewGuid(), Process, Subject, "nongnghiep", DateTimeOffset.UnixEpoch);
        foreach (var s in new[] { "Submitted", "Appraised", "Approved" }.TakeWhile(_ => instance.State != state))
            instance.MoveTo(Process.State(s), DateTimeOffset.UnixEpoch);
        return instance;
    }

    private static PastAction Did(Actor actor, string action) => new(actor.Id, action, actor.OnBehalfOf?.PrincipalId);

    private static readonly PastAction[] Appraised = [Did(Clerk, "submit"), Did(Finance, "appraise-pass")];

    [Fact]
    public void Authorize_WhenASubstituteHoldsTheChairmansMandate_AllowsActingOnHisBehalf()
    {
        var outcome = WorkflowRules.Authorize(Process, InState("Appraised"), "approve", Substitute(ViceChairman, Chairman, "Approver"), Appraised, UnitParts.Unassigned);

        Assert.Equal(Refusal.None, outcome.Refusal);
        Assert.Equal(ViceChairman.Id, outcome.As!.Id);
        Assert.Equal(Chairman.Id, outcome.As.OnBehalfOf!.PrincipalId);
        Assert.Equal(["Approver"], outcome.As.Roles);
    }

    [Fact]
    public void Authorize_WithoutAMandate_RefusesTheSameSubstituteAsNotAllowed()
    {
        Assert.Equal(Refusal.NotAllowed, WorkflowRules.Authorize(Process, InState("Appraised"), "approve", ViceChairman, Appraised, UnitParts.Unassigned).Refusal);
    }

    [Fact]
    public void Authorize_WhenTheActorMayActInTheirOwnName_ActsForNobody()
    {
        var outcome = WorkflowRules.Authorize(Process, InState("Appraised"), "approve", Substitute(Chairman, ViceChairman, "Approver"), Appraised, UnitParts.Unassigned);

        Assert.True(outcome.Allowed);
        Assert.Null(outcome.As!.OnBehalfOf);
    }

    [Fact]
    public void Authorize_WhenTheSubstituteAppraisedIt_RefusesTheApprovalEvenOnBehalf()
    {
        // a finance officer who appraised cannot approve it as the chairman's substitute
        var outcome = WorkflowRules.Authorize(Process, InState("Appraised"), "approve", Substitute(Finance, Chairman, "Approver"), Appraised, UnitParts.Unassigned);

        Assert.Equal(Refusal.SameActor, outcome.Refusal);
        Assert.Contains("Người đã thực hiện 'Thẩm định đạt' không được 'Phê duyệt'", outcome.Reason);
        Assert.Contains("kể cả khi thay mặt chutich (họ tên)", outcome.Reason);
        Assert.Contains("nguyên tắc người lập khác người duyệt", outcome.Reason);
    }

    [Fact]
    public void Authorize_WhenThePrincipalSubmittedIt_RefusesTheSubstituteActingForThem()
    {
        var submitter = new Actor(Guid.NewGuid(), "kiemnhiem", ["LeadAgency", "Approver"], "BP.HQ.NN", "BP.HQ");
        var colleague = new Actor(Guid.NewGuid(), "dongnghiep", ["LeadAgency"], "BP.HQ.NN", "BP.HQ");
        PastAction[] history = [Did(submitter, "submit"), Did(Finance, "appraise-pass")];

        var outcome = WorkflowRules.Authorize(Process, InState("Appraised"), "approve", Substitute(colleague, submitter, "Approver"), history, UnitParts.Unassigned);

        Assert.Equal(Refusal.SameActor, outcome.Refusal);
        Assert.Contains("kiemnhiem (họ tên) đã thực hiện 'Gửi'", outcome.Reason);
        Assert.Contains("người thay mặt kiemnhiem (họ tên)", outcome.Reason);
    }

    [Fact]
    public void Authorize_WhenASubstituteSubmittedForThePrincipal_BindsThePrincipalToo()
    {
        // B submitted on A's behalf: A answers for it, so A may not appraise it either
        var principal = new Actor(Guid.NewGuid(), "a", ["LeadAgency", "FinanceOffice"], "BP.HQ.NN", "BP.HQ");
        var substitute = new Actor(Guid.NewGuid(), "b", ["Monitor"], "BP.HQ.NN", "BP.HQ");
        var submittedForA = new PastAction(substitute.Id, "submit", principal.Id);

        var outcome = WorkflowRules.Authorize(Process, InState("Submitted"), "appraise-pass", principal, [submittedForA], UnitParts.Unassigned);

        Assert.Equal(Refusal.SameActor, outcome.Refusal);
    }

    [Fact]
    public void Authorize_WhenAColleagueHoldsTheTask_RefusesAsClaimedNamingTheHolder()
    {
        var colleague = new Actor(Guid.NewGuid(), "taichinh2", ["FinanceOffice"], "BP.HQ.TCKH", "BP.HQ");
        var claim = new TaskClaim(colleague.Id, colleague.UserName, "Trần Văn B (Chuyên viên)", new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

        var outcome = WorkflowRules.Authorize(Process, InState("Submitted"), "appraise-pass", Finance, [Did(Clerk, "submit")], UnitParts.Unassigned, claim);

        Assert.Equal(Refusal.Claimed, outcome.Refusal);
        Assert.Contains("Trần Văn B (Chuyên viên)", outcome.Reason);
        Assert.Contains("09:00 02/03/2026", outcome.Reason);
        Assert.True(WorkflowRules.Authorize(Process, InState("Submitted"), "appraise-pass", colleague, [Did(Clerk, "submit")], UnitParts.Unassigned, claim).Allowed);
    }

    [Fact]
    public void Authorize_WhenTheHoldersSubstituteActs_AllowsItOnTheHoldersBehalf()
    {
        var colleague = new Actor(Guid.NewGuid(), "taichinh2", ["FinanceOffice"], "BP.HQ.TCKH", "BP.HQ");
        var claim = new TaskClaim(Finance.Id, Finance.UserName, "taichinh", DateTimeOffset.UnixEpoch);

        var outcome = WorkflowRules.Authorize(Process, InState("Submitted"), "appraise-pass", Substitute(colleague, Finance, "FinanceOffice"),
            [Did(Clerk, "submit")], UnitParts.Unassigned, claim);

        Assert.True(outcome.Allowed);
        Assert.Equal(Finance.Id, outcome.As!.OnBehalfOf!.PrincipalId);
    }

    // ---------- what makes a delegation acceptable ----------

    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DelegationParty Chair = new(Guid.NewGuid(), "tk.chutich", "Chủ tịch", "DN.TK.UBND", "DN.TK", ["Approver"], true);
    private static readonly DelegationParty Vice = new(Guid.NewGuid(), "tk.pho", "Phó Chủ tịch", "DN.TK.UBND", "DN.TK", ["Monitor"], true);

    [Fact]
    public void Check_WhenEverythingHolds_FindsNothing()
    {
        Assert.Empty(DelegationRules.Check(Chair, Vice, "tk.pho", "Approver", Today, Today.AddDays(4), "Nghỉ phép", Today));
    }

    [Fact]
    public void Check_WhenEverythingIsMissing_NamesEachField()
    {
        var problems = DelegationRules.Check(Chair, null, null, null, null, null, null, Today);

        Assert.Equal(["role", "substitute", "from", "to", "reason"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Check_WhenTheSubstituteIsOfAnotherAgencyOrDisabled_RefusesAtSubstitute()
    {
        var elsewhere = Vice with { AgencyCode = "DN.TK.KT" };
        var disabled = Vice with { IsActive = false };

        Assert.Contains("không cùng cơ quan", DelegationRules.Check(Chair, elsewhere, "x", "Approver", Today, Today, "Ốm", Today).Single(p => p.Path == "substitute").Message);
        Assert.Contains("khóa", DelegationRules.Check(Chair, disabled, "x", "Approver", Today, Today, "Ốm", Today).Single(p => p.Path == "substitute").Message);
        Assert.Contains("chính mình", DelegationRules.Check(Chair, Chair, "x", "Approver", Today, Today, "Ốm", Today).Single(p => p.Path == "substitute").Message);
    }

    [Fact]
    public void Check_WhenTheRangeIsBackwardsOverOrTooLong_RefusesAtTo()
    {
        Assert.Contains("trước ngày bắt đầu", DelegationRules.Check(Chair, Vice, "x", "Approver", Today, Today.AddDays(-1), "Ốm", Today).Single().Message);
        Assert.Contains("đã qua", DelegationRules.Check(Chair, Vice, "x", "Approver", Today.AddDays(-5), Today.AddDays(-1), "Ốm", Today).Single().Message);
        Assert.Contains($"quá {DelegationRules.MaxDays} ngày", DelegationRules.Check(Chair, Vice, "x", "Approver", Today, Today.AddDays(DelegationRules.MaxDays), "Ốm", Today).Single().Message);
    }

    [Fact]
    public void IsInForceOn_HoldsFromTheFirstToTheLastDayIncludedUntilRevoked()
    {
        var d = new Delegation(Guid.NewGuid(), new(Chair.Id, Chair.UserName, Chair.Name), new(Vice.Id, Vice.UserName, Vice.Name),
            "Approver", "DN.TK.UBND", "DN.TK", Today, Today.AddDays(4), "Nghỉ phép", DateTimeOffset.UnixEpoch);

        Assert.False(d.IsInForceOn(Today.AddDays(-1)));
        Assert.True(d.IsInForceOn(Today));
        Assert.True(d.IsInForceOn(Today.AddDays(4)));
        Assert.False(d.IsInForceOn(Today.AddDays(5)));
        d.Revoke("tk.chutich", DateTimeOffset.UnixEpoch);
        Assert.False(d.IsInForceOn(Today));
    }
}
