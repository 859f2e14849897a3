using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Workflow.Domain.Workflows;

namespace Workflow.Api.Presentation;

/// <summary>
/// Draws a workflow definition as a standalone SVG state diagram, without layout libraries: states in layers by
/// breadth-first distance from the initial state (top to bottom), forward transitions as arrows between layers
/// (long ones routed through the layers in between), transitions back up (e.g. <c>return</c> to Draft) as
/// rounded lanes on the side, transitions within a layer side to side or under the layer. Each state group carries
/// <c>class="state"</c> (<c>"state current"</c> for the current state) and <c>data-state</c>; each transition group
/// <c>class="edge"</c> (<c>"edge taken"</c> when on the path taken), <c>data-action</c>, <c>data-from</c> and <c>data-to</c>.
/// </summary>
public static class WorkflowDiagram
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string FontFamily = "Segoe UI, Roboto, 'Noto Sans', Arial, sans-serif";
    private const double NameFontSize = 13, SubtitleFontSize = 11, LabelFontSize = 12, TitleFontSize = 15;
    private const double NameCharWidth = 7.5, SubtitleCharWidth = 6.4, LabelCharWidth = 6.9, TitleCharWidth = 8.8;
    private const double BoxPaddingX = 16, BoxMinWidth = 96, BoxHeightPlain = 34, BoxHeightWithSubtitle = 50;
    private const double NodeGap = 56, VirtualWidth = 14, LayerGap = 84, SlotSpacing = 13;
    private const double LabelHeight = 16, LabelPaddingX = 6, LaneSpacing = 16, CornerRadius = 10;
    private const double Margin = 20, HeaderHeight = 34;

    private const string StateFill = "#f8fafc", StateStroke = "#475569", TerminalFill = "#f1f5f9";
    private const string CurrentFill = "#fde68a", CurrentStroke = "#b45309";
    private const string EdgeStroke = "#64748b", TakenStroke = "#2563eb", LabelText = "#334155", TakenLabelText = "#1d4ed8";

    public static string Render(
        WorkflowDefinition definition,
        string? currentState = null,
        IReadOnlyList<(string From, string Action, string To)>? pathTaken = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var layout = new Layout(definition, pathTaken ?? []);
        layout.Run();
        return Emit(definition, layout, currentState);
    }

    // ---------------------------------------------------------------- model

    private sealed class Node
    {
        public required int Layer { get; init; }
        public StateDefinition? State { get; init; }
        public int DefinitionIndex { get; init; }
        public double Order { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public double X { get; set; } // centre
        public double Top { get; set; }
        public string? Subtitle { get; set; }
        public List<Node> Predecessors { get; } = [];
        public List<Node> Successors { get; } = [];
        public bool IsVirtual => State is null;
        public double Left => X - Width / 2;
        public double Right => X + Width / 2;
        public double Bottom => Top + Height;
        public double CenterY => Top + Height / 2;
    }

    private enum EdgeKind { Forward, Back, SameLayerAdjacent, SameLayerUnder, SelfLoop }

    private enum Side { Top, Bottom, Left, Right }

    private sealed class Edge
    {
        public required TransitionDefinition Transition { get; init; }
        public required Node Source { get; init; }
        public required Node Target { get; init; }
        public required bool Taken { get; init; }
        public EdgeKind Kind { get; set; }
        public List<Node> Chain { get; } = []; // forward: source, virtual nodes..., target
        public double LabelWidth { get; set; }
        public string PathData { get; set; } = "";
        public List<Point> Polyline { get; } = [];
        public List<Point> PreferredLabelPoints { get; } = [];
        public Rect LabelRect { get; set; }

        // back edges and under-routes
        public bool LeftLane { get; set; }
        public int Lane { get; set; }
        public double LaneX { get; set; }
        public bool DirectExit { get; set; }
        public bool DirectEntry { get; set; }
        public double ExitSlotY { get; set; }
        public double EntrySlotY { get; set; }
        public int ExitSlot { get; set; }
        public int EntrySlot { get; set; }

        public Dictionary<(Node, Side), Point> Attach { get; } = [];
    }

    private readonly record struct Point(double X, double Y);

    private readonly record struct Rect(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;
        public double Bottom => Y + Height;

        public double Overlap(Rect other)
        {
            var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
            var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
            return w > 0 && h > 0 ? w * h : 0;
        }

        public Rect Inflate(double by) => new(X - by, Y - by, Width + 2 * by, Height + 2 * by);

        public bool Intersects(Point a, Point b)
        {
            // Liang–Barsky clipping of segment ab against this rectangle.
            double t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
            foreach (var (p, q) in new[] { (-dx, a.X - X), (dx, Right - a.X), (-dy, a.Y - Y), (dy, Bottom - a.Y) })
            {
                if (p == 0)
                {
                    if (q < 0) return false;
                    continue;
                }
                var r = q / p;
                if (p < 0) t0 = Math.Max(t0, r);
                else t1 = Math.Min(t1, r);
                if (t0 > t1) return false;
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- layout

    private sealed class Layout(WorkflowDefinition definition, IReadOnlyList<(string From, string Action, string To)> pathTaken)
    {
        public List<List<Node>> Layers { get; } = [];
        public Dictionary<string, Node> Nodes { get; } = [];
        public List<Edge> Edges { get; } = [];
        public List<double> GapHeights { get; } = [];
        public Rect Bounds { get; private set; }

        private readonly List<int> topSlots = [];
        private readonly List<int> bottomSlots = [];

        public void Run()
        {
            AssignLayers();
            BuildEdges();
            Order();
            Size();
            PlaceX();
            PlanSideRoutes();
            PlaceY();
            Route();
            PlaceLabels();
            Bounds = ComputeBounds();
        }

        private void AssignLayers()
        {
            var distance = new Dictionary<string, int>();
            var names = definition.States.Select(s => s.Name).ToHashSet();
            var start = names.Contains(definition.InitialState) ? definition.InitialState : definition.States.FirstOrDefault()?.Name;
            if (start is not null)
            {
                distance[start] = 0;
                var queue = new Queue<string>([start]);
                while (queue.Count > 0)
                {
                    var state = queue.Dequeue();
                    foreach (var t in definition.Transitions.Where(t => t.From == state && names.Contains(t.To)))
                    {
                        if (distance.ContainsKey(t.To)) continue;
                        distance[t.To] = distance[state] + 1;
                        queue.Enqueue(t.To);
                    }
                }
            }
            var unreachedLayer = distance.Count == 0 ? 0 : distance.Values.Max() + 1;
            for (var i = 0; i < definition.States.Count; i++)
            {
                var state = definition.States[i];
                if (Nodes.ContainsKey(state.Name)) continue; // a duplicate name is drawn once
                var layer = distance.TryGetValue(state.Name, out var d) ? d : unreachedLayer;
                var node = new Node { Layer = layer, State = state, DefinitionIndex = i };
                Nodes[state.Name] = node;
                LayerList(layer).Add(node);
            }
        }

        private List<Node> LayerList(int layer)
        {
            while (Layers.Count <= layer) Layers.Add([]);
            return Layers[layer];
        }

        private void BuildEdges()
        {
            var taken = pathTaken.ToHashSet();
            foreach (var t in definition.Transitions)
            {
                if (!Nodes.TryGetValue(t.From, out var source) || !Nodes.TryGetValue(t.To, out var target)) continue;
                var edge = new Edge { Transition = t, Source = source, Target = target, Taken = taken.Contains((t.From, t.Action, t.To)) };
                edge.LabelWidth = TextWidth(t.DiagramLabel, LabelCharWidth) + 2 * LabelPaddingX;
                if (source == target) edge.Kind = EdgeKind.SelfLoop;
                else if (target.Layer > source.Layer)
                {
                    edge.Kind = EdgeKind.Forward;
                    edge.Chain.Add(source);
                    var previous = source;
                    for (var layer = source.Layer + 1; layer < target.Layer; layer++)
                    {
                        var v = new Node { Layer = layer, DefinitionIndex = target.DefinitionIndex, Width = VirtualWidth };
                        LayerList(layer).Add(v);
                        Link(previous, v);
                        edge.Chain.Add(v);
                        previous = v;
                    }
                    Link(previous, target);
                    edge.Chain.Add(target);
                }
                else if (target.Layer == source.Layer) edge.Kind = EdgeKind.SameLayerUnder; // refined after ordering
                else edge.Kind = EdgeKind.Back;
                Edges.Add(edge);
            }
        }

        private static void Link(Node from, Node to)
        {
            from.Successors.Add(to);
            to.Predecessors.Add(from);
        }

        /// <summary>Barycentre ordering: down, up, down sweeps; ties keep the definition's order.</summary>
        private void Order()
        {
            foreach (var layer in Layers)
            {
                layer.Sort((a, b) => a.DefinitionIndex.CompareTo(b.DefinitionIndex));
                Renumber(layer);
            }
            for (var sweep = 0; sweep < 3; sweep++)
            {
                var down = sweep % 2 == 0;
                var range = down ? Enumerable.Range(1, Math.Max(0, Layers.Count - 1)) : Enumerable.Range(0, Math.Max(0, Layers.Count - 1)).Reverse();
                foreach (var i in range)
                {
                    var layer = Layers[i];
                    var keys = layer.ToDictionary(n => n, n =>
                    {
                        var neighbours = down ? n.Predecessors : n.Successors;
                        return neighbours.Count == 0 ? n.Order : neighbours.Average(m => m.Order);
                    });
                    var sorted = layer.OrderBy(n => keys[n]).ThenBy(n => n.DefinitionIndex).ThenBy(n => n.Order).ToList();
                    layer.Clear();
                    layer.AddRange(sorted);
                    Renumber(layer);
                }
            }
        }

        private static void Renumber(List<Node> layer)
        {
            for (var i = 0; i < layer.Count; i++) layer[i].Order = i;
        }

        private void Size()
        {
            foreach (var node in Nodes.Values)
            {
                var state = node.State!;
                var task = state.Task;
                if (task is not null)
                    // the role as officials call it ("Phòng Tài chính - Kế hoạch"), never the definition's identifier
                    node.Subtitle = task.DeadlineDays is { } days ? $"{Pages.Fmt.Role(task.Role)} · {days} ngày làm việc" : Pages.Fmt.Role(task.Role);
                var width = TextWidth(state.DisplayName, NameCharWidth);
                if (node.Subtitle is not null) width = Math.Max(width, TextWidth(node.Subtitle, SubtitleCharWidth));
                node.Width = Math.Max(BoxMinWidth, width + 2 * BoxPaddingX + (state.Terminal ? 6 : 0));
                node.Height = node.Subtitle is null ? BoxHeightPlain : BoxHeightWithSubtitle;
            }
            foreach (var edge in Edges.Where(e => e.Kind == EdgeKind.SameLayerUnder))
            {
                if (Math.Abs(edge.Source.Order - edge.Target.Order) == 1) edge.Kind = EdgeKind.SameLayerAdjacent;
            }
        }

        private double Separation(Node left, Node right)
        {
            if (left.IsVirtual || right.IsVirtual) return left.IsVirtual && right.IsVirtual ? 12 : 28;
            var gap = NodeGap;
            foreach (var e in Edges.Where(e => e.Kind == EdgeKind.SameLayerAdjacent
                && ((e.Source == left && e.Target == right) || (e.Source == right && e.Target == left))))
                gap = Math.Max(gap, e.LabelWidth + 36);
            if (Edges.Any(e => e.Kind == EdgeKind.SelfLoop && e.Source == left)) gap = Math.Max(gap, 60 + Edges.Where(e => e.Kind == EdgeKind.SelfLoop && e.Source == left).Max(e => e.LabelWidth));
            return gap;
        }

        /// <summary>
        /// Each node wants to sit under the mean of its predecessors. In each layer the node that starts the longest
        /// forward run (the process's main line) gets its wish exactly; its neighbours are pushed outwards as far as
        /// needed to keep them apart, so the main line comes out straight.
        /// </summary>
        private void PlaceX()
        {
            var reach = new Dictionary<Node, int>();
            int Reach(Node n) => reach.TryGetValue(n, out var r) ? r : reach[n] = n.Successors.Count == 0 ? 0 : 1 + n.Successors.Max(Reach);
            for (var i = 0; i < Layers.Count; i++)
            {
                var layer = Layers[i];
                if (layer.Count == 0) continue;
                var desired = layer.Select(n => i > 0 && n.Predecessors.Count > 0 ? n.Predecessors.Average(p => p.X) : double.NaN).ToArray();
                var anchored = Enumerable.Range(0, layer.Count).Where(k => !double.IsNaN(desired[k])).ToList();
                var anchor = anchored.Count == 0 ? 0 : anchored.OrderByDescending(k => Reach(layer[k])).ThenBy(k => k).First();
                var x = new double[layer.Count];
                x[anchor] = double.IsNaN(desired[anchor]) ? 0 : desired[anchor];
                for (var k = anchor + 1; k < layer.Count; k++)
                {
                    var min = x[k - 1] + layer[k - 1].Width / 2 + Separation(layer[k - 1], layer[k]) + layer[k].Width / 2;
                    x[k] = double.IsNaN(desired[k]) ? min : Math.Max(desired[k], min);
                }
                for (var k = anchor - 1; k >= 0; k--)
                {
                    var max = x[k + 1] - layer[k + 1].Width / 2 - Separation(layer[k], layer[k + 1]) - layer[k].Width / 2;
                    x[k] = double.IsNaN(desired[k]) ? max : Math.Min(desired[k], max);
                }
                for (var k = 0; k < layer.Count; k++) layer[k].X = x[k];
            }
        }

        /// <summary>Chooses the side and lane of each back edge and the slots (horizontal runs in the gaps between layers) that detours use.</summary>
        private void PlanSideRoutes()
        {
            for (var i = 0; i < Layers.Count; i++)
            {
                topSlots.Add(0);
                bottomSlots.Add(0);
            }
            var back = Edges.Where(e => e.Kind == EdgeKind.Back).ToList();
            var all = Layers.SelectMany(l => l).ToList();
            var minLeft = all.Count == 0 ? 0 : all.Min(n => n.Left);
            var maxRight = all.Count == 0 ? 0 : all.Max(n => n.Right);
            foreach (var e in back)
            {
                var sourceLayer = Layers[e.Source.Layer];
                var targetLayer = Layers[e.Target.Layer];
                // Go round the side that needs less sideways travel and fewer detours through the gaps.
                var leftCost = e.Source.X - minLeft + e.Target.X - minLeft
                    + (sourceLayer[0] == e.Source ? 0 : 120) + (targetLayer[0] == e.Target ? 0 : 120);
                var rightCost = maxRight - e.Source.X + maxRight - e.Target.X
                    + (sourceLayer[^1] == e.Source ? 0 : 120) + (targetLayer[^1] == e.Target ? 0 : 120);
                e.LeftLane = leftCost <= rightCost;
                e.DirectExit = e.LeftLane ? sourceLayer[0] == e.Source : sourceLayer[^1] == e.Source;
                e.DirectEntry = e.LeftLane ? targetLayer[0] == e.Target : targetLayer[^1] == e.Target;
                if (!e.DirectExit) e.ExitSlot = bottomSlots[e.Source.Layer - 1]++;
                if (!e.DirectEntry) e.EntrySlot = topSlots[e.Target.Layer]++;
            }
            foreach (var left in new[] { true, false })
            {
                var lane = 0;
                foreach (var e in back.Where(e => e.LeftLane == left)
                    .OrderBy(e => e.Source.Layer - e.Target.Layer).ThenBy(e => left ? -e.Source.X : e.Source.X).ThenBy(e => e.Source.Layer))
                    e.Lane = lane++;
            }
            foreach (var e in Edges.Where(e => e.Kind == EdgeKind.SameLayerUnder)) e.ExitSlot = topSlots[e.Source.Layer]++;
        }

        private void PlaceY()
        {
            var top = 0.0;
            for (var i = 0; i < Layers.Count; i++)
            {
                var layer = Layers[i];
                var height = layer.Where(n => !n.IsVirtual).Select(n => n.Height).DefaultIfEmpty(BoxHeightPlain).Max();
                foreach (var node in layer)
                {
                    if (node.IsVirtual)
                    {
                        node.Top = top;
                        node.Height = height;
                    }
                    else node.Top = top + (height - node.Height) / 2;
                }
                var slots = topSlots[i] + bottomSlots[i];
                var gap = i == Layers.Count - 1 ? (slots > 0 ? 16 + slots * SlotSpacing : 0) : LayerGap + slots * SlotSpacing;
                GapHeights.Add(gap);
                var gapTop = top + height;
                foreach (var e in Edges)
                {
                    if (e.Kind == EdgeKind.Back && !e.DirectExit && e.Source.Layer - 1 == i) e.ExitSlotY = gapTop + gap - SlotSpacing * (e.ExitSlot + 1);
                    if (e.Kind == EdgeKind.Back && !e.DirectEntry && e.Target.Layer == i) e.EntrySlotY = gapTop + SlotSpacing * (e.EntrySlot + 1);
                    if (e.Kind == EdgeKind.SameLayerUnder && e.Source.Layer == i) e.ExitSlotY = gapTop + SlotSpacing * (e.ExitSlot + 1);
                }
                top = gapTop + gap;
            }
        }

        private void Route()
        {
            var all = Layers.SelectMany(l => l).ToList();
            var back = Edges.Where(e => e.Kind == EdgeKind.Back).ToList();
            if (back.Count > 0)
            {
                var minLeft = all.Min(n => n.Left);
                var maxRight = all.Max(n => n.Right);
                var leftArea = back.Where(e => e.LeftLane && e.DirectExit).Select(e => e.LabelWidth + 24).DefaultIfEmpty(28).Max();
                var rightArea = back.Where(e => !e.LeftLane && e.DirectExit).Select(e => e.LabelWidth + 24).DefaultIfEmpty(28).Max();
                foreach (var e in back)
                    e.LaneX = e.LeftLane ? minLeft - leftArea - e.Lane * LaneSpacing : maxRight + rightArea + e.Lane * LaneSpacing;
            }

            AssignAttachPoints();

            foreach (var e in Edges)
            {
                switch (e.Kind)
                {
                    case EdgeKind.Forward: RouteForward(e); break;
                    case EdgeKind.Back: RouteBack(e); break;
                    case EdgeKind.SameLayerAdjacent: RouteAdjacent(e); break;
                    case EdgeKind.SameLayerUnder: RouteUnder(e); break;
                    case EdgeKind.SelfLoop: RouteSelfLoop(e); break;
                }
            }
        }

        /// <summary>Spreads the ends of several edges meeting one side of a box so they do not share a point; the order avoids crossings.</summary>
        private void AssignAttachPoints()
        {
            var items = new Dictionary<(Node, Side), List<(Edge Edge, double Key)>>();
            void Add(Node n, Side side, Edge e, double key)
            {
                if (!items.TryGetValue((n, side), out var list)) items[(n, side)] = list = [];
                list.Add((e, key));
            }

            foreach (var e in Edges)
            {
                switch (e.Kind)
                {
                    case EdgeKind.Forward:
                        Add(e.Source, Side.Bottom, e, e.Chain[1].X);
                        Add(e.Target, Side.Top, e, e.Chain[^2].X);
                        break;
                    case EdgeKind.Back:
                        var outward = e.LeftLane ? -1e6 : 1e6;
                        var lane = e.LeftLane ? e.Lane : -e.Lane;
                        // Left side, top to bottom: exits inner→outer, then entries outer→inner (mirrored on the right).
                        if (e.DirectExit) Add(e.Source, e.LeftLane ? Side.Left : Side.Right, e, e.Lane);
                        else Add(e.Source, Side.Top, e, outward + lane);
                        if (e.DirectEntry) Add(e.Target, e.LeftLane ? Side.Left : Side.Right, e, 1e6 - e.Lane);
                        else Add(e.Target, Side.Bottom, e, outward - lane);
                        break;
                    case EdgeKind.SameLayerAdjacent:
                        var sourceIsLeft = e.Source.X < e.Target.X;
                        Add(e.Source, sourceIsLeft ? Side.Right : Side.Left, e, Edges.IndexOf(e));
                        Add(e.Target, sourceIsLeft ? Side.Left : Side.Right, e, Edges.IndexOf(e));
                        break;
                    case EdgeKind.SameLayerUnder:
                        Add(e.Source, Side.Bottom, e, e.Target.X > e.Source.X ? 1e6 - e.ExitSlot : -1e6 + e.ExitSlot);
                        Add(e.Target, Side.Bottom, e, e.Source.X > e.Target.X ? 1e6 - e.ExitSlot : -1e6 + e.ExitSlot);
                        break;
                }
            }

            foreach (var ((node, side), list) in items)
            {
                var sorted = list.OrderBy(i => i.Key).ToList();
                var n = sorted.Count;
                for (var k = 0; k < n; k++)
                {
                    Point p;
                    if (side is Side.Top or Side.Bottom)
                    {
                        var span = Math.Min(node.Width - 2 * CornerRadius, (n - 1) * 26.0);
                        var x = n == 1 ? node.X : node.X - span / 2 + k * span / (n - 1);
                        p = new Point(x, side == Side.Top ? node.Top : node.Bottom);
                    }
                    else
                    {
                        var y = node.Top + node.Height * (k + 1) / (n + 1);
                        p = new Point(side == Side.Left ? node.Left : node.Right, y);
                    }
                    sorted[k].Edge.Attach[(node, side)] = p;
                }
            }
        }

        private static void RouteForward(Edge e)
        {
            var start = e.Attach[(e.Source, Side.Bottom)];
            var end = e.Attach[(e.Target, Side.Top)];
            var points = new List<Point> { start };
            foreach (var v in e.Chain.Skip(1).Take(e.Chain.Count - 2))
            {
                points.Add(new Point(v.X, v.Top));
                points.Add(new Point(v.X, v.Bottom));
            }
            points.Add(end);
            var path = new StringBuilder($"M{F(start.X)},{F(start.Y)}");
            e.Polyline.Add(start);
            for (var i = 0; i + 1 < points.Count; i += 2)
            {
                var a = points[i];
                var b = points[i + 1];
                var dy = (b.Y - a.Y) / 2;
                var c1 = new Point(a.X, a.Y + dy);
                var c2 = new Point(b.X, b.Y - dy);
                path.Append($" C{F(c1.X)},{F(c1.Y)} {F(c2.X)},{F(c2.Y)} {F(b.X)},{F(b.Y)}");
                for (var s = 1; s <= 16; s++) e.Polyline.Add(Bezier(a, c1, c2, b, s / 16.0));
                if (i + 2 < points.Count)
                {
                    path.Append($" L{F(points[i + 2].X)},{F(points[i + 2].Y)}");
                    e.Polyline.Add(points[i + 2]);
                }
            }
            e.PathData = path.ToString();
            // Prefer the first span (between the source and the next layer).
            var first = e.Polyline.Take(17).ToList();
            foreach (var t in new[] { 0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78 }) e.PreferredLabelPoints.Add(Along(first, t));
        }

        private static void RouteBack(Edge e)
        {
            var points = new List<Point>();
            var exitSide = e.LeftLane ? Side.Left : Side.Right;
            if (e.DirectExit)
            {
                var p = e.Attach[(e.Source, exitSide)];
                points.Add(p);
                points.Add(new Point(e.LaneX, p.Y));
                var d = e.LeftLane ? -1 : 1;
                var near = new Point(p.X + d * (12 + e.LabelWidth / 2), p.Y);
                e.PreferredLabelPoints.Add(near);
                e.PreferredLabelPoints.Add(near with { X = near.X + d * (e.LabelWidth + 8) });
                e.PreferredLabelPoints.Add(new Point((p.X + e.LaneX) / 2, p.Y));
            }
            else
            {
                var p = e.Attach[(e.Source, Side.Top)];
                points.Add(p);
                points.Add(new Point(p.X, e.ExitSlotY));
                points.Add(new Point(e.LaneX, e.ExitSlotY));
                foreach (var t in new[] { 0.2, 0.35, 0.5, 0.65, 0.8 })
                    e.PreferredLabelPoints.Add(new Point(p.X + (e.LaneX - p.X) * t, e.ExitSlotY));
            }
            if (e.DirectEntry)
            {
                var q = e.Attach[(e.Target, exitSide)];
                points.Add(new Point(e.LaneX, q.Y));
                points.Add(q);
            }
            else
            {
                var q = e.Attach[(e.Target, Side.Bottom)];
                points.Add(new Point(e.LaneX, e.EntrySlotY));
                points.Add(new Point(q.X, e.EntrySlotY));
                points.Add(q);
            }
            SetRounded(e, points);
        }

        private static void RouteAdjacent(Edge e)
        {
            var sourceIsLeft = e.Source.X < e.Target.X;
            var a = e.Attach[(e.Source, sourceIsLeft ? Side.Right : Side.Left)];
            var b = e.Attach[(e.Target, sourceIsLeft ? Side.Left : Side.Right)];
            var y = (a.Y + b.Y) / 2;
            a = a with { Y = y };
            b = b with { Y = y };
            SetRounded(e, [a, b]);
            e.PreferredLabelPoints.Add(new Point((a.X + b.X) / 2, y));
        }

        private static void RouteUnder(Edge e)
        {
            var a = e.Attach[(e.Source, Side.Bottom)];
            var b = e.Attach[(e.Target, Side.Bottom)];
            SetRounded(e, [a, new Point(a.X, e.ExitSlotY), new Point(b.X, e.ExitSlotY), b]);
            foreach (var t in new[] { 0.5, 0.35, 0.65, 0.2, 0.8 })
                e.PreferredLabelPoints.Add(new Point(a.X + (b.X - a.X) * t, e.ExitSlotY));
        }

        private static void RouteSelfLoop(Edge e)
        {
            var n = e.Source;
            var a = new Point(n.Right, n.CenterY - 8);
            var b = new Point(n.Right, n.CenterY + 8);
            var c1 = new Point(n.Right + 48, n.CenterY - 34);
            var c2 = new Point(n.Right + 48, n.CenterY + 34);
            e.PathData = $"M{F(a.X)},{F(a.Y)} C{F(c1.X)},{F(c1.Y)} {F(c2.X)},{F(c2.Y)} {F(b.X)},{F(b.Y)}";
            for (var s = 0; s <= 16; s++) e.Polyline.Add(Bezier(a, c1, c2, b, s / 16.0));
            e.PreferredLabelPoints.Add(new Point(n.Right + 42 + e.LabelWidth / 2, n.CenterY));
        }

        private static void SetRounded(Edge e, List<Point> points)
        {
            // Drop repeated points (e.g. a lane that starts at the exit height).
            var clean = new List<Point>();
            foreach (var p in points)
            {
                if (clean.Count == 0 || Math.Abs(clean[^1].X - p.X) > 0.01 || Math.Abs(clean[^1].Y - p.Y) > 0.01) clean.Add(p);
            }
            e.Polyline.AddRange(clean);
            var path = new StringBuilder($"M{F(clean[0].X)},{F(clean[0].Y)}");
            for (var i = 1; i < clean.Count; i++)
            {
                var p = clean[i];
                if (i == clean.Count - 1)
                {
                    path.Append($" L{F(p.X)},{F(p.Y)}");
                    break;
                }
                var prev = clean[i - 1];
                var next = clean[i + 1];
                var r = Math.Min(CornerRadius, Math.Min(Distance(prev, p), Distance(p, next)) / 2);
                var before = Toward(p, prev, r);
                var after = Toward(p, next, r);
                path.Append($" L{F(before.X)},{F(before.Y)} Q{F(p.X)},{F(p.Y)} {F(after.X)},{F(after.Y)}");
            }
            e.PathData = path.ToString();
        }

        /// <summary>Puts each label where it covers the fewest boxes, other labels and other edges' lines, preferring the edge's own preferred points.</summary>
        private void PlaceLabels()
        {
            var boxes = Nodes.Values.Select(n => new Rect(n.Left, n.Top, n.Width, n.Height).Inflate(4)).ToList();
            var placed = new List<Rect>();
            var ordered = Edges.OrderBy(e => e.Kind switch
            {
                EdgeKind.SameLayerAdjacent => 0,
                EdgeKind.SelfLoop => 1,
                EdgeKind.Forward => 2,
                _ => 3,
            }).ToList();
            foreach (var e in ordered)
            {
                var candidates = new List<Point>(e.PreferredLabelPoints);
                foreach (var t in new[] { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88 }) candidates.Add(Along(e.Polyline, t));
                Rect best = default;
                var bestCost = double.PositiveInfinity;
                for (var i = 0; i < candidates.Count; i++)
                {
                    var c = candidates[i];
                    var rect = new Rect(c.X - e.LabelWidth / 2, c.Y - LabelHeight / 2, e.LabelWidth, LabelHeight);
                    var cost = i * 0.5;
                    cost += boxes.Sum(b => b.Overlap(rect)) * 100;
                    cost += placed.Sum(p => p.Overlap(rect)) * 20;
                    foreach (var other in Edges)
                    {
                        if (other == e) continue;
                        for (var k = 0; k + 1 < other.Polyline.Count; k++)
                        {
                            if (rect.Intersects(other.Polyline[k], other.Polyline[k + 1]))
                            {
                                cost += 40;
                                break;
                            }
                        }
                    }
                    if (cost < bestCost)
                    {
                        bestCost = cost;
                        best = rect;
                    }
                }
                e.LabelRect = best;
                placed.Add(best);
            }
        }

        private Rect ComputeBounds()
        {
            double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
            void Include(double x, double y)
            {
                minX = Math.Min(minX, x);
                minY = Math.Min(minY, y);
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
            }
            foreach (var n in Nodes.Values)
            {
                Include(n.Left, n.Top);
                Include(n.Right, n.Bottom);
            }
            foreach (var e in Edges)
            {
                foreach (var p in e.Polyline) Include(p.X, p.Y);
                Include(e.LabelRect.X, e.LabelRect.Y);
                Include(e.LabelRect.Right, e.LabelRect.Bottom);
            }
            if (double.IsInfinity(minX)) return new Rect(0, 0, 200, 40);
            return new Rect(minX, minY, maxX - minX, maxY - minY);
        }
    }

    // ---------------------------------------------------------------- output

    private static string Emit(WorkflowDefinition definition, Layout layout, string? currentState)
    {
        var markerId = "wf-arrow-" + SafeId(definition.Id);
        var takenMarkerId = markerId + "-taken";
        var title = Clean(definition.DisplayName);
        var bounds = layout.Bounds;
        var width = Math.Max(bounds.Width, TextWidth(title, TitleCharWidth)) + 2 * Margin;
        var height = bounds.Height + 2 * Margin + HeaderHeight;
        var dx = Margin - bounds.X;
        var dy = Margin + HeaderHeight - bounds.Y;

        var svg = new XElement(Svg + "svg",
            new XAttribute("width", F(width)),
            new XAttribute("height", F(height)),
            new XAttribute("viewBox", $"0 0 {F(width)} {F(height)}"),
            new XAttribute("font-family", FontFamily),
            new XAttribute("class", "workflow-diagram"),
            new XAttribute("data-workflow", Clean(definition.Id)),
            new XElement(Svg + "title", title),
            new XElement(Svg + "defs",
                Marker(markerId, EdgeStroke),
                Marker(takenMarkerId, TakenStroke)),
            new XElement(Svg + "rect",
                new XAttribute("width", F(width)), new XAttribute("height", F(height)), new XAttribute("fill", "#ffffff")),
            new XElement(Svg + "text",
                new XAttribute("class", "diagram-title"),
                new XAttribute("x", F(Margin)), new XAttribute("y", F(Margin + TitleFontSize)),
                new XAttribute("font-size", F(TitleFontSize)), new XAttribute("font-weight", "600"), new XAttribute("fill", "#0f172a"),
                title));

        var content = new XElement(Svg + "g", new XAttribute("transform", $"translate({F(dx)},{F(dy)})"));
        svg.Add(content);

        // Plain edges first, taken edges over them, boxes over all lines; labels avoid boxes.
        foreach (var e in layout.Edges.OrderBy(e => e.Taken))
        {
            var t = e.Transition;
            var group = new XElement(Svg + "g",
                new XAttribute("class", e.Taken ? "edge taken" : "edge"),
                new XAttribute("data-action", Clean(t.Action)),
                new XAttribute("data-from", Clean(t.From)),
                new XAttribute("data-to", Clean(t.To)),
                // the tooltip a person reads names the states as the boxes do; data-from/data-to keep the identifiers for scripts
                new XElement(Svg + "title", Clean($"{t.DiagramLabel} ({definition.FindState(t.From)?.DisplayName ?? t.From} → {definition.FindState(t.To)?.DisplayName ?? t.To})")),
                new XElement(Svg + "path",
                    new XAttribute("d", e.PathData),
                    new XAttribute("fill", "none"),
                    new XAttribute("stroke", e.Taken ? TakenStroke : EdgeStroke),
                    new XAttribute("stroke-width", e.Taken ? "3" : "1.5"),
                    new XAttribute("marker-end", $"url(#{(e.Taken ? takenMarkerId : markerId)})")),
                new XElement(Svg + "rect",
                    new XAttribute("class", "edge-label-bg"),
                    new XAttribute("x", F(e.LabelRect.X)), new XAttribute("y", F(e.LabelRect.Y)),
                    new XAttribute("width", F(e.LabelRect.Width)), new XAttribute("height", F(e.LabelRect.Height)),
                    new XAttribute("rx", "3"), new XAttribute("fill", "#ffffff"), new XAttribute("fill-opacity", "0.92")),
                new XElement(Svg + "text",
                    new XAttribute("class", "edge-label"),
                    new XAttribute("x", F(e.LabelRect.X + e.LabelRect.Width / 2)),
                    new XAttribute("y", F(e.LabelRect.Y + e.LabelRect.Height / 2 + LabelFontSize * 0.35)),
                    new XAttribute("text-anchor", "middle"),
                    new XAttribute("font-size", F(LabelFontSize)),
                    new XAttribute("fill", e.Taken ? TakenLabelText : LabelText),
                    e.Taken ? new XAttribute("font-weight", "600") : null,
                    Clean(t.DiagramLabel)));
            content.Add(group);
        }

        foreach (var node in layout.Nodes.Values.OrderBy(n => n.DefinitionIndex))
        {
            var state = node.State!;
            var current = state.Name == currentState;
            var fill = current ? CurrentFill : state.Terminal ? TerminalFill : StateFill;
            var stroke = current ? CurrentStroke : StateStroke;
            var group = new XElement(Svg + "g",
                new XAttribute("class", "state" + (state.Terminal ? " terminal" : "") + (current ? " current" : "")),
                new XAttribute("data-state", Clean(state.Name)),
                new XElement(Svg + "title", Clean(node.Subtitle is null ? state.DisplayName : $"{state.DisplayName} — {node.Subtitle}")),
                new XElement(Svg + "rect",
                    new XAttribute("x", F(node.Left)), new XAttribute("y", F(node.Top)),
                    new XAttribute("width", F(node.Width)), new XAttribute("height", F(node.Height)),
                    new XAttribute("rx", "8"), new XAttribute("fill", fill),
                    new XAttribute("stroke", stroke), new XAttribute("stroke-width", current ? "3" : "1.5")));
            if (state.Terminal)
            {
                group.Add(new XElement(Svg + "rect",
                    new XAttribute("x", F(node.Left + 4)), new XAttribute("y", F(node.Top + 4)),
                    new XAttribute("width", F(node.Width - 8)), new XAttribute("height", F(node.Height - 8)),
                    new XAttribute("rx", "5"), new XAttribute("fill", "none"),
                    new XAttribute("stroke", stroke), new XAttribute("stroke-width", current ? "2" : "1.2")));
            }
            var nameY = node.Subtitle is null ? node.CenterY + NameFontSize * 0.35 : node.Top + 21;
            group.Add(new XElement(Svg + "text",
                new XAttribute("class", "state-name"),
                new XAttribute("x", F(node.X)), new XAttribute("y", F(nameY)),
                new XAttribute("text-anchor", "middle"), new XAttribute("font-size", F(NameFontSize)),
                new XAttribute("font-weight", "600"), new XAttribute("fill", "#0f172a"),
                Clean(state.DisplayName)));
            if (node.Subtitle is not null)
            {
                group.Add(new XElement(Svg + "text",
                    new XAttribute("class", "state-task"),
                    new XAttribute("x", F(node.X)), new XAttribute("y", F(node.Top + 38)),
                    new XAttribute("text-anchor", "middle"), new XAttribute("font-size", F(SubtitleFontSize)),
                    new XAttribute("fill", "#475569"),
                    Clean(node.Subtitle)));
            }
            content.Add(group);
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.ToString();
    }

    private static XElement Marker(string id, string color) =>
        new(Svg + "marker",
            new XAttribute("id", id),
            new XAttribute("viewBox", "0 0 10 10"),
            new XAttribute("refX", "10"), new XAttribute("refY", "5"),
            new XAttribute("markerWidth", "10"), new XAttribute("markerHeight", "10"),
            new XAttribute("markerUnits", "userSpaceOnUse"),
            new XAttribute("orient", "auto-start-reverse"),
            new XElement(Svg + "path", new XAttribute("d", "M0,0 L10,5 L0,10 z"), new XAttribute("fill", color)));

    // ---------------------------------------------------------------- helpers

    private static double TextWidth(string text, double charWidth) => Clean(text).Length * charWidth;

    /// <summary>Removes characters XML cannot carry (control characters); XElement escapes the rest.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlCharOk(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool XmlCharOk(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    private static string SafeId(string id)
    {
        var builder = new StringBuilder();
        foreach (var c in id) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return builder.ToString();
    }

    private static string F(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static double Distance(Point a, Point b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    private static Point Toward(Point from, Point to, double distance)
    {
        var d = Distance(from, to);
        return d == 0 ? from : new Point(from.X + (to.X - from.X) * distance / d, from.Y + (to.Y - from.Y) * distance / d);
    }

    private static Point Bezier(Point a, Point b, Point c, Point d, double t)
    {
        var u = 1 - t;
        return new Point(
            u * u * u * a.X + 3 * u * u * t * b.X + 3 * u * t * t * c.X + t * t * t * d.X,
            u * u * u * a.Y + 3 * u * u * t * b.Y + 3 * u * t * t * c.Y + t * t * t * d.Y);
    }

    /// <summary>The point at fraction <paramref name="t"/> of the polyline's length.</summary>
    private static Point Along(IReadOnlyList<Point> polyline, double t)
    {
        if (polyline.Count == 0) return new Point(0, 0);
        if (polyline.Count == 1) return polyline[0];
        var total = 0.0;
        for (var i = 0; i + 1 < polyline.Count; i++) total += Distance(polyline[i], polyline[i + 1]);
        var target = total * t;
        for (var i = 0; i + 1 < polyline.Count; i++)
        {
            var d = Distance(polyline[i], polyline[i + 1]);
            if (target <= d) return d == 0 ? polyline[i] : Toward(polyline[i], polyline[i + 1], target);
            target -= d;
        }
        return polyline[^1];
    }
}
