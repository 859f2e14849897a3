using System.Text.Json.Nodes;
using Workflow.Api.Tests.Workflows;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Audit;

/// <summary>
/// The journal key as an operator meets it: the program refuses to run without one, or outside Development with the one
/// published in the shipped settings, naming the setting; <c>journal checkpoint</c> and <c>journal verify --checkpoint</c>
/// run from the command line.
/// </summary>
public sealed class JournalKeySettingTests : IDisposable
{
    private const string DevelopmentJournalKey = "development-only-journal-key-change-me-0123456789";
    private readonly TestDatabase _database = TestDatabase.NotCreated("journal-key");
    private readonly string _checkpoint = Path.Combine(Path.GetTempPath(), $"workflow-checkpoint-{Guid.NewGuid():N}.json");

    public void Dispose()
    {
        _database.Dispose();
        if (File.Exists(_checkpoint)) File.Delete(_checkpoint);
    }

    [Fact]
    public async Task Migrate_WhenProductionUsesTheDevelopmentJournalKey_RefusesToRunNamingTheSetting()
    {
        var outcome = await ApiProcess.RunAsync(_database.Environment(("ASPNETCORE_ENVIRONMENT", "Production"), ("Audit__JournalKey", DevelopmentJournalKey)), "migrate");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Audit:JournalKey", outcome.Errors);
        Assert.Contains("Audit__JournalKey", outcome.Errors);
        Assert.False(_database.Exists(), "The database was created with a published journal key.");
    }

    [Fact]
    public async Task CreateAdmin_WhenNoJournalKeyIsSet_RefusesToRunNamingTheSetting()
    {
        var outcome = await ApiProcess.RunWithInputAsync(_database.Environment(
            ("ASPNETCORE_ENVIRONMENT", "Production"), ("Audit__JournalKey", ""), ("WORKFLOW_ADMIN_PASSWORD", "mật khẩu quản trị quốc gia 2026")),
            "", "create-admin", "quantri");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Audit:JournalKey", outcome.Errors);
        Assert.False(_database.Exists(), "The database was created without a journal key.");
    }

    [Fact]
    public async Task JournalCommands_WhenACheckpointIsTakenAndVerifiedAgainst_PrintSignedJsonAndExitZero()
    {
        var environment = _database.Environment();

        var taken = await ApiProcess.RunAsync(environment, "journal", "checkpoint");
        Assert.True(taken.ExitCode == 0, taken.Errors + taken.Output);
        var checkpoint = JsonNode.Parse(taken.Output)!;
        Assert.Equal(64, ((string)checkpoint["signature"]!).Length);
        await File.WriteAllTextAsync(_checkpoint, taken.Output);

        var verified = await ApiProcess.RunAsync(environment, "journal", "verify", "--checkpoint", _checkpoint);

        Assert.True(verified.ExitCode == 0, verified.Errors + verified.Output);
        var report = JsonNode.Parse(verified.Output)!;
        Assert.True((bool)report["intact"]!);
        Assert.Equal(0, (int)report["checkpoint"]!["headsChanged"]!);
    }
}
