using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Workflows;

/// <summary>Its own server and clock: moving time here must not make other tests' tasks overdue.</summary>
public class DeadlineTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private RuntimeFactory App => fixture.Factory;

    /// <summary>Each call is one server's scan, with its own scope and database connection.</summary>
    private Task<int> ScanAsync() => App.InScopeAsync(s => s.GetRequiredService<DeadlineEscalator>().EscalateOverdueAsync());

    [Fact]
    public async Task EscalateOverdue_WhenThreeServersScanAtOnce_EscalatesTheTaskOnce()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        await clerk.FireOkAsync(instance.Id, "submit");
        var due = await App.DbAsync(db => db.Tasks.Where(t => t.InstanceId == instance.Id && t.ClosedAt == null).Select(t => t.DueAt).SingleAsync());
        Assert.Equal(0, await ScanAsync()); // three working days to go

        App.Clock.Advance(due!.Value - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var escalated = await Task.WhenAll(ScanAsync(), ScanAsync(), ScanAsync());

        Assert.Equal(1, escalated.Sum());
        var messages = await App.DbAsync(db => db.Outbox.Where(m => m.Type == nameof(TaskEscalated)).Select(m => m.Payload).ToListAsync());
        Assert.Single(messages);
        Assert.Contains(instance.Id.ToString(), messages[0]);
        Assert.Equal(0, await ScanAsync());
        Assert.NotNull(await App.DbAsync(db => db.Tasks.Where(t => t.InstanceId == instance.Id && t.ClosedAt == null).Select(t => t.EscalatedAt).SingleAsync()));
    }
}
