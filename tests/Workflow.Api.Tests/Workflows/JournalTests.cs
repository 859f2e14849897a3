using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Workflow.Api.Tests.Workflows;

public class JournalTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private RuntimeFactory App => fixture.Factory;

    private async Task<Guid> PlayAsync()
    {
        var instance = await App.StartAsync();
        using var clerk = await App.ClientFor("nongnghiep");
        using var finance = await App.ClientFor("taichinh");
        await clerk.FireOkAsync(instance.Id, "submit");
        await finance.FireOkAsync(instance.Id, "return", "Thiếu danh sách hộ tham gia.");
        await clerk.FireOkAsync(instance.Id, "submit");
        return instance.Id;
    }

    [Fact]
    public async Task Verify_WhenNothingWasTouched_ReportsTheChainIntact()
    {
        await PlayAsync();
        using var admin = await App.ClientFor("admin");

        var report = await admin.GetJsonAsync("/api/audit/verify");

        Assert.True((bool)report["intact"]!, report.ToJsonString());
        Assert.True((int)report["entries"]! >= 4);
    }

    [Fact]
    public async Task Verify_WhenACommentIsEditedInTheDatabase_ReportsThatEntry()
    {
        var instanceId = await PlayAsync();
        await App.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE journal SET \"Comment\" = 'Hồ sơ đầy đủ.' WHERE \"InstanceId\" = {instanceId} AND \"Action\" = 'return'"));
        using var monitor = await App.ClientFor("laodong");

        var report = await monitor.GetJsonAsync("/api/audit/verify?full=true");

        Assert.False((bool)report["intact"]!);
        var broken = report["problems"]!.AsArray().Where(b => (string?)b!["instanceId"] == instanceId.ToString()).ToList();
        Assert.Contains(broken, b => (int)b!["sequence"]! == 2 && (string?)b["code"] == "journal.hash" && ((string)b["message"]!).Contains("đã bị sửa"));
        await RepairAsync(instanceId);
    }

    [Fact]
    public async Task Verify_WhenAnEntryIsDeleted_ReportsTheGap()
    {
        var instanceId = await PlayAsync();
        var removed = await App.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM journal WHERE \"InstanceId\" = {instanceId} AND \"Sequence\" = 1"));
        Assert.Equal(1, removed);
        using var admin = await App.ClientFor("admin");

        var report = await admin.GetJsonAsync("/api/audit/verify?full=true");

        Assert.Contains(report["problems"]!.AsArray(), b => (string?)b!["instanceId"] == instanceId.ToString() && (int)b["sequence"]! == 2);
        await RepairAsync(instanceId);
    }

    [Fact]
    public async Task Verify_WhenCalledByALeadAgencyClerk_IsForbidden()
    {
        using var clerk = await App.ClientFor("nongnghiep");

        using var response = await clerk.GetAsync("/api/audit/verify");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Takes the tampered instance out so the other tests of the class see an intact journal again.</summary>
    private Task RepairAsync(Guid instanceId) => App.DbAsync(async db =>
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM journal WHERE \"InstanceId\" = {instanceId}");
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM workflow_instances WHERE \"Id\" = {instanceId}");
        return 0;
    });
}
