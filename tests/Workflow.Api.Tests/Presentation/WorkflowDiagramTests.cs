using System.Globalization;
using System.Xml.Linq;
using Workflow.Api.Presentation;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Tests.Presentation;

public class WorkflowDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TransitionDefinition T(string from, string action, string to, string label) =>
        new(from, action, to, label, ["LeadAgency"], false, [], [], []);

    private static TaskDefinition Task(string role, int? days) => new(role, TaskScope.SameAgency, role, days, null);

    /// <summary>The proposal process of PROCESSES.md, built in code.</summary>
    internal static WorkflowDefinition Proposal(string displayName = "Đề xuất dự án") => new(
        "proposal", 1, displayName, "Proposal", "Draft",
        [
            new StateDefinition("Draft", "Dự thảo", false, Task("LeadAgency", null)),
            new StateDefinition("Submitted", "Đã gửi", false, Task("FinanceOffice", 3)),
            new StateDefinition("UnderAppraisal", "Đang thẩm định", false, Task("FinanceOffice", 15)),
            new StateDefinition("Appraised", "Đã thẩm định", false, Task("Approver", 5)),
            new StateDefinition("Approved", "Đã phê duyệt", false, null),
            new StateDefinition("Settling", "Đang quyết toán", false, null),
            new StateDefinition("Settled", "Đã quyết toán", true, null),
            new StateDefinition("Rejected", "Không phê duyệt", true, null),
            new StateDefinition("Withdrawn", "Đã rút", true, null),
        ],
        [
            T("Draft", "submit", "Submitted", "Gửi đề xuất"),
            T("Draft", "withdraw", "Withdrawn", "Rút đề xuất"),
            T("Submitted", "start-appraisal", "UnderAppraisal", "Bắt đầu thẩm định"),
            T("Submitted", "return", "Draft", "Trả lại để chỉnh sửa"),
            T("Submitted", "withdraw", "Withdrawn", "Rút đề xuất"),
            T("UnderAppraisal", "appraise-pass", "Appraised", "Thẩm định đạt"),
            T("UnderAppraisal", "appraise-fail", "Rejected", "Thẩm định không đạt"),
            T("UnderAppraisal", "return", "Draft", "Trả lại để chỉnh sửa"),
            T("Appraised", "approve", "Approved", "Phê duyệt"),
            T("Appraised", "return", "Draft", "Trả lại để chỉnh sửa"),
            T("Appraised", "reject", "Rejected", "Không phê duyệt"),
            T("Approved", "start-settlement", "Settling", "Mở quyết toán"),
            T("Settling", "settle", "Settled", "Phê duyệt quyết toán"),
        ]);

    /// <summary>The disbursement process of PROCESSES.md, with the optional approver step.</summary>
    internal static WorkflowDefinition Disbursement() => new(
        "disbursement", 1, "Giải ngân (tạm ứng / thanh toán)", "Disbursement", "Draft",
        [
            new StateDefinition("Draft", "Dự thảo", false, Task("LeadAgency", null)),
            new StateDefinition("Requested", "Đề nghị", false, Task("FinanceOffice", 3)),
            new StateDefinition("AwaitingApprover", "Chờ lãnh đạo duyệt", false, Task("Approver", 2)),
            new StateDefinition("Approved", "Đã duyệt chi", false, Task("Treasury", 1)),
            new StateDefinition("Returned", "Kho bạc trả lại", false, Task("LeadAgency", null)),
            new StateDefinition("Paid", "Đã thanh toán", true, null),
            new StateDefinition("Rejected", "Từ chối", true, null),
            new StateDefinition("Cancelled", "Hủy", true, null),
        ],
        [
            T("Draft", "request", "Requested", "Gửi đề nghị"),
            T("Requested", "approve", "Approved", "Duyệt chi"),
            T("Requested", "escalate", "AwaitingApprover", "Trình lãnh đạo"),
            T("Requested", "return", "Draft", "Trả lại"),
            T("Requested", "reject", "Rejected", "Từ chối"),
            T("AwaitingApprover", "approve", "Approved", "Lãnh đạo duyệt"),
            T("AwaitingApprover", "reject", "Rejected", "Lãnh đạo từ chối"),
            T("Approved", "confirm-payment", "Paid", "Xác nhận đã thanh toán"),
            T("Approved", "refuse", "Returned", "Kho bạc từ chối"),
            T("Returned", "request", "Requested", "Gửi lại đề nghị"),
            T("Returned", "cancel", "Cancelled", "Hủy"),
        ]);

    private static readonly (string From, string Action, string To)[] TakenPath =
    [
        ("Draft", "submit", "Submitted"),
        ("Submitted", "start-appraisal", "UnderAppraisal"),
        ("UnderAppraisal", "return", "Draft"),
        ("Draft", "submit", "Submitted"),
        ("Submitted", "start-appraisal", "UnderAppraisal"),
    ];

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static List<XElement> States(XDocument doc) =>
        doc.Descendants(Svg + "g").Where(g => g.Attribute("data-state") is not null).ToList();

    private static List<XElement> EdgeGroups(XDocument doc) =>
        doc.Descendants(Svg + "g").Where(g => g.Attribute("data-action") is not null).ToList();

    [Fact]
    public void Render_WhenProposalProcess_ProducesParseableSvgWithTitle()
    {
        var doc = Parse(WorkflowDiagram.Render(Proposal()));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal("Đề xuất dự án", doc.Root.Element(Svg + "title")!.Value);
        Assert.NotNull(doc.Root.Attribute("viewBox"));
        Assert.NotEmpty(doc.Descendants(Svg + "marker"));
    }

    [Fact]
    public void Render_WhenProposalProcess_HasOneGroupPerStateAndPerTransition()
    {
        var definition = Proposal();
        var doc = Parse(WorkflowDiagram.Render(definition));
        var states = States(doc);
        Assert.Equal(definition.States.Count, states.Count);
        Assert.Equal(definition.States.Select(s => s.Name).Order(), states.Select(g => g.Attribute("data-state")!.Value).Order());
        Assert.All(states, g => Assert.Contains("state", g.Attribute("class")!.Value.Split(' ')));

        var edges = EdgeGroups(doc);
        Assert.Equal(definition.Transitions.Count, edges.Count);
        Assert.Equal(
            definition.Transitions.Select(t => $"{t.From}/{t.Action}/{t.To}").Order(),
            edges.Select(g => $"{g.Attribute("data-from")!.Value}/{g.Attribute("data-action")!.Value}/{g.Attribute("data-to")!.Value}").Order());
        Assert.All(edges, g =>
        {
            Assert.Equal("edge", g.Attribute("class")!.Value);
            Assert.NotNull(g.Element(Svg + "path")!.Attribute("marker-end"));
        });
    }

    [Fact]
    public void Render_WhenCurrentStateGiven_MarksOnlyItsGroupCurrent()
    {
        var doc = Parse(WorkflowDiagram.Render(Proposal(), currentState: "UnderAppraisal"));
        var current = States(doc).Where(g => g.Attribute("class")!.Value.Split(' ').Contains("current")).ToList();
        var group = Assert.Single(current);
        Assert.Equal("UnderAppraisal", group.Attribute("data-state")!.Value);
        Assert.Equal("state current", group.Attribute("class")!.Value);
        Assert.Equal("#fde68a", group.Element(Svg + "rect")!.Attribute("fill")!.Value);
    }

    [Fact]
    public void Render_WhenPathTakenGiven_MarksThoseEdgesTaken()
    {
        var doc = Parse(WorkflowDiagram.Render(Proposal(), "UnderAppraisal", TakenPath));
        var taken = EdgeGroups(doc).Where(g => g.Attribute("class")!.Value == "edge taken")
            .Select(g => $"{g.Attribute("data-from")!.Value}/{g.Attribute("data-action")!.Value}").Order().ToList();
        Assert.Equal(["Draft/submit", "Submitted/start-appraisal", "UnderAppraisal/return"], taken);
        var returnFromAppraised = EdgeGroups(doc).Single(g => g.Attribute("data-from")!.Value == "Appraised" && g.Attribute("data-action")!.Value == "return");
        Assert.Equal("edge", returnFromAppraised.Attribute("class")!.Value);
        Assert.All(EdgeGroups(doc).Where(g => g.Attribute("class")!.Value == "edge taken"),
            g => Assert.Equal("#2563eb", g.Element(Svg + "path")!.Attribute("stroke")!.Value));
    }

    [Fact]
    public void Render_WhenVietnameseText_KeepsItReadable()
    {
        var svg = WorkflowDiagram.Render(Proposal());
        Assert.Contains("Đang thẩm định", svg);
        Assert.Contains("Phòng Tài chính - Kế hoạch · 15 ngày làm việc", svg);
        Assert.DoesNotContain("FinanceOffice", svg);
        var doc = Parse(svg);
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Đang thẩm định", texts);
        Assert.Contains("Trả lại để chỉnh sửa", texts);
        Assert.Contains("Segoe UI", doc.Root!.Attribute("font-family")!.Value);
    }

    [Fact]
    public void Render_WhenTextHasMarkup_EscapesIt()
    {
        var definition = Proposal("Quy trình <b>A</b> & \"B\"") with
        {
            States =
            [
                new StateDefinition("Draft", "Dự thảo <nháp> & sửa", false, null),
                new StateDefinition("Done", "Xong", true, null),
            ],
            Transitions = [T("Draft", "go&<x>", "Done", "Gửi <ngay> & luôn")],
        };
        var svg = WorkflowDiagram.Render(definition);
        Assert.DoesNotContain("<b>", svg);
        Assert.DoesNotContain("<nháp>", svg);
        Assert.Contains("Quy trình &lt;b&gt;A&lt;/b&gt; &amp;", svg);
        var doc = Parse(svg);
        Assert.Equal("Quy trình <b>A</b> & \"B\"", doc.Root!.Element(Svg + "title")!.Value);
        Assert.Contains("Dự thảo <nháp> & sửa", doc.Descendants(Svg + "text").Select(t => t.Value));
        Assert.Equal("go&<x>", Assert.Single(EdgeGroups(doc)).Attribute("data-action")!.Value);
    }

    [Fact]
    public void Render_WhenTerminalState_DrawsDoubleBorder()
    {
        var doc = Parse(WorkflowDiagram.Render(Proposal()));
        var settled = States(doc).Single(g => g.Attribute("data-state")!.Value == "Settled");
        Assert.Equal(2, settled.Elements(Svg + "rect").Count());
        var draft = States(doc).Single(g => g.Attribute("data-state")!.Value == "Draft");
        Assert.Single(draft.Elements(Svg + "rect"));
    }

    [Fact]
    public void Render_WhenProposalProcess_LayersStatesTopToBottomWithoutOverlap()
    {
        var doc = Parse(WorkflowDiagram.Render(Proposal()));
        var boxes = States(doc).ToDictionary(g => g.Attribute("data-state")!.Value, g => Box(g.Element(Svg + "rect")!));
        Assert.True(boxes["Draft"].Y < boxes["Submitted"].Y);
        Assert.True(boxes["Submitted"].Y < boxes["UnderAppraisal"].Y);
        Assert.True(boxes["UnderAppraisal"].Y < boxes["Appraised"].Y);
        Assert.True(boxes["Appraised"].Y < boxes["Approved"].Y);
        Assert.True(boxes["Approved"].Y < boxes["Settled"].Y);
        var list = boxes.Values.ToList();
        for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++)
                Assert.False(Overlaps(list[i], list[j]), $"boxes {list[i]} and {list[j]} overlap");

        // Labels do not sit on boxes.
        var labels = EdgeGroups(doc).Select(g => Box(g.Element(Svg + "rect")!)).ToList();
        Assert.All(labels, l => Assert.DoesNotContain(list, b => Overlaps(l, b)));
    }

    [Fact]
    public void Render_WhenLongForwardAndSelfLoopEdges_StillRendersEveryTransition()
    {
        var definition = Proposal() with
        {
            Transitions = [.. Proposal().Transitions, T("Draft", "fast-track", "Approved", "Duyệt nhanh"), T("Approved", "note", "Approved", "Ghi chú")],
        };
        var doc = Parse(WorkflowDiagram.Render(definition, "Approved", [("Draft", "fast-track", "Approved")]));
        Assert.Equal(definition.Transitions.Count, EdgeGroups(doc).Count);
        Assert.Single(EdgeGroups(doc), g => g.Attribute("class")!.Value == "edge taken");
    }

    [Fact]
    public void Render_WhenNoStates_ReturnsAnEmptyDiagram()
    {
        var definition = new WorkflowDefinition("empty", 1, "Trống", "None", "Nowhere", [], []);
        var doc = Parse(WorkflowDiagram.Render(definition, "Nowhere"));
        Assert.Empty(States(doc));
        Assert.Empty(EdgeGroups(doc));
        Assert.Equal("Trống", doc.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Render_WhenStateUnreachable_PlacesItBelowTheRest()
    {
        var definition = Proposal() with
        {
            States = [.. Proposal().States, new StateDefinition("Orphan", "Mồ côi", true, null)],
        };
        var doc = Parse(WorkflowDiagram.Render(definition));
        var boxes = States(doc).ToDictionary(g => g.Attribute("data-state")!.Value, g => Box(g.Element(Svg + "rect")!));
        Assert.True(boxes["Orphan"].Y > boxes["Settled"].Y);
    }

    [Fact]
    public void Render_WhenProposalProcess_WritesSampleFilesForVisualCheck()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "diagrams");
        Directory.CreateDirectory(directory);
        var plain = WorkflowDiagram.Render(Proposal());
        var highlighted = WorkflowDiagram.Render(Proposal(), "UnderAppraisal", TakenPath);
        File.WriteAllText(Path.Combine(directory, "proposal.svg"), plain);
        File.WriteAllText(Path.Combine(directory, "proposal-current.svg"), highlighted);
        var extra = Proposal() with
        {
            Transitions = [.. Proposal().Transitions, T("Draft", "fast-track", "Approved", "Duyệt nhanh"), T("Approved", "note", "Approved", "Ghi chú"), T("Withdrawn", "reopen", "Submitted", "Mở lại")],
        };
        File.WriteAllText(Path.Combine(directory, "proposal-extra.svg"), WorkflowDiagram.Render(extra, "Approved", [("Draft", "fast-track", "Approved")]));
        File.WriteAllText(Path.Combine(directory, "disbursement.svg"), WorkflowDiagram.Render(Disbursement(), "Returned",
            [("Draft", "request", "Requested"), ("Requested", "approve", "Approved"), ("Approved", "refuse", "Returned")]));
        Assert.NotEqual(plain, highlighted);
    }

    private readonly record struct BoxRect(double X, double Y, double W, double H);

    private static BoxRect Box(XElement rect) => new(
        Num(rect, "x"), Num(rect, "y"), Num(rect, "width"), Num(rect, "height"));

    private static double Num(XElement e, string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);

    private static bool Overlaps(BoxRect a, BoxRect b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
}
