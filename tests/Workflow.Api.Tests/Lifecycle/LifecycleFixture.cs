using Workflow.Api.Tests.Infrastructure;
using Workflow.Api.Tests.Workflows;

namespace Workflow.Api.Tests.Lifecycle;

/// <summary>
/// One server on the shipped (version 2) definitions with the demo data, its own database, and a manual clock
/// on Monday 6 May 2024 (09:00 in Vietnam): inside the 2024 plan year, so rule 19 lets it disburse. Each test
/// class that uses it gets its own database.
/// </summary>
public sealed class LifecycleFixture : IDisposable
{
    /// <summary>6 May 2024, 09:00 Vietnam time.</summary>
    public static readonly DateTimeOffset Start = new(2024, 5, 6, 2, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; } = TestDatabase.Create("lifecycle");

    public RuntimeFactory Factory { get; }

    public LifecycleFixture() => Factory = new RuntimeFactory(Database, RuntimeFactory.ShippedWorkflows, new ManualClock(Start));

    public void Dispose()
    {
        Factory.Dispose();
        Database.Dispose();
    }
}
