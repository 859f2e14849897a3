using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain.Common;
using Workflow.Domain.Workflows;

namespace Workflow.Domain.Tests.Workflows;

public class DefinitionReaderTests
{
    private const string File = "proposal.workflow.json";

    private static readonly Dictionary<string, Func<JsonElement, IEnumerable<Violation>>> Guards = new()
    {
        ["requireData"] = args => args.TryGetProperty("fields", out _) ? [] : [new Violation("fields", "fields are required")],
    };

    private static readonly Dictionary<string, Func<JsonElement, IEnumerable<Violation>>> Effects = new()
    {
        ["notify"] = _ => [],
    };

    /// <summary>A small valid process: Draft → Submitted → Approved, or Rejected; return to Draft.</summary>
    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "id": "proposal", "version": 1, "displayName": "Đề xuất", "subjectType": "Proposal", "initialState": "Draft",
          "states": [
            { "name": "Draft", "displayName": "Dự thảo", "task": { "role": "LeadAgency", "scope": "SameAgency", "title": "Gửi" } },
            { "name": "Submitted", "displayName": "Đã gửi",
              "task": { "role": "FinanceOffice", "scope": "SameUnit", "title": "Duyệt", "deadlineDays": 3, "escalation": { "notifyRoles": ["Approver"] } } },
            { "name": "Approved", "displayName": "Đã phê duyệt", "terminal": true },
            { "name": "Rejected", "displayName": "Không phê duyệt", "terminal": true }
          ],
          "transitions": [
            { "from": "Draft", "action": "submit", "to": "Submitted", "displayName": "Gửi", "roles": ["LeadAgency"] },
            { "from": "Submitted", "action": "approve", "to": "Approved", "displayName": "Duyệt", "roles": ["FinanceOffice"], "separateFrom": ["submit"],
              "guards": [ { "guard": "requireData", "args": { "fields": { "decisionNumber": "Số quyết định" } } } ],
              "effects": [ { "effect": "notify", "args": {} } ] },
            { "from": "Submitted", "action": "reject", "to": "Rejected", "displayName": "Từ chối", "roles": ["FinanceOffice"], "requiresComment": true },
            { "from": "Submitted", "action": "return", "to": "Draft", "displayName": "Trả lại", "roles": ["FinanceOffice"], "requiresComment": true }
          ]
        }
        """)!.AsObject();

    private static IReadOnlyList<DefinitionProblem> Problems(string json) => new DefinitionReader(Guards, Effects).Read(File, json).Problems;

    private static IReadOnlyList<DefinitionProblem> Problems(JsonObject definition) => Problems(definition.ToJsonString());

    private static void AssertProblem(IReadOnlyList<DefinitionProblem> problems, string path, string contains)
    {
        Assert.True(problems.Any(p => p.File == File && p.Path == path && p.Message.Contains(contains, StringComparison.OrdinalIgnoreCase)),
            $"Expected a problem at {path} containing '{contains}'; got:\n{string.Join("\n", problems)}");
    }

    private static JsonObject State(JsonObject d, int i) => d["states"]![i]!.AsObject();

    private static JsonObject Transition(JsonObject d, int i) => d["transitions"]![i]!.AsObject();

    [Fact]
    public void Read_WhenDefinitionIsValid_ReturnsTheProcess()
    {
        var (definition, problems) = new DefinitionReader(Guards, Effects).Read(File, Valid().ToJsonString());

        Assert.Empty(problems);
        Assert.NotNull(definition);
        Assert.Equal("Draft", definition.InitialState);
        Assert.Equal(4, definition.States.Count);
        Assert.Equal(3, definition.State("Submitted").Task!.DeadlineDays);
        Assert.Equal(["submit"], definition.Find("Submitted", "approve")!.SeparateFrom);
        Assert.True(definition.Find("Submitted", "reject")!.RequiresComment);
    }

    [Fact]
    public void Read_WhenJsonIsMalformed_ReportsTheLine()
    {
        var problems = Problems("{ \"id\": \"proposal\",\n \"version\": 1,, }");

        Assert.Single(problems);
        Assert.Equal(File, problems[0].File);
        Assert.Contains("line 2", problems[0].Message);
    }

    [Fact]
    public void Read_WhenGuardIsUnknown_ReportsItsPath()
    {
        var d = Valid();
        Transition(d, 1)["guards"]![0]!["guard"] = "amountBelow";

        AssertProblem(Problems(d), "$.transitions[1].guards[0].guard", "unknown guard 'amountBelow'");
    }

    [Fact]
    public void Read_WhenGuardArgumentsAreWrong_ReportsThePathInsideArgs()
    {
        var d = Valid();
        Transition(d, 1)["guards"]![0]!["args"] = new JsonObject();

        AssertProblem(Problems(d), "$.transitions[1].guards[0].args.fields", "fields are required");
    }

    [Fact]
    public void Read_WhenEffectIsUnknown_ReportsItsPath()
    {
        var d = Valid();
        Transition(d, 1)["effects"]![0]!["effect"] = "sendFax";

        AssertProblem(Problems(d), "$.transitions[1].effects[0].effect", "unknown effect 'sendFax'");
    }

    [Fact]
    public void Read_WhenTransitionRoleIsUnknown_ReportsItsPath()
    {
        var d = Valid();
        Transition(d, 0)["roles"] = new JsonArray("Chairman");

        AssertProblem(Problems(d), "$.transitions[0].roles[0]", "unknown role 'Chairman'");
    }

    [Fact]
    public void Read_WhenTaskRoleOrScopeIsUnknown_ReportsBoth()
    {
        var d = Valid();
        State(d, 1)["task"]!["role"] = "Accountant";
        State(d, 1)["task"]!["scope"] = "SameProvince";

        var problems = Problems(d);

        AssertProblem(problems, "$.states[1].task.role", "unknown role 'Accountant'");
        AssertProblem(problems, "$.states[1].task.scope", "unknown scope 'SameProvince'");
    }

    [Fact]
    public void Read_WhenTransitionGoesToMissingState_ReportsIt()
    {
        var d = Valid();
        Transition(d, 1)["to"] = "Paid";

        AssertProblem(Problems(d), "$.transitions[1].to", "missing state 'Paid'");
    }

    [Fact]
    public void Read_WhenAStateCannotBeReached_ReportsIt()
    {
        var d = Valid();
        d["states"]!.AsArray().Add(JsonNode.Parse("""{ "name": "Archived", "displayName": "Lưu trữ", "terminal": true }"""));

        AssertProblem(Problems(d), "$.states[4]", "'Archived' is unreachable");
    }

    [Fact]
    public void Read_WhenNoStateIsTerminal_ReportsIt()
    {
        var d = Valid();
        foreach (var state in d["states"]!.AsArray()) state!.AsObject().Remove("terminal");

        AssertProblem(Problems(d), "$.states", "no terminal state");
    }

    [Fact]
    public void Read_WhenOneStateHasTheSameActionTwice_ReportsTheSecond()
    {
        var d = Valid();
        Transition(d, 2)["action"] = "approve";

        AssertProblem(Problems(d), "$.transitions[2].action", "already has an action 'approve'");
    }

    /// <summary>Approve goes to Rejected when its condition holds, otherwise to Approved: alternatives of one action.</summary>
    private static JsonObject WithAlternative(JsonObject d)
    {
        var alternative = Transition(d, 1).DeepClone().AsObject();
        alternative["to"] = "Rejected";
        alternative["when"] = JsonNode.Parse("""{ "displayName": "khi có số quyết định", "guards": [ { "guard": "requireData", "args": { "fields": { "x": "X" } } } ] }""");
        d["transitions"]!.AsArray().Insert(1, alternative);
        return d;
    }

    [Fact]
    public void Read_WhenAnActionHasAConditionalAlternativeBeforeAPlainOne_ReadsBothInOrder()
    {
        var (definition, problems) = new DefinitionReader(Guards, Effects).Read(File, WithAlternative(Valid()).ToJsonString());

        Assert.Empty(problems);
        var alternatives = definition!.Alternatives("Submitted", "approve");
        Assert.Equal(["Rejected", "Approved"], alternatives.Select(t => t.To).ToArray());
        Assert.Equal("khi có số quyết định", alternatives[0].When!.DisplayName);
        Assert.Null(alternatives[1].When);
        Assert.Same(alternatives[0], definition.Find("Submitted", "approve"));
    }

    [Fact]
    public void Read_WhenTheConditionalAlternativeComesLast_ReportsThatNoneIsTakenOtherwise()
    {
        var d = WithAlternative(Valid());
        var arr = d["transitions"]!.AsArray();
        var conditional = arr[1]!;
        arr.RemoveAt(1);
        arr.Insert(2, conditional);

        var problems = Problems(d);

        AssertProblem(problems, "$.transitions[2].action", "already has an action 'approve'");
    }

    [Fact]
    public void Read_WhenTheOnlyAlternativeHasACondition_ReportsThatItNeedsAPlainOne()
    {
        var d = Valid();
        Transition(d, 1)["when"] = JsonNode.Parse("""{ "displayName": "khi", "guards": [ { "guard": "requireData", "args": { "fields": { "x": "X" } } } ] }""");

        AssertProblem(Problems(d), "$.transitions[1].when", "needs a later alternative without 'when'");
    }

    [Fact]
    public void Read_WhenAlternativesDisagreeOnWhoMayAct_ReportsIt()
    {
        var d = WithAlternative(Valid());
        Transition(d, 2)["roles"] = new JsonArray("Approver");

        AssertProblem(Problems(d), "$.transitions[2]", "must agree on displayName, roles");
    }

    [Fact]
    public void Read_WhenAConditionNamesAnUnknownGuard_ReportsItsPath()
    {
        var d = WithAlternative(Valid());
        Transition(d, 1)["when"]!["guards"]![0]!["guard"] = "nope";

        AssertProblem(Problems(d), "$.transitions[1].when.guards[0].guard", "unknown guard 'nope'");
    }

    [Fact]
    public void Read_WhenADeadlineHasNoEscalation_ReportsIt()
    {
        var d = Valid();
        State(d, 1)["task"]!.AsObject().Remove("escalation");

        AssertProblem(Problems(d), "$.states[1].task.escalation", "needs an escalation");
    }

    [Fact]
    public void Read_WhenANonTerminalStateHasNoWayOut_ReportsIt()
    {
        var d = Valid();
        d["states"]!.AsArray().Add(JsonNode.Parse("""{ "name": "OnHold", "displayName": "Tạm dừng" }"""));
        d["transitions"]!.AsArray().Add(JsonNode.Parse("""{ "from": "Submitted", "action": "hold", "to": "OnHold", "displayName": "Tạm dừng", "roles": ["FinanceOffice"] }"""));

        AssertProblem(Problems(d), "$.states[4]", "no transition leaves it");
    }

    [Fact]
    public void Read_WhenSeparateFromNamesNoAction_ReportsIt()
    {
        var d = Valid();
        Transition(d, 1)["separateFrom"] = new JsonArray("appraise");

        AssertProblem(Problems(d), "$.transitions[1].separateFrom[0]", "no transition has action 'appraise'");
    }

    [Fact]
    public void Read_WhenSeveralThingsAreWrong_ReportsEveryOne()
    {
        var d = Valid();
        Transition(d, 0)["roles"] = new JsonArray("Chairman");
        Transition(d, 1)["guards"]![0]!["guard"] = "nope";
        State(d, 1)["task"]!["scope"] = "Everywhere";

        Assert.True(Problems(d).Select(p => p.Path).Distinct().Count() >= 3);
    }
}
