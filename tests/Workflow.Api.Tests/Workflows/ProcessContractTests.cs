using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Infrastructure;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Api.Tests.Workflows;

/// <summary>
/// The states and actions the code names (Workflow.Domain.Workflows.*Process) must exist in the loaded definitions:
/// a rename in a file is refused at load time with the file and the JSON path, never left to break a guard or a report.
/// </summary>
public sealed class ProcessContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-").FullName;

    public ProcessContractTests()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "runtime-workflows")))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DefinitionLoader Loader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectionString"] = "Data Source=:memory:" }).Build();
        var provider = new ServiceCollection().AddLogging().AddWorkflowInfrastructure(configuration).BuildServiceProvider();
        return provider.CreateScope().ServiceProvider.GetRequiredService<DefinitionLoader>();
    }

    private void Rewrite(string file, string from, string to)
    {
        var path = Path.Combine(_folder, file);
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFolder_WhenTheDefinitionsHaveEveryStateTheCodeNames_LoadsThemAll()
    {
        var (definitions, problems) = Loader().LoadFolder(_folder);

        Assert.Empty(problems);
        Assert.Equal(3, definitions.Count);
    }

    [Fact]
    public void LoadFolder_WhenAStateTheCodeReliesOnIsRenamed_RefusesTheFileAtStatesNamingTheState()
    {
        // a consistent rename: the file is valid on its own, but the guards and reports look for "Settling"
        Rewrite("proposal.workflow.json", "\"Settling\"", "\"InSettlement\"");

        var (definitions, problems) = Loader().LoadFolder(_folder);

        var problem = Assert.Single(problems);
        Assert.Equal("proposal.workflow.json", problem.File);
        Assert.Equal("$.states", problem.Path);
        Assert.Contains("'Settling'", problem.Message);
        Assert.DoesNotContain(definitions, d => d.Definition.Id == "proposal");
    }

    [Fact]
    public void LoadFolder_WhenAnActionTheCodeFiresIsRenamed_RefusesTheFileAtTransitions()
    {
        Rewrite("proposal.workflow.json", "\"settle\"", "\"finish-settlement\"");

        var (_, problems) = Loader().LoadFolder(_folder);

        var problem = Assert.Single(problems);
        Assert.Equal("$.transitions", problem.Path);
        Assert.Contains("'settle'", problem.Message);
    }

    [Fact]
    public void LoadFolder_WhenADisbursementStateIsMissing_RefusesThatFile()
    {
        Rewrite("disbursement.workflow.json", "\"Paid\"", "\"Settled\"");

        var (_, problems) = Loader().LoadFolder(_folder);

        Assert.Contains(problems, p => p.File == "disbursement.workflow.json" && p.Path == "$.states" && p.Message.Contains("'Paid'"));
    }
}
