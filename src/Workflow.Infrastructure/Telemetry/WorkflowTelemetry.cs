using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Infrastructure.Telemetry;

/// <summary>
/// What an operator on call watches, as OpenTelemetry traces and metrics (docs/operations.md §7): transitions by process
/// and action with their latency, conflicts run again, refusals by rule, the outbox's lag and redeliveries, overdue tasks.
/// One source and one meter, both named <see cref="Name"/>; requests and their errors come from ASP.NET Core's own.
/// </summary>
public static class WorkflowTelemetry
{
    public const string Name = "Workflow";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Transitions fired, by <c>workflow.definition</c>, <c>workflow.action</c> and <c>workflow.outcome</c> (done, refused, conflict, failed).</summary>
    public static readonly Counter<long> Transitions = Meter.CreateCounter<long>("workflow.transitions", "{transition}", "Transitions fired, by process, action and outcome");

    public static readonly Histogram<double> TransitionDuration = Meter.CreateHistogram<double>("workflow.transition.duration", "ms",
        "Time to decide and commit a transition, retries included");

    /// <summary>A transition run again because it lost a race on a row the user did not act on (a balance).</summary>
    public static readonly Counter<long> ConflictsRetried = Meter.CreateCounter<long>("workflow.conflicts.retried", "{retry}", "Transitions run again after a lost race on a shared row");

    /// <summary>Answers that refused a request, by <c>problem.code</c> (the rule or reason) and <c>http.response.status_code</c>.</summary>
    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>("workflow.refusals", "{refusal}", "Requests refused, by rule and status");

    /// <summary>From an event's commit to its publication on the bus.</summary>
    public static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>("workflow.outbox.lag", "s", "Time from an event's commit to its publication");

    /// <summary>Events published again: their first claim lapsed (a server died, or the broker was away).</summary>
    public static readonly Counter<long> OutboxRedeliveries = Meter.CreateCounter<long>("workflow.outbox.redeliveries", "{message}", "Events published on a later attempt");

    /// <summary>Tasks found past their deadline and escalated, by <c>workflow.state</c>.</summary>
    public static readonly Counter<long> TasksOverdue = Meter.CreateCounter<long>("workflow.tasks.overdue", "{task}", "Tasks escalated for being overdue");
}
