using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Workflow.Api.Common;
using Workflow.Infrastructure.Workflows;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Workflows;

/// <summary>Servers started one after another on one database, each with its own copy of the workflows folder.</summary>
public sealed class DefinitionVersionTests : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create("definitions");
    private readonly List<string> _folders = [];
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private string CopyOfShipped(Action<JsonObject>? editProposal = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"workflows-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        foreach (var file in Directory.GetFiles(RuntimeFactory.RuntimeWorkflows))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (editProposal is not null)
        {
            var path = Path.Combine(folder, "proposal.workflow.json");
            var proposal = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            editProposal(proposal);
            File.WriteAllText(path, proposal.ToJsonString());
        }
        return folder;
    }

    /// <summary>Version 2 of the proposal process: the clerk's "submit" becomes "send" (Gửi hồ sơ).</summary>
    private static void RenameSubmit(JsonObject proposal)
    {
        proposal["version"] = 2;
        foreach (var t in proposal["transitions"]!.AsArray())
        {
            if ((string?)t!["action"] == "submit") { t["action"] = "send"; t["displayName"] = "Gửi hồ sơ"; }
            if (t["separateFrom"] is JsonArray separate)
                for (var i = 0; i < separate.Count; i++)
                    if ((string?)separate[i] == "submit") separate[i] = "send";
        }
    }

    [Fact]
    public async Task Start_AfterAVersionBump_NewInstancesFollowTheNewVersionAndRunningOnesKeepTheirs()
    {
        Guid before;
        using (var v1 = new RuntimeFactory(_database, CopyOfShipped(), _clock))
            before = (await v1.StartAsync()).Id;

        using var v2 = new RuntimeFactory(_database, CopyOfShipped(RenameSubmit), _clock);
        var after = await v2.StartAsync();
        using var clerk = await v2.ClientFor("nongnghiep");

        Assert.Equal(2, after.DefinitionVersion);
        var old = await clerk.GetJsonAsync($"/api/workflow-instances/{before}");
        Assert.Equal(1, (int)old["definitionVersion"]!);
        Assert.Contains(old["availableActions"]!.AsArray(), a => (string?)a!["action"] == "submit");
        await clerk.FireOkAsync(before, "submit");
        using (var refused = await clerk.FireAsync(after.Id, "submit"))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        await clerk.FireOkAsync(after.Id, "send");

        var definitions = (await clerk.GetJsonAsync("/api/workflows")).AsArray().Where(d => (string?)d!["id"] == "proposal").ToList();
        Assert.Equal([2, 1], definitions.Select(d => (int)d!["version"]!).ToArray());
        Assert.True((bool)definitions[0]!["isCurrent"]!);
        Assert.Equal(1, (int)definitions[1]!["runningInstances"]!);
        Assert.Equal(1, (int)definitions[0]!["runningInstances"]!);
    }

    private Task<ApiProcess.Outcome> StartProgramAsync(string workflows) => ApiProcess.RunAsync(_database.Environment(("Workflows__Path", workflows)));

    [Fact]
    public async Task Startup_WhenAFileChangedWithoutAVersionBump_StopsNamingFileAndPath()
    {
        using (var first = new RuntimeFactory(_database, CopyOfShipped(), _clock))
            await first.StartAsync();

        var outcome = await StartProgramAsync(CopyOfShipped(p => p["displayName"] = "Đề xuất (sửa)"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("proposal.workflow.json: $.version", outcome.Errors);
        Assert.Contains("bump", outcome.Errors);
    }

    [Fact]
    public async Task Startup_WhenADefinitionIsBroken_StopsNamingFileAndPath()
    {
        var outcome = await StartProgramAsync(CopyOfShipped(p => p["transitions"]![0]!["to"] = "Nowhere"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("proposal.workflow.json: $.transitions[0].to: transition to missing state 'Nowhere'", outcome.Errors);
    }

    [Fact]
    public void ValidateWorkflows_OnTheShippedFolder_Succeeds_AndOnABrokenCopy_Fails()
    {
        var configuration = new ConfigurationBuilder().Build();
        var broken = CopyOfShipped(p => ((JsonArray)p["states"]!).RemoveAt(6)); // drop Settled: the only way to finish a settled proposal

        Assert.Equal(0, ValidateWorkflowsCommand.Run(RuntimeFactory.ShippedWorkflows, configuration));
        Assert.Equal(1, ValidateWorkflowsCommand.Run(broken, configuration));
    }

    public void Dispose()
    {
        _database.Dispose();
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }
}
